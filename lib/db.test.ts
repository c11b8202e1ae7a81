import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { storeTrades } from "@/lib/trades/store-trades";

describe("database connections", () => {
  it("run in WAL mode with synchronous=NORMAL, foreign keys and a 64 MiB cache, on both doors", async () => {
    const raw = sqlite();
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("synchronous", { simple: true })).toBe(1);
    expect(raw.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(raw.pragma("cache_size", { simple: true })).toBe(-65536);

    const [prisma] = await db.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys");
    const [synchronous] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    expect(prisma?.foreign_keys).toBe(1n);
    expect(synchronous?.synchronous).toBe(1n);
  });

  it("cascade an account's deletion through Prisma to its trades", async () => {
    const body = validate(createTradeBody, { ...JSON.parse(legacyPayloadText), account_login: 42, account_server: "Cascade" }, "trade");
    const [outcome] = storeTrades([body]);
    const account = await db.account.findUniqueOrThrow({ where: { login_server: { login: 42n, server: "Cascade" } } });
    await db.account.delete({ where: { id: account.id } });
    expect(sqlite().prepare("SELECT COUNT(*) AS n FROM trades WHERE id = ?").get(outcome!.tradeId)).toEqual({ n: 0 });
  });
});
