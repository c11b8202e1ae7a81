import { intoOwnAccount, type ScopedAccount } from "@/lib/auth/account-scope";
import { issueDetails, type ErrorDetail } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { createTradeBody, type CreateTradeBody } from "@/lib/schemas/trade";
import { conflictDetails } from "@/lib/ingestion/reconcile";
import { storeTrades } from "@/lib/trades/store-trades";

type ItemStatus = "created" | "duplicate" | "enriched" | "conflict" | "invalid";

interface ItemResult {
  index: number;
  status: ItemStatus;
  trade_id?: number;
  enriched?: string[];
  errors?: ErrorDetail[];
}

/**
 * Stores up to 1,000 trades in one transaction. Each item is validated on its own: invalid items
 * are reported with their field paths (`trades.3.lot_size`) and the valid ones are still stored.
 * Under an account-scoped key (`scope`), payloads naming no account go to the key's account.
 */
export function createTradeBatch(items: unknown[], scope: ScopedAccount | null = null) {
  const results: ItemResult[] = new Array(items.length);
  const valid: { index: number; body: CreateTradeBody }[] = [];
  items.forEach((item, index) => {
    const parsed = safeValidate(createTradeBody, item);
    if (parsed.success) valid.push({ index, body: parsed.data });
    else results[index] = { index, status: "invalid", errors: issueDetails(parsed.error, ["trades", index]) };
  });

  // A payload naming an account the key may not write to refuses the whole batch, before storing.
  const intoAccount = intoOwnAccount(
    scope,
    valid.map((item) => ({ fields: item.body, prefix: `trades.${item.index}.` })),
  );
  const outcomes =
    valid.length > 0
      ? storeTrades(
          valid.map((item) => item.body),
          valid.map(() => intoAccount),
        )
      : [];
  outcomes.forEach((outcome, position) => {
    const index = valid[position]!.index;
    const tradeId = outcome.tradeId ?? undefined;
    switch (outcome.status) {
      case "created":
      case "duplicate":
        results[index] = { index, status: outcome.status, trade_id: tradeId };
        break;
      case "enriched":
        results[index] = { index, status: "enriched", trade_id: tradeId, enriched: outcome.enriched };
        break;
      case "conflict":
        results[index] = {
          index,
          status: "conflict",
          trade_id: tradeId,
          errors: conflictDetails(outcome.differences, `trades.${index}.`),
        };
        break;
    }
  });

  const counts = { created: 0, duplicate: 0, enriched: 0, conflict: 0, invalid: 0 };
  for (const result of results) counts[result.status] += 1;
  return { results, counts };
}
