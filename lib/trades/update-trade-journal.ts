import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import type { UpdateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";

/** Sets the trader's note and/or tag set on a trade, in one transaction; answers the trade. */
export function updateTradeJournal(id: number, body: UpdateTradeJournalBody) {
  const handle = sqlite();
  handle
    .transaction(() => {
      const exists = cached(handle, "SELECT 1 FROM trades WHERE id = ?").get(id);
      if (!exists) throw new ApiError("not_found", `Trade ${id} does not exist`);
      if (body.note !== undefined) {
        const note = body.note?.trim() ? body.note : null;
        cached(handle, "UPDATE trades SET note = ? WHERE id = ?").run(note, id);
      }
      if (body.tags !== undefined) {
        cached(handle, "DELETE FROM trade_tags WHERE trade_id = ?").run(id);
        const insert = cached(handle, "INSERT OR IGNORE INTO trade_tags (trade_id, tag) VALUES (?, ?)");
        for (const tag of body.tags) insert.run(id, tag);
      }
    })
    .immediate();
  return getTradeOrThrow(id);
}
