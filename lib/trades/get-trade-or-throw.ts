import { sqlite } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { cached } from "@/lib/db/cached-statement";
import { selectTradeRow, toTradeResource, type TradeJournal, type TradeRecord } from "@/lib/trades/trade-record";

/** One trade with its derived fields, or 404. */
export function getTradeOrThrow(id: number) {
  const trade = cached(sqlite(), `SELECT ${selectTradeRow} FROM trades t WHERE t.id = ?`).get(id) as
    | (TradeRecord & TradeJournal)
    | undefined;
  if (!trade) throw new ApiError("not_found", `Trade ${id} does not exist`);
  return toTradeResource(trade);
}
