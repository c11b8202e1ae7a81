import { createSegmentWriter, forgetSegments, type AccountStreams } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";

/**
 * Deletes an account with its trades, balance operations and strategy names (the foreign keys
 * cascade) in one transaction. The days its trades leave go stale in every stream they were in,
 * so the next read recomputes them, or removes them when no trade is left.
 */
export function deleteAccount(id: number): void {
  const handle = sqlite();
  const remove = handle.transaction(() => {
    const account = cached(handle, "SELECT id, currency FROM accounts WHERE id = ?").get(id) as AccountStreams | undefined;
    if (!account) throw new ApiError("not_found", `Account ${id} does not exist`);
    const segments = createSegmentWriter(handle);
    segments.removeAccount(account); // reads the trades' days: before they go
    cached(handle, "DELETE FROM accounts WHERE id = ?").run(id);
    segments.flush();
  });
  try {
    remove.immediate();
  } finally {
    forgetSegments(handle);
  }
}
