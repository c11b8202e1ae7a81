import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { SetStrategyNameBody, StrategyParams } from "@/lib/schemas/strategy";
import { toStrategyResource } from "@/lib/strategies/strategy-resource";

/** Names (or renames) the strategy behind a magic number in one account; 404 for an unknown account. */
export async function setStrategyName(params: StrategyParams, body: SetStrategyNameBody) {
  const account = await db.account.findUnique({ where: { id: params.account_id }, select: { id: true } });
  if (!account) throw new ApiError("not_found", `Account ${params.account_id} does not exist`);
  const key = { accountId: params.account_id, magicNumber: BigInt(params.magic_number) };
  const strategy = await db.strategy.upsert({
    where: { accountId_magicNumber: key },
    create: { ...key, name: body.name },
    update: { name: body.name },
  });
  return toStrategyResource(strategy);
}
