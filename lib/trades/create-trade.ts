import type { CreateTradeBody } from "@/lib/schemas/trade";
import { conflictError } from "@/lib/ingestion/reconcile";
import { queueTrade } from "@/lib/trades/store-trades";
import { toTradeResource } from "@/lib/trades/trade-record";

/**
 * Stores one closed trade. Returns the response body and status the conventions give:
 * 201 when new, 200 when already stored (possibly enriched); a differing value throws 409.
 * `intoAccount`: where a payload naming no account goes instead of the default account.
 */
export async function createTrade(body: CreateTradeBody, intoAccount: number | null = null) {
  const outcome = await queueTrade(body, intoAccount);
  switch (outcome.status) {
    case "created":
      return { status: 201, body: { trade_id: outcome.tradeId, duplicate: false, data: toTradeResource(outcome.trade) } };
    case "duplicate":
      return { status: 200, body: { trade_id: outcome.tradeId, duplicate: true } };
    case "enriched":
      return { status: 200, body: { trade_id: outcome.tradeId, duplicate: true, enriched: outcome.enriched } };
    case "conflict":
      throw conflictError(
        outcome.tradeId === null ? "This deal's account" : `Trade ${outcome.tradeId}`,
        outcome.differences,
      );
  }
}
