import Link from "next/link";
import { Signed } from "@/components/ui/signed";
import type { SortField } from "@/lib/schemas/trade-query";
import { costsOf, type TradeResource } from "@/lib/trades/trade-record";
import { formatBrokerTime, formatDuration, formatLots, formatMoney, formatPrice } from "@/lib/ui/format";
import { filterNames, withParams, type SearchParams } from "@/lib/ui/page-filters";

export type TradeRow = TradeResource & { strategy_name: string | null };

interface Column {
  label: string;
  sort?: SortField;
  numeric?: boolean;
  cell: (trade: TradeRow) => React.ReactNode;
}

const sideLabel = { BUY: "Long", SELL: "Short" } as const;

const columns: Column[] = [
  { label: "Close time", sort: "close_time", cell: (trade) => formatBrokerTime(trade.close_time) },
  { label: "Open time", cell: (trade) => formatBrokerTime(trade.open_time) },
  { label: "Symbol", sort: "symbol", cell: (trade) => trade.symbol },
  { label: "Side", cell: (trade) => (trade.side ? sideLabel[trade.side] : "—") },
  { label: "Lots", sort: "lot_size", numeric: true, cell: (trade) => formatLots(trade.lot_size) },
  { label: "Entry", numeric: true, cell: (trade) => formatPrice(trade.entry_price) },
  { label: "Exit", numeric: true, cell: (trade) => formatPrice(trade.exit_price) },
  { label: "SL", numeric: true, cell: (trade) => formatPrice(trade.stop_loss) },
  { label: "TP", numeric: true, cell: (trade) => formatPrice(trade.take_profit) },
  { label: "Profit", sort: "profit", numeric: true, cell: (trade) => formatMoney(trade.profit) },
  { label: "Costs", numeric: true, cell: (trade) => formatMoney(costsOf(trade)) },
  { label: "Net", sort: "net_profit", numeric: true, cell: (trade) => <Signed value={trade.net_profit} className="font-medium" /> },
  { label: "Duration", sort: "duration_seconds", numeric: true, cell: (trade) => formatDuration(trade.duration_seconds) },
  {
    label: "Magic",
    cell: (trade) =>
      trade.magic_number === null ? "—" : (
        <span>
          {trade.magic_number}
          {trade.strategy_name && <span className="text-zinc-500 dark:text-zinc-400"> · {trade.strategy_name}</span>}
        </span>
      ),
  },
  { label: "Reason", cell: (trade) => trade.position_reason?.replaceAll("_", " ").toLowerCase() ?? "—" },
  {
    label: "Tags",
    cell: (trade) => (
      <span className="flex gap-1">
        {trade.tags.map((tag) => (
          <span key={tag} className="rounded bg-zinc-100 px-1.5 text-xs dark:bg-zinc-800">
            {tag}
          </span>
        ))}
      </span>
    ),
  },
];

/** The journal's table: sortable headers are links (the sort is in the URL), rows open the trade. */
export function TradeTable({ trades, sort, params }: { trades: TradeRow[]; sort: string; params: SearchParams }) {
  const descending = sort.startsWith("-");
  const sortField = sort.replace(/^-/, "");
  const detailQuery = withParams(params, {}, [...filterNames, "sort"]);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full border-collapse text-sm whitespace-nowrap">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
          <tr>
            {columns.map((column) => {
              const active = column.sort === sortField;
              const next = active && descending ? column.sort! : `-${column.sort}`;
              return (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
                  className={`px-3 py-2 font-medium ${column.numeric ? "text-right" : "text-left"}`}
                >
                  {column.sort ? (
                    <Link
                      href={withParams(params, { sort: next, cursor: null })}
                      className={`inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100 ${active ? "text-zinc-900 dark:text-zinc-100" : ""}`}
                    >
                      {column.label}
                      <span aria-hidden>{active ? (descending ? "↓" : "↑") : "↕"}</span>
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {trades.map((trade) => (
            <tr key={trade.id} data-trade-id={trade.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              {columns.map((column, index) => (
                <td key={column.label} className={`px-3 py-1.5 tabular-nums ${column.numeric ? "text-right" : ""}`}>
                  {index === 0 ? (
                    <Link href={`/trades/${trade.id}${detailQuery}`} className="text-sky-700 hover:underline dark:text-sky-400">
                      {column.cell(trade)}
                    </Link>
                  ) : (
                    column.cell(trade)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
