import type { Metadata } from "next";
import { BreakdownChart } from "@/components/charts/breakdown-chart";
import { DailyHeatmap } from "@/components/charts/daily-heatmap";
import { EquityChart } from "@/components/charts/equity-chart";
import { ResultHistogram } from "@/components/charts/result-histogram";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { MetricDefinitions } from "@/components/dashboard/metric-definitions";
import { Panel } from "@/components/dashboard/panel";
import { FilterBar } from "@/components/filters/filter-bar";
import { FilterProblems } from "@/components/filters/filter-problems";
import { NoMatches } from "@/components/filters/no-matches";
import { ConnectEa } from "@/components/ui/connect-ea";
import type { AccountResource } from "@/lib/accounts/account-resource";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { getBreakdown } from "@/lib/analytics/get-breakdown";
import { getDailySeries } from "@/lib/analytics/get-daily-series";
import { getDistribution } from "@/lib/analytics/get-distribution";
import { getEquitySeries } from "@/lib/analytics/get-equity-series";
import { getSummary } from "@/lib/analytics/get-summary";
import { tradeFiltersQuery, type TradeFilters } from "@/lib/schemas/trade-query";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { hourBars, strategyBars, symbolBars, weekdayBars } from "@/lib/ui/breakdown-groups";
import { getFilterOptions } from "@/lib/ui/filter-options";
import { formatInteger } from "@/lib/ui/format";
import { filterNames, readQuery, withParams, type SearchParams } from "@/lib/ui/page-filters";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { query: filters, problems } = readQuery(tradeFiltersQuery, params, filterNames);
  const [accounts, strategies] = await Promise.all([listAccounts(), listStrategies()]);
  const options = getFilterOptions(accounts, strategies);
  const hasAnyTrade = options.account_id.length > 0;
  const summary = hasAnyTrade ? getSummary(filters) : null;

  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Dashboard</h1>
        {summary && summary.total_trades > 0 && (
          <p className="text-sm text-zinc-500 tabular-nums dark:text-zinc-400">
            {formatInteger(summary.total_trades)} trades closed {summary.first_trade_time?.slice(0, 10)} → {summary.last_trade_time?.slice(0, 10)}
            {summary.currency && ` · ${summary.currency}`}
          </p>
        )}
      </div>
      <FilterBar options={options} />
      <FilterProblems problems={problems} />
      {!summary ? (
        <ConnectEa />
      ) : summary.total_trades === 0 ? (
        <NoMatches clearHref="/" />
      ) : (
        <>
          <KpiCards summary={summary} />
          <Charts filters={filters} summary={summary} params={params} accounts={accounts} />
          <MetricDefinitions />
        </>
      )}
    </main>
  );
}

/**
 * The charts of one currency: the selection's, or, when it mixes currencies, the one with the most
 * trades (its accounts are added to the filters), said in a note above them.
 */
function Charts({
  filters,
  summary,
  params,
  accounts,
}: {
  filters: TradeFilters;
  summary: ReturnType<typeof getSummary>;
  params: SearchParams;
  accounts: AccountResource[];
}) {
  const mixed = summary.by_currency.length > 1;
  const shown = summary.by_currency.reduce((most, metrics) => (metrics.total_trades > most.total_trades ? metrics : most), summary.by_currency[0]!);
  const currency = shown.currency;
  const chartFilters: TradeFilters = mixed
    ? {
        ...filters,
        account_id: accounts
          .filter((account) => (account.currency || null) === currency && (!filters.account_id || filters.account_id.includes(account.id)))
          .map((account) => account.id),
      }
    : filters;

  const equity = getEquitySeries({ ...chartFilters, points: 600 }).series[0];
  const daily = getDailySeries({ ...chartFilters, period: "day" }).points;
  const distribution = getDistribution({ ...chartFilters, buckets: 20 }).series[0];
  const accountName = new Map(accounts.map((account) => [account.id, account.name]));
  const symbols = symbolBars(getBreakdown({ ...chartFilters, by: "symbol" }).groups);
  const strategies = strategyBars(getBreakdown({ ...chartFilters, by: "strategy" }).groups, (id) => accountName.get(id) ?? `Account ${id}`);
  const weekdays = weekdayBars(getBreakdown({ ...chartFilters, by: "weekday" }).groups);
  const hours = hourBars(getBreakdown({ ...chartFilters, by: "hour" }).groups);
  const journalQuery = withParams(params, {}, filterNames.filter((name) => name !== "from" && name !== "to")).slice(1);
  const others = (hidden: number, total: number) => (hidden > 0 ? `the ${total - hidden} most traded of ${total}` : undefined);

  return (
    <>
      {mixed && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          These trades are in {summary.by_currency.length} currencies ({summary.by_currency.map((metrics) => metrics.currency ?? "unknown").join(", ")}
          ): the charts show the {currency ?? "unknown-currency"} accounts only ({formatInteger(shown.total_trades)} trades). Pick accounts in the filter to
          chart another currency.
        </p>
      )}
      {equity && (
        <Panel
          title="Equity and drawdown"
          note={equity.per_trade ? "Every trade is a point" : `${formatInteger(equity.points.length)} points: each a run of whole days, its high and low shaded`}
        >
          <EquityChart
            points={equity.points.map(({ trades, time, equity, low, high, drawdown, balance }) => ({ trades, time, equity, low, high, drawdown, balance }))}
            currency={currency}
            perTrade={equity.per_trade}
          />
        </Panel>
      )}
      <Panel title="Daily net profit" note="Close day, broker calendar">
        <DailyHeatmap
          days={daily.map((point) => ({
            day: point.period,
            trades: point.trades,
            wins: point.wins,
            losses: point.losses,
            netProfit: point.net_profit ?? point.by_currency[0]?.net_profit ?? 0,
          }))}
          currency={currency}
          journalQuery={journalQuery}
        />
      </Panel>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="By symbol" note={others(symbols.hidden, symbols.bars.length + symbols.hidden)}>
          <BreakdownChart groups={symbols.bars} currency={currency} syncId="symbol" />
        </Panel>
        <Panel title="By strategy" note={others(strategies.hidden, strategies.bars.length + strategies.hidden) ?? "Magic number · name"}>
          <BreakdownChart groups={strategies.bars} currency={currency} syncId="strategy" slantLabels />
        </Panel>
        <Panel title="By weekday" note="Open time, broker clock">
          <BreakdownChart groups={weekdays} currency={currency} syncId="weekday" />
        </Panel>
        <Panel title="By hour" note="Open hour, broker clock">
          <BreakdownChart groups={hours} currency={currency} syncId="hour" />
        </Panel>
        {distribution && (
          <Panel title="Distribution of trade results" note={`${formatInteger(distribution.trades)} trades; a bar runs from its label up to the next`} className="lg:col-span-2">
            <ResultHistogram buckets={distribution.buckets.map(({ from, to, trades, wins, losses }) => ({ from, to, trades, wins, losses }))} currency={currency} />
          </Panel>
        )}
      </div>
    </>
  );
}
