import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";

/** Every tag in use with its number of trades, by name: the tag filter's choices. */
export function listTags(): { tag: string; trades: number }[] {
  return cached(sqlite(), "SELECT tag, COUNT(*) AS trades FROM trade_tags GROUP BY tag ORDER BY tag").all() as {
    tag: string;
    trades: number;
  }[];
}
