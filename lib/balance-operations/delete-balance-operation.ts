import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";

/** Deletes one operation; `checkAccount` may refuse (throw) once the operation's account is known. */
export async function deleteBalanceOperation(id: number, checkAccount: (accountId: number) => void = () => {}): Promise<void> {
  const operation = await db.balanceOperation.findUnique({ where: { id }, select: { accountId: true } });
  if (!operation) throw new ApiError("not_found", `Balance operation ${id} does not exist`);
  checkAccount(operation.accountId);
  await db.balanceOperation.delete({ where: { id } });
}
