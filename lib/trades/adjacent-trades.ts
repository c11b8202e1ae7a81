import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { ListTradesQuery } from "@/lib/schemas/trade-query";
import { readTradesInOrder } from "@/lib/trades/list-trades";
import { tradeFilterSql } from "@/lib/trades/trade-filters";
import { sortValues, tradeOrder } from "@/lib/trades/trade-order";
import { selectTradeRecord, type TradeRecord } from "@/lib/trades/trade-record";

/**
 * The trades just before and after one trade in the journal's order under the same filters and sort
 * (the rows above and below it in the table): one keyset step each way, as the list pages.
 */
export function adjacentTrades(id: number, query: ListTradesQuery): { previous: number | null; next: number | null } {
  const handle = sqlite();
  const trade = cached(handle, `SELECT ${selectTradeRecord} FROM trades t WHERE t.id = ?`).get(id) as TradeRecord | undefined;
  if (!trade) return { previous: null, next: null };
  const order = tradeOrder(query.sort);
  const filter = tradeFilterSql(query);
  const after = sortValues(order, trade);
  const neighbour = (backwards: boolean) => readTradesInOrder(handle, { filter, order, after, backwards, limit: 1 })[0]?.id ?? null;
  return { previous: neighbour(true), next: neighbour(false) };
}
