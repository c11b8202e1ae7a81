import { ApiError } from "@/lib/http/api-error";

// The conventions' rule for a record that arrives again under the same key: only the fields it
// sent count (null = not sent). All equal -> duplicate; it only fills empty fields -> enriched;
// a known value differs -> conflict, naming each field with both values.

export interface FieldDifference {
  field: string;
  stored: unknown;
  received: unknown;
}

export type Verdict<K> =
  | { status: "duplicate" }
  | { status: "enriched"; filled: K[] }
  | { status: "conflict"; differences: FieldDifference[] };

/**
 * `compared` fields conflict when they differ; `hints` only fill an empty value. `columnOf` names a
 * field as the wire does (trades.lot_size, not lotSize).
 */
export function reconcile<T extends Record<string, unknown>, K extends keyof T & string>(
  stored: T,
  incoming: T,
  compared: readonly K[],
  hints: readonly K[],
  columnOf: (field: K) => string,
): Verdict<K> {
  const differences: FieldDifference[] = [];
  const filled: K[] = [];
  for (const field of compared) {
    const received = incoming[field];
    if (received === null || received === undefined) continue;
    const current = stored[field];
    if (current === null || current === undefined) filled.push(field);
    else if (!sameValue(current, received)) differences.push({ field: columnOf(field), stored: current, received });
  }
  if (differences.length > 0) return { status: "conflict", differences };
  for (const field of hints) {
    const received = incoming[field];
    if ((stored[field] === null || stored[field] === undefined) && received !== null && received !== undefined) {
      filled.push(field);
    }
  }
  return filled.length === 0 ? { status: "duplicate" } : { status: "enriched", filled };
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

/** 409 naming each differing field with both values; `what` says what is stored ("Trade 7"). */
export function conflictError(what: string, differences: FieldDifference[]): ApiError {
  return new ApiError(
    "conflict",
    `${what} is already stored with different values: ${differences.map((d) => d.field).join(", ")}`,
    conflictDetails(differences),
  );
}

/** Each difference as an error detail; `prefix` roots the field (e.g. "trades.3."). */
export function conflictDetails(differences: FieldDifference[], prefix = "") {
  return differences.map((difference) => ({
    field: `${prefix}${difference.field}`,
    message: `stored ${JSON.stringify(difference.stored)}, received ${JSON.stringify(difference.received)}`,
  }));
}
