import { listStrategies } from "@/lib/strategies/list-strategies";

/** (account, magic number) -> the trader's name for that strategy. */
export async function strategyNames(): Promise<(accountId: number, magicNumber: number | null) => string | null> {
  const names = new Map((await listStrategies()).map((strategy) => [`${strategy.account_id}:${strategy.magic_number}`, strategy.name]));
  return (accountId, magicNumber) => (magicNumber === null ? null : (names.get(`${accountId}:${magicNumber}`) ?? null));
}
