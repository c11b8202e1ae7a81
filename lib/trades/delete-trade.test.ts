import { beforeEach, describe, expect, it } from "vitest";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { getSummary } from "@/lib/analytics/get-summary";
import { rebuildSegments } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { deleteTrade } from "@/lib/trades/delete-trade";
import { storeTrades } from "@/lib/trades/store-trades";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

const summary = (query: Record<string, unknown> = {}) => getSummary(validate(tradeFiltersQuery, query, "query"));

beforeEach(resetDatabase);

describe("deleteTrade", () => {
  it("removes the trade and its journal, and the analytics equal a recompute from scratch", async () => {
    const demo = generateDemoTrades({ seed: 17, positionsPerAccount: 40 });
    const ids = storeTrades(demo.map((trade) => validate(createTradeBody, trade, "trade"))).map((outcome) => outcome.tradeId!);
    const victims = [ids[0]!, ids[10]!, ids.at(-1)!];
    updateTradeJournal(victims[0]!, { note: "gone", tags: ["x"] });
    const symbol = String(demo[10]!.symbol);
    summary();
    summary({ symbol }); // segments read (and remembered) before the delete
    for (const id of victims) deleteTrade(id);

    const kept = [summary(), summary({ symbol })];
    rebuildSegments(sqlite());
    expect([summary(), summary({ symbol })]).toEqual(kept);
    expect(kept[0]!.total_trades).toBe(demo.length - victims.length);
    const counted = (await listAccounts()).reduce((sum, account) => sum + account.trade_count, 0);
    expect(counted).toBe(demo.length - victims.length); // the account counts come from the segments
    expect(sqlite().prepare("SELECT COUNT(*) AS n FROM trade_tags").get()).toEqual({ n: 0 });
    expect(() => deleteTrade(victims[0]!)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("removes a day's segment when its last trade goes", () => {
    const [only] = generateDemoTrades({ seed: 2, positionsPerAccount: 1 });
    const [outcome] = storeTrades([validate(createTradeBody, only, "trade")]);
    summary();
    deleteTrade(outcome!.tradeId!);
    expect(summary()).toMatchObject({ total_trades: 0 });
    summary({ symbol: String(only!.symbol) });
    expect(sqlite().prepare("SELECT COUNT(*) AS n FROM trade_segments WHERE kind IN ('all', 'symbol')").get()).toEqual({ n: 0 });
  });
});
