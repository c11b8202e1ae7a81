import { createSegmentWriter, forgetSegments, selectSegmentTrade, type SegmentTrade } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";

/**
 * Deletes one trade (with its note and tags) and sends its days back to the analytics to recompute,
 * in one transaction. A later post of the same deal ticket stores it again.
 */
export function deleteTrade(id: number): void {
  const handle = sqlite();
  const segments = createSegmentWriter(handle);
  try {
    handle
      .transaction(() => {
        const trade = cached(
          handle,
          `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`,
        ).get(id) as SegmentTrade | undefined;
        if (!trade) throw new ApiError("not_found", `Trade ${id} does not exist`);
        cached(handle, "DELETE FROM trades WHERE id = ?").run(id);
        segments.refresh(trade, trade); // its stream-days are recomputed from the trades left
        segments.flush();
      })
      .immediate();
  } catch (error) {
    forgetSegments(handle);
    throw error;
  }
  segments.remember();
}
