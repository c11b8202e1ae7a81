import type { z } from "zod";
import type { strategyResource } from "@/lib/schemas/responses";

type Strategy = z.infer<typeof strategyResource>;

/** (account, magic number) -> the trader's name for that strategy, from the list of strategies. */
export function strategyNames(strategies: Strategy[]): (accountId: number, magicNumber: number | null) => string | null {
  const names = new Map(strategies.map((strategy) => [`${strategy.account_id}:${strategy.magic_number}`, strategy.name]));
  return (accountId, magicNumber) => (magicNumber === null ? null : (names.get(`${accountId}:${magicNumber}`) ?? null));
}
