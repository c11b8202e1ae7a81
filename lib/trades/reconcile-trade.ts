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
  | { status: "duplicate"; kept?: FieldDifference[] }
  | { status: "enriched"; fields: string[]; values: TradeValues; kept?: FieldDifference[] }
  | { status: "conflict"; differences: FieldDifference[] };

/**
 * Who wins where a known value differs:
 * - "conflict": the conventions' rule for a payload sent again (409);
 * - "stored": an import never contradicts what is stored; it only fills empty fields and reports
 *   what it kept (`kept`);
 * - "incoming": an EA over a row only an import has written: the import read a rendered report
 *   (or someone else's CSV), the EA reads the terminal, so its values replace the imported ones.
 */
export type DifferenceRule = "conflict" | "stored" | "incoming";

/** A deal stored already, sent again: the conventions' rule, then derived columns recomputed. */
export function reconcileTrade(stored: TradeRecord, incoming: TradeValues, rule: DifferenceRule = "conflict"): Reconciliation {
  const verdict = reconcile<TradeValues, Field>(stored, incoming, comparedFields, hintFields, (field) => tradeColumns[field]);
  if (verdict.status === "duplicate") return verdict;
  if (verdict.status === "conflict" && rule === "conflict") return verdict;
  const differing = verdict.status === "conflict" ? verdict.differences : [];
  // A conflict verdict lists no fills and skips hints: recount both when differences are allowed.
  const filled = verdict.status === "enriched" ? verdict.filled : fillableFields(stored, incoming);
  const replaced = rule === "incoming" ? differing.map((difference) => fieldOfColumn[difference.field]!) : [];
  const kept = rule === "stored" && differing.length > 0 ? { kept: differing } : {};
  const changed = [...filled, ...replaced];
  if (changed.length === 0) return { status: "duplicate", ...kept };
  const merged: TradeValues = { ...stored };
  for (const field of changed) Object.assign(merged, { [field]: incoming[field] });
  return {
    status: "enriched",
    fields: changed.map((field) => tradeColumns[field]),
    values: withDerivedValues(merged),
    ...kept,
  };
}

const fieldOfColumn = Object.fromEntries(
  [...comparedFields, ...hintFields].map((field) => [tradeColumns[field], field]),
) as Record<string, Field>;

function fillableFields(stored: TradeRecord, incoming: TradeValues): Field[] {
  return [...comparedFields, ...hintFields].filter((field) => stored[field] == null && incoming[field] != null);
}
