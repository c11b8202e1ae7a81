import { reconcile, type FieldDifference } from "@/lib/ingestion/reconcile";
import type { TradeRecord, TradeValues } from "@/lib/trades/trade-record";
import { tradeColumns } from "@/lib/trades/trade-record";
import { withDerivedValues } from "@/lib/trades/trade-values";

type Field = keyof TradeValues & string;

export type { FieldDifference };

/** The fields that identify what happened in a trade; compared when the same deal arrives again. */
const comparedFields = [
  "symbol",
  "orderTicket",
  "positionTicket",
  // The position's side, not position_type: the legacy EA's position_type means the exit deal's direction.
  "side",
  "positionReason",
  "lotSize",
  "entryPrice",
  "exitPrice",
  "stopLoss",
  "takeProfit",
  "initialStopLoss",
  "initialTakeProfit",
  "profit",
  "commission",
  "entryCommission",
  "swap",
  "fee",
  "openTime",
  "closeTime",
  "magicNumber",
  "comment",
] as const satisfies readonly Field[];

/** A hint that may legitimately change between sends (DST): filled when empty, never a conflict. */
const hintFields = ["utcOffsetMinutes"] as const satisfies readonly Field[];

export type Reconciliation =
  | { status: "duplicate" }
  | { status: "enriched"; fields: string[]; values: TradeValues }
  | { status: "conflict"; differences: FieldDifference[] };

/** A deal stored already, sent again: the conventions' rule, then derived columns recomputed. */
export function reconcileTrade(stored: TradeRecord, incoming: TradeValues): Reconciliation {
  const verdict = reconcile<TradeValues, Field>(stored, incoming, comparedFields, hintFields, (field) => tradeColumns[field]);
  if (verdict.status !== "enriched") return verdict;
  const merged: TradeValues = { ...stored };
  for (const field of verdict.filled) Object.assign(merged, { [field]: incoming[field] });
  return {
    status: "enriched",
    fields: verdict.filled.map((field) => tradeColumns[field]),
    values: withDerivedValues(merged),
  };
}
