import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { removeTrade, saveTradeJournal } from "@/app/trades/[id]/actions";
import { TradeOnEquity } from "@/components/charts/trade-on-equity";
import { DeleteTradeButton } from "@/components/journal/delete-trade-button";
import { JournalEditor } from "@/components/journal/journal-editor";
import { Signed } from "@/components/ui/signed";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { equityAtTrade } from "@/lib/analytics/equity-at-trade";
import { getEquitySeries } from "@/lib/analytics/get-equity-series";
import { measureTradeRisk } from "@/lib/analytics/trade-risk";
import { ApiError } from "@/lib/http/api-error";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { adjacentTrades } from "@/lib/trades/adjacent-trades";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";
import { costsOf, type TradeResource } from "@/lib/trades/trade-record";
import { formatBrokerTime, formatDuration, formatMoney, formatPrice, formatRatio } from "@/lib/ui/format";
import { filterNames, readQuery, withParams, type SearchParams } from "@/lib/ui/page-filters";
import { strategyNames } from "@/lib/ui/strategy-names";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

async function loadTrade(id: string): Promise<TradeResource> {
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return getTradeOrThrow(Number(id));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const trade = await loadTrade((await params).id);
  return { title: `${trade.symbol} ${formatBrokerTime(trade.close_time)}` };
}

export default async function TradePage({ params, searchParams }: Props) {
  const trade = await loadTrade((await params).id);
  const search = await searchParams;
  const { query } = readQuery(listTradesQuery, search, [...filterNames, "sort"]);
  const listQuery = withParams(search, {}, [...filterNames, "sort"]);
  const adjacent = adjacentTrades(trade.id, query);
  const [accounts, strategies] = await Promise.all([listAccounts(), listStrategies()]);
  const nameOf = strategyNames(strategies);
  const account = accounts.find((each) => each.id === trade.account_id);
  const strategy = nameOf(trade.account_id, trade.magic_number);
  const equity = getEquitySeries({ account_id: [trade.account_id], points: 400 }).series[0];
  const marker = equityAtTrade(trade);
  const derived = derivedValues(trade);

  return (
    <main className="space-y-4">
      <nav aria-label="Trade navigation" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/trades${listQuery}`} className="text-sky-700 hover:underline dark:text-sky-400">
          ← Journal
        </Link>
        <div className="flex gap-2">
          <NeighbourLink id={adjacent.previous} query={listQuery} rel="prev">
            ← Previous
          </NeighbourLink>
          <NeighbourLink id={adjacent.next} query={listQuery} rel="next">
            Next →
          </NeighbourLink>
        </div>
      </nav>

      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold">
          {trade.symbol} {trade.side === "BUY" ? "Long" : trade.side === "SELL" ? "Short" : ""} {trade.lot_size.toFixed(2)}
        </h1>
        <Signed value={trade.net_profit} currency={account?.currency} className="text-xl font-semibold" />
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          closed {formatBrokerTime(trade.close_time)} (broker time) · {account?.name}
          {trade.magic_number !== null && ` · magic ${trade.magic_number}${strategy ? ` (${strategy})` : ""}`}
        </span>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="derived" className="rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-1 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="derived" className="mb-2 font-semibold">
            Result
          </h2>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm">
            {derived.map(([label, value]) => (
              <Field key={label} label={label}>
                {value}
              </Field>
            ))}
          </dl>
        </section>
        <section aria-labelledby="equity" className="rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-2 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="equity" className="mb-2 font-semibold">
            On the account&apos;s equity curve
          </h2>
          {equity && equity.points.length > 1 ? (
            <TradeOnEquity points={equity.points.map((point) => ({ trades: point.trades, equity: point.equity }))} marker={marker} />
          ) : (
            <p className="text-sm text-zinc-500">The only trade of this account so far.</p>
          )}
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Trade {marker.trades} of {equity?.trades ?? 1} in this account; cumulative net after it {formatMoney(marker.equity)}.
          </p>
        </section>
      </div>

      <section aria-labelledby="journal" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="journal" className="mb-2 font-semibold">
          Journal
        </h2>
        <JournalEditor note={trade.note} tags={trade.tags} save={saveTradeJournal.bind(null, trade.id)} />
      </section>

      <section aria-labelledby="stored" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="stored" className="mb-2 font-semibold">
          Every stored field
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-3 lg:grid-cols-4">
          {Object.entries(trade).map(([field, value]) => (
            <Field key={field} label={field} mono>
              <span data-field={field}>{Array.isArray(value) ? value.join(", ") || "—" : value === null ? "—" : String(value)}</span>
            </Field>
          ))}
        </dl>
      </section>

      <DeleteTradeButton remove={removeTrade.bind(null, trade.id, `/trades${listQuery}`)} />
    </main>
  );
}

/** Net, costs, the stops and distances to them, the R-multiple, duration; in pairs (initial SL/TP beside those at close). */
function derivedValues(trade: TradeResource): [string, React.ReactNode][] {
  const costs = costsOf(trade);
  const entry = trade.entry_price;
  const { stop, risk, reward, move, rMultiple } = measureTradeRisk(trade);
  const stopName = stop === "initial" ? "the initial stop loss" : "the stop loss at close (no initial stop was sent)";
  return [
    ["Net", <Signed key="net" value={trade.net_profit} />],
    ["Profit", formatMoney(trade.profit)],
    [
      "Commission",
      trade.entry_commission === null ? (
        formatMoney(trade.commission)
      ) : (
        <span>
          {formatMoney(trade.commission)} <Hint>(entry {formatMoney(trade.entry_commission)})</Hint>
        </span>
      ),
    ],
    ["Costs", formatMoney(costs)],
    ["Entry → exit", `${formatPrice(entry)} → ${formatPrice(trade.exit_price)}`],
    ["Move in price", move === null ? "—" : formatPrice(move)],
    [
      "Initial SL / TP",
      trade.initial_stop_loss === null && trade.initial_take_profit === null ? (
        <span>
          — <Hint>(not sent)</Hint>
        </span>
      ) : (
        `${formatPrice(trade.initial_stop_loss)} / ${formatPrice(trade.initial_take_profit)}`
      ),
    ],
    ["SL / TP at close", `${formatPrice(trade.stop_loss)} / ${formatPrice(trade.take_profit)}`],
    [
      "SL distance",
      risk === null ? (
        "—"
      ) : (
        <span>
          {formatPrice(risk)} <Hint>({stop === "initial" ? "initial" : "at close"})</Hint>
        </span>
      ),
    ],
    ["TP distance", formatPrice(reward)],
    ["Planned reward : risk", risk && reward !== null ? formatRatio(reward / risk) : "—"],
    [
      "R-multiple",
      rMultiple === null ? (
        "— (no stop loss, or no entry/exit)"
      ) : (
        <span>
          {formatRatio(rMultiple)}R <Hint>from {stopName}</Hint>
        </span>
      ),
    ],
    ["Duration", formatDuration(trade.duration_seconds)],
    ["Reason", trade.position_reason?.replaceAll("_", " ").toLowerCase() ?? "—"],
    ["Source", trade.source],
  ];
}

function Hint({ children }: { children: React.ReactNode }) {
  return <span className="text-xs text-zinc-500 dark:text-zinc-400">{children}</span>;
}

function Field({ label, mono = false, children }: { label: string; mono?: boolean; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className={`text-xs text-zinc-500 dark:text-zinc-400 ${mono ? "font-mono" : ""}`}>{label}</dt>
      <dd className={`tabular-nums ${mono ? "truncate" : "break-words"}`}>{children}</dd>
    </div>
  );
}

function NeighbourLink({ id, query, rel, children }: { id: number | null; query: string; rel: string; children: React.ReactNode }) {
  if (id === null) return <span className="rounded border border-zinc-200 px-3 py-1 text-zinc-400 dark:border-zinc-800">{children}</span>;
  return (
    <Link href={`/trades/${id}${query}`} rel={rel} className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
      {children}
    </Link>
  );
}
