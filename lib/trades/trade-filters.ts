import type { TradeFilters } from "@/lib/schemas/trade-query";

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const listColumns = {
  symbol: "t.symbol",
  magic_number: "t.magic_number",
  position_type: "t.position_type",
  side: "t.side",
  position_reason: "t.position_reason",
  account_id: "t.account_id",
  deal_ticket: "t.deal_ticket",
  position_ticket: "t.position_ticket",
  order_ticket: "t.order_ticket",
} as const satisfies Partial<Record<keyof TradeFilters, string>>;

const outcomeCondition = { win: "t.net_profit > 0", loss: "t.net_profit < 0", breakeven: "t.net_profit = 0" } as const;

/** The WHERE clause (over `trades t`) for the shared filters; "1 = 1" when there are none. */
export function tradeFilterSql(filters: TradeFilters): SqlFragment {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of Object.entries(listColumns) as [keyof typeof listColumns, string][]) {
    const values = filters[key];
    if (!values) continue;
    conditions.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  }
  if (filters.tag) {
    conditions.push(`t.id IN (SELECT trade_id FROM trade_tags WHERE tag IN (${filters.tag.map(() => "?").join(", ")}))`);
    params.push(...filters.tag);
  }
  if (filters.outcome) {
    conditions.push(`(${[...new Set(filters.outcome)].map((outcome) => outcomeCondition[outcome]).join(" OR ")})`);
  }
  if (filters.from) {
    conditions.push("t.close_time >= ?");
    params.push(filters.from.seconds);
  }
  if (filters.to) {
    conditions.push("t.close_time < ?");
    params.push(filters.to.seconds);
  }
  return { sql: conditions.length > 0 ? conditions.join(" AND ") : "1 = 1", params };
}
