import { createSegmentWriter, forgetSegments, selectSegmentTrade, type SegmentTrade } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import { getImportOrThrow } from "@/lib/import/get-import-or-throw";
import type { ImportResult } from "@/lib/import/run-import";

/**
 * Takes an import back, in one transaction: deletes the trades and balance operations it created,
 * except trades an EA has sent since (they stand on their own). Values it filled into rows that
 * were there before stay: they agreed with nothing that was stored.
 */
export function undoImport(id: number) {
  const current = getImportOrThrow(id);
  if (current.status === "queued" || current.status === "running") {
    throw new ApiError("conflict", `Import ${id} is still ${current.status}: undo it when it has finished`);
  }
  if (current.status === "undone") throw new ApiError("conflict", `Import ${id} was undone already`);
  const handle = sqlite();
  const segments = createSegmentWriter(handle);
  try {
    handle
      .transaction(() => {
        const trades = cached(
          handle,
          `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
            WHERE t.import_id = ? AND t.confirmed_by_ea = 0`,
        ).all(id) as SegmentTrade[];
        const remove = cached(handle, "DELETE FROM trades WHERE id = ?");
        for (const trade of trades) {
          remove.run(trade.id);
          segments.refresh(trade, trade); // its stream-days are recomputed from the trades left
        }
        segments.flush();
        const kept = cached(handle, "SELECT COUNT(*) AS n FROM trades WHERE import_id = ?").get(id) as { n: number };
        const operations = cached(handle, "DELETE FROM balance_operations WHERE import_id = ?").run(id);
        const result: ImportResult | null = current.result;
        const undo = { trades_deleted: trades.length, trades_kept: kept.n, balance_operations_deleted: operations.changes };
        cached(handle, "UPDATE imports SET status = 'undone', result = ? WHERE id = ?").run(
          JSON.stringify(result ? { ...result, undo } : { undo }),
          id,
        );
      })
      .immediate();
  } catch (error) {
    forgetSegments(handle);
    throw error;
  }
  segments.remember();
  return getImportOrThrow(id);
}
