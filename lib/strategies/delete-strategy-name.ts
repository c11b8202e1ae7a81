import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { StrategyParams } from "@/lib/schemas/strategy";

/** Forgets a strategy's name (its trades keep their magic number); 404 when it had none. */
export async function deleteStrategyName(params: StrategyParams): Promise<void> {
  const { count } = await db.strategy.deleteMany({
    where: { accountId: params.account_id, magicNumber: BigInt(params.magic_number) },
  });
  if (count === 0) {
    throw new ApiError("not_found", `No name is set for magic number ${params.magic_number} in account ${params.account_id}`);
  }
}
