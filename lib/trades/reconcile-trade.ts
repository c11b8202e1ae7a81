import type { TradeRecord, TradeValues } from "@/lib/trades/trade-record";
import { tradeColumns } from "@/lib/trades/trade-record";
import { withDerivedValues } from "@/lib/trades/trade-values";

type Field = keyof TradeValues;

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
  "profit",
  "commission",
  "swap",
  "fee",
  "openTime",
  "closeTime",
  "magicNumber",
  "comment",
] as const satisfies readonly Field[];

/** A hint that may legitimately change between sends (DST): filled when empty, never a conflict. */
const hintFields = ["utcOffsetMinutes"] as const satisfies readonly Field[];

export interface FieldDifference {
  field: string;
  stored: unknown;
  received: unknown;
}

export type Reconciliation =
  | { status: "duplicate" }
  | { status: "enriched"; fields: string[]; values: TradeValues }
  | { status: "conflict"; differences: FieldDifference[] };

/**
 * Judges a payload for a deal that is already stored: only the fields it sent count (null = not
 * sent). Equal everywhere -> duplicate; only fills empty fields -> enriched; a known value
 * differs -> conflict.
 */
export function reconcileTrade(stored: TradeRecord, incoming: TradeValues): Reconciliation {
  const differences: FieldDifference[] = [];
  const filled: Field[] = [];
  for (const field of comparedFields) {
    const received = incoming[field];
    if (received === null) continue;
    const current = stored[field];
    if (current === null) filled.push(field);
    else if (!sameValue(current, received)) differences.push({ field: tradeColumns[field], stored: current, received });
  }
  if (differences.length > 0) return { status: "conflict", differences };
  for (const field of hintFields) {
    if (stored[field] === null && incoming[field] !== null) filled.push(field);
  }
  if (filled.length === 0) return { status: "duplicate" };

  const merged: TradeValues = { ...stored };
  for (const field of filled) Object.assign(merged, { [field]: incoming[field] });
  return {
    status: "enriched",
    fields: filled.map((field) => tradeColumns[field]),
    values: withDerivedValues(merged),
  };
}

/**
 * Numbers are equal when they agree to 8 decimals: MT5 prices, volumes and money never have
 * more, so anything finer is floating-point noise from the sender's formatting.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= 5e-9 + 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}
