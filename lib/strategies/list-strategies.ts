import { db } from "@/lib/db";
import { toStrategyResource } from "@/lib/strategies/strategy-resource";

/** Every named strategy, by account then magic number. */
export async function listStrategies() {
  const strategies = await db.strategy.findMany({ orderBy: [{ accountId: "asc" }, { magicNumber: "asc" }] });
  return strategies.map(toStrategyResource);
}
