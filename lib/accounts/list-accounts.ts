import { db } from "@/lib/db";

/** Every account with its number of trades; the default account holds trades sent without account fields. */
export async function listAccounts() {
  const accounts = await db.account.findMany({
    orderBy: { id: "asc" },
    include: { _count: { select: { trades: true } } },
  });
  return accounts.map((account) => ({
    id: account.id,
    login: account.isDefault ? null : Number(account.login),
    server: account.isDefault ? null : account.server,
    currency: account.currency,
    name: account.name ?? (account.isDefault ? "Default account" : `${account.login} @ ${account.server}`),
    is_default: account.isDefault,
    trade_count: account._count.trades,
  }));
}
