import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { ListTradesQuery } from "@/lib/schemas/trade-query";
import { cursorFingerprint, encodeCursor, type CursorDirection } from "@/lib/trades/trade-cursor";
import { sortValues, tradeOrder } from "@/lib/trades/trade-order";
import { listTrades } from "@/lib/trades/list-trades";
import { selectTradeRecord, type TradeRecord } from "@/lib/trades/trade-record";

/**
 * The trades just before and after one trade in the journal's order under the same filters and sort
 * (the rows above and below it in the table), found with the list's own keyset cursors.
 */
export function adjacentTrades(id: number, query: ListTradesQuery): { previous: number | null; next: number | null } {
  const trade = cached(sqlite(), `SELECT ${selectTradeRecord} FROM trades t WHERE t.id = ?`).get(id) as TradeRecord | undefined;
  if (!trade) return { previous: null, next: null };
  const order = tradeOrder(query.sort);
  const fingerprint = cursorFingerprint(query);
  const neighbour = (direction: CursorDirection) =>
    listTrades({ ...query, limit: 1, cursor: encodeCursor(fingerprint, { direction, values: sortValues(order, trade) }) }).data[0]
      ?.id ?? null;
  return { previous: neighbour("prev"), next: neighbour("next") };
}
