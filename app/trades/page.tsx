import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterProblems } from "@/components/filters/filter-problems";
import { NoMatches } from "@/components/filters/no-matches";
import { TradeTable } from "@/components/journal/trade-table";
import { ConnectEa } from "@/components/ui/connect-ea";
import { Signed } from "@/components/ui/signed";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { getSummary } from "@/lib/analytics/get-summary";
import { ApiError } from "@/lib/http/api-error";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { listTrades } from "@/lib/trades/list-trades";
import { getFilterOptions } from "@/lib/ui/filter-options";
import { formatInteger, formatLots, formatMoney, formatRate } from "@/lib/ui/format";
import { filterNames, readQuery, withParams, type SearchParams } from "@/lib/ui/page-filters";
import { strategyNames } from "@/lib/ui/strategy-names";

export const metadata: Metadata = { title: "Journal" };

const pageParams = [...filterNames, "sort", "limit", "cursor"];
const pageSizes = [25, 50, 100, 200];

export default async function TradesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { query, problems } = readQuery(listTradesQuery, params, pageParams);
  const { sort: _sort, limit: _limit, cursor: _cursor, ...filters } = query;
  let page: ReturnType<typeof listTrades>;
  try {
    page = listTrades(query);
  } catch (error) {
    // A cursor from other filters or a hand-edited link: start again from the first page.
    if (!(error instanceof ApiError)) throw error;
    problems.push(...(error.details ?? [{ field: "cursor", message: error.message }]));
    page = listTrades({ ...query, cursor: undefined });
  }
  const [accounts, strategies] = await Promise.all([listAccounts(), listStrategies()]);
  const options = getFilterOptions(accounts, strategies);
  const nameOf = strategyNames(strategies);
  const summary = getSummary(filters);
  const hasAnyTrade = options.account_id.length > 0;
  const currency = summary.currency;
  const costs = summary.by_currency.length === 1 ? summary.commission! + summary.swap! + summary.fee! : null;
  const exportHref = `/api/v1/trades.csv${withParams(params, {}, [...filterNames, "sort"])}`;

  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Journal</h1>
        <a href={exportHref} className="text-sm text-sky-700 underline-offset-2 hover:underline dark:text-sky-400" download>
          Export CSV ({formatInteger(page.page.total)} trades)
        </a>
      </div>
      <FilterBar options={options} />
      <FilterProblems problems={problems} />
      {!hasAnyTrade ? (
        <ConnectEa />
      ) : (
        <>
          <dl
            aria-label="Totals of the filtered trades"
            className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <Total label="Trades" testId="total-trades">
              {formatInteger(summary.total_trades)}
            </Total>
            <Total label="Net profit" testId="total-net">
              {summary.net_profit === null ? "mixed currencies" : <Signed value={summary.net_profit} currency={currency} />}
            </Total>
            <Total label="Win rate">{formatRate(summary.win_rate)}</Total>
            <Total label="Gross profit / loss">
              {summary.gross_profit === null ? "—" : `${formatMoney(summary.gross_profit)} / ${formatMoney(summary.gross_loss)}`}
            </Total>
            <Total label="Costs (commission + swap + fee)">{costs === null ? "—" : formatMoney(costs)}</Total>
            <Total label="Lots">{formatLots(summary.total_lots)}</Total>
          </dl>
          {page.data.length === 0 ? (
            <NoMatches clearHref="/trades" />
          ) : (
            <TradeTable
              trades={page.data.map((trade) => ({ ...trade, strategy_name: nameOf(trade.account_id, trade.magic_number) }))}
              sort={query.sort}
              params={params}
            />
          )}
          <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <div className="flex gap-2">
              <PageLink href={page.page.prev_cursor ? withParams(params, { cursor: page.page.prev_cursor }, pageParams) : null} rel="prev">
                ← Newer
              </PageLink>
              <PageLink href={page.page.next_cursor ? withParams(params, { cursor: page.page.next_cursor }, pageParams) : null} rel="next">
                Older →
              </PageLink>
            </div>
            <div className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
              <span>Per page:</span>
              {pageSizes.map((size) => (
                <Link
                  key={size}
                  href={withParams(params, { limit: String(size), cursor: null }, pageParams)}
                  aria-current={query.limit === size ? "true" : undefined}
                  className={query.limit === size ? "font-semibold text-zinc-900 dark:text-zinc-100" : "hover:underline"}
                >
                  {size}
                </Link>
              ))}
            </div>
          </nav>
        </>
      )}
    </main>
  );
}

function Total({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function PageLink({ href, rel, children }: { href: string | null; rel: string; children: React.ReactNode }) {
  const style = "rounded border px-3 py-1.5";
  if (!href) {
    return (
      <span aria-disabled className={`${style} border-zinc-200 text-zinc-400 dark:border-zinc-800 dark:text-zinc-600`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={`${style} border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`}>
      {children}
    </Link>
  );
}
