import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";

/** The magic numbers an account's trades carry (0 = manual trades), ascending: the strategies it can name. */
export function listMagicNumbers(accountId: number): number[] {
  return cached(
    sqlite(),
    "SELECT DISTINCT t.magic_number FROM trades t WHERE t.account_id = ? AND t.magic_number IS NOT NULL ORDER BY t.magic_number",
  )
    .pluck()
    .all(accountId) as number[];
}
