import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";

export async function deleteBalanceOperation(id: number): Promise<void> {
  const { count } = await db.balanceOperation.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError("not_found", `Balance operation ${id} does not exist`);
}
