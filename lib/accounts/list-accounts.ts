import { toAccountResource } from "@/lib/accounts/account-resource";
import { db } from "@/lib/db";

/** Every account with its number of trades; the default account holds trades sent without account fields. */
export async function listAccounts() {
  const accounts = await db.account.findMany({
    orderBy: { id: "asc" },
    include: { _count: { select: { trades: true } } },
  });
  return accounts.map((account) => toAccountResource({ ...account, tradeCount: account._count.trades }));
}
