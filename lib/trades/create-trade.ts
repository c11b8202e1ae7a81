import { ApiError } from "@/lib/http/api-error";
import type { CreateTradeBody } from "@/lib/schemas/trade";
import type { FieldDifference } from "@/lib/trades/reconcile-trade";
import { queueTrade } from "@/lib/trades/store-trades";
import { toTradeResource } from "@/lib/trades/trade-record";

/**
 * Stores one closed trade. Returns the response body and status the conventions give:
 * 201 when new, 200 when already stored (possibly enriched); a differing value throws 409.
 */
export async function createTrade(body: CreateTradeBody) {
  const outcome = await queueTrade(body);
  switch (outcome.status) {
    case "created":
      return { status: 201, body: { trade_id: outcome.tradeId, duplicate: false, data: toTradeResource(outcome.trade) } };
    case "duplicate":
      return { status: 200, body: { trade_id: outcome.tradeId, duplicate: true } };
    case "enriched":
      return { status: 200, body: { trade_id: outcome.tradeId, duplicate: true, enriched: outcome.enriched } };
    case "conflict":
      throw conflictError(outcome.tradeId, outcome.differences);
  }
}

export function conflictError(tradeId: number | null, differences: FieldDifference[]): ApiError {
  const which = tradeId === null ? "This deal's account" : `Trade ${tradeId}`;
  return new ApiError(
    "conflict",
    `${which} is already stored with different values: ${differences.map((d) => d.field).join(", ")}`,
    conflictDetails(differences),
  );
}

export function conflictDetails(differences: FieldDifference[], prefix = "") {
  return differences.map((difference) => ({
    field: `${prefix}${difference.field}`,
    message: `stored ${JSON.stringify(difference.stored)}, received ${JSON.stringify(difference.received)}`,
  }));
}
