import { toBalanceOperationResource } from "@/lib/balance-operations/balance-operation-resource";
import { db } from "@/lib/db";
import type { ListBalanceOperationsQuery } from "@/lib/schemas/balance-operation";

/** Balance operations in time order, optionally for some accounts and a time range. */
export async function listBalanceOperations(query: ListBalanceOperationsQuery) {
  const operations = await db.balanceOperation.findMany({
    where: {
      ...(query.account_id ? { accountId: { in: query.account_id } } : {}),
      time: {
        ...(query.from ? { gte: BigInt(query.from.seconds) } : {}),
        ...(query.to ? { lt: BigInt(query.to.seconds) } : {}),
      },
    },
    orderBy: [{ time: "asc" }, { id: "asc" }],
  });
  return operations.map(toBalanceOperationResource);
}
