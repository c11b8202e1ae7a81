import { beforeEach, describe, expect, it } from "vitest";
import { db, sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { setStrategyNameBody, strategyParams } from "@/lib/schemas/strategy";
import { deleteStrategyName } from "@/lib/strategies/delete-strategy-name";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { setStrategyName } from "@/lib/strategies/set-strategy-name";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const key = (accountId: number, magic: number) =>
  validate(strategyParams, { account_id: String(accountId), magic_number: String(magic) }, "path");
const named = (name: string) => validate(setStrategyNameBody, { name }, "strategy");

let accountId: number;

beforeEach(() => {
  resetDatabase();
  storeTrades([validate(createTradeBody, { ...JSON.parse(legacyPayloadText), account_login: 7, account_server: "S" }, "trade")]);
  accountId = (sqlite().prepare("SELECT id FROM accounts").get() as { id: number }).id;
});

describe("strategy names", () => {
  it("sets, renames, lists and deletes a name per account and magic number", async () => {
    expect(await setStrategyName(key(accountId, 12345), named("  Breakout  "))).toMatchObject({
      account_id: accountId,
      magic_number: 12345,
      name: "Breakout",
    });
    await setStrategyName(key(accountId, 12345), named("London breakout"));
    await setStrategyName(key(accountId, 0), named("Manual"));
    expect((await listStrategies()).map((strategy) => [strategy.magic_number, strategy.name])).toEqual([
      [0, "Manual"],
      [12345, "London breakout"],
    ]);
    await deleteStrategyName(key(accountId, 0));
    expect(await listStrategies()).toHaveLength(1);
    await expect(deleteStrategyName(key(accountId, 0))).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an unknown account with 404", async () => {
    await expect(setStrategyName(key(accountId + 100, 1), named("X"))).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("rejects an empty or overlong name", () => {
    expect(() => named("   ")).toThrow(/name/);
    expect(() => named("x".repeat(65))).toThrow(/name/);
  });

  it("goes when its account goes", async () => {
    await setStrategyName(key(accountId, 12345), named("Breakout"));
    await db.account.delete({ where: { id: accountId } });
    expect(await listStrategies()).toEqual([]);
  });
});
