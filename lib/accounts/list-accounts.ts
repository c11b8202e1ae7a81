import { toAccountResource } from "@/lib/accounts/account-resource";
import { freshenSegments } from "@/lib/analytics/trade-segments";
import { db, sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";

/**
 * Every account with its number of trades; the default account holds trades sent without account
 * fields. The counts add up the account streams' day segments (a few rows per day) instead of
 * counting a million trades on every page.
 */
export async function listAccounts() {
  const handle = sqlite();
  freshenSegments(handle, "account");
  const counts = new Map(
    (
      cached(handle, "SELECT CAST(key AS INTEGER) AS accountId, SUM(trades) AS trades FROM trade_segments WHERE kind = 'account' GROUP BY key").all() as {
        accountId: number;
        trades: number;
      }[]
    ).map((row) => [row.accountId, row.trades]),
  );
  const accounts = await db.account.findMany({ orderBy: { id: "asc" } });
  return accounts.map((account) => toAccountResource({ ...account, tradeCount: counts.get(account.id) ?? 0 }));
}
