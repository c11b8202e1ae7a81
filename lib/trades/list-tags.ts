import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";

/** Every tag in use with its number of trades, by name: the tag filter's choices (of one account, when given). */
export function listTags(accountId: number | null = null): { tag: string; trades: number }[] {
  const sql =
    accountId === null
      ? "SELECT tag, COUNT(*) AS trades FROM trade_tags GROUP BY tag ORDER BY tag"
      : `SELECT g.tag, COUNT(*) AS trades FROM trade_tags g JOIN trades t ON t.id = g.trade_id
         WHERE t.account_id = ? GROUP BY g.tag ORDER BY g.tag`;
  const statement = cached(sqlite(), sql);
  return (accountId === null ? statement.all() : statement.all(accountId)) as { tag: string; trades: number }[];
}
