import { createHash } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";

export type CursorDirection = "next" | "prev";

export interface Cursor {
  direction: CursorDirection;
  values: (number | string | null)[];
}

/** A short fingerprint of the filters and sort a cursor was made for. */
export function cursorFingerprint(query: Record<string, unknown>): string {
  const canonical = Object.keys(query)
    .filter((key) => key !== "cursor" && key !== "limit" && query[key] !== undefined)
    .sort()
    .map((key) => {
      const value = query[key];
      return [key, Array.isArray(value) ? [...value].map(String).sort() : value];
    });
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 16);
}

export function encodeCursor(fingerprint: string, cursor: Cursor): string {
  const payload = { f: fingerprint, d: cursor.direction === "next" ? "n" : "p", k: cursor.values };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** Opens a cursor, or throws 422 invalid_cursor when it is malformed or was made for other filters. */
export function decodeCursor(text: string, fingerprint: string, keyCount: number): Cursor {
  let payload: { f?: unknown; d?: unknown; k?: unknown };
  try {
    payload = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("cursor is not one this API issued");
  }
  if (typeof payload !== "object" || payload === null || typeof payload.f !== "string") {
    throw invalidCursor("cursor is not one this API issued");
  }
  if (payload.f !== fingerprint) {
    throw invalidCursor("cursor belongs to other filters or another sort; start again without it");
  }
  const values = payload.k;
  if (
    (payload.d !== "n" && payload.d !== "p") ||
    !Array.isArray(values) || values.length !== keyCount ||
    !values.every((value) => value === null || typeof value === "number" || typeof value === "string")
  ) {
    throw invalidCursor("cursor is not one this API issued");
  }
  return { direction: payload.d === "n" ? "next" : "prev", values };
}

function invalidCursor(message: string): ApiError {
  return new ApiError("invalid_cursor", `Invalid cursor: ${message}`, [{ field: "cursor", message }]);
}
