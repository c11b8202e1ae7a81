import type { SortField } from "@/lib/schemas/trade-query";
import type { SqlFragment } from "@/lib/trades/trade-filters";
import type { TradeRecord } from "@/lib/trades/trade-record";

/** One key of an ordering; nullable keys sort their nulls last in both directions. */
export interface SortKey {
  column: string;
  property: keyof TradeRecord;
  nullable: boolean;
}

const sortableKeys: Record<SortField, SortKey> = {
  close_time: { column: "t.close_time", property: "closeTime", nullable: false },
  net_profit: { column: "t.net_profit", property: "netProfit", nullable: false },
  profit: { column: "t.profit", property: "profit", nullable: false },
  lot_size: { column: "t.lot_size", property: "lotSize", nullable: false },
  symbol: { column: "t.symbol", property: "symbol", nullable: false },
  duration_seconds: { column: "t.duration_seconds", property: "durationSeconds", nullable: true },
};

// The conventions' tie-break, which also makes every ordering total.
const tieBreak: SortKey[] = [
  sortableKeys.close_time,
  { column: "t.account_id", property: "accountId", nullable: false },
  { column: "t.deal_ticket", property: "dealTicket", nullable: false },
];

export interface TradeOrder {
  keys: SortKey[];
  descending: boolean;
}

/** "-net_profit" -> net_profit DESC, then close_time, account_id, deal_ticket DESC. */
export function tradeOrder(sort: string): TradeOrder {
  const descending = sort.startsWith("-");
  const field = sort.replace(/^-/, "") as SortField;
  const keys = field === "close_time" ? tieBreak : [sortableKeys[field], ...tieBreak];
  return { keys, descending };
}

/**
 * ORDER BY for reading forwards, or backwards (to build a previous page): backwards every
 * direction flips, and so does where the nulls go.
 */
export function orderBySql(order: TradeOrder, backwards: boolean): string {
  const descending = order.descending !== backwards;
  return order.keys
    .map((key) => {
      const nulls = key.nullable ? (backwards ? " NULLS FIRST" : " NULLS LAST") : "";
      return `${key.column} ${descending ? "DESC" : "ASC"}${nulls}`;
    })
    .join(", ");
}

/**
 * Rows strictly after `values` in the ordering (or strictly before, when `backwards`). The
 * non-nullable tail is one row-value comparison, so SQLite seeks in the index instead of scanning.
 */
export function keysetSql(order: TradeOrder, values: (number | string | null)[], backwards: boolean): SqlFragment {
  const greater = order.descending === backwards;
  const operator = greater ? ">" : "<";
  const [first, ...rest] = order.keys;
  if (first!.nullable) {
    const value = values[0] ?? null;
    const tail = keysetSql({ keys: rest, descending: order.descending }, values.slice(1), backwards);
    if (value === null) {
      // Nulls come last: nothing non-null is after a null, everything non-null is before it.
      const others = backwards ? `${first!.column} IS NOT NULL OR ` : "";
      return { sql: `(${others}(${first!.column} IS NULL AND ${tail.sql}))`, params: tail.params };
    }
    const laterNulls = backwards ? "" : ` OR ${first!.column} IS NULL`;
    return {
      sql: `(${first!.column} ${operator} ?${laterNulls} OR (${first!.column} = ? AND ${tail.sql}))`,
      params: [value, value, ...tail.params],
    };
  }
  const columns = order.keys.map((key) => key.column).join(", ");
  return { sql: `(${columns}) ${operator} (${order.keys.map(() => "?").join(", ")})`, params: values };
}

export function sortValues(order: TradeOrder, trade: TradeRecord): (number | string | null)[] {
  return order.keys.map((key) => trade[key.property] as number | string | null);
}
