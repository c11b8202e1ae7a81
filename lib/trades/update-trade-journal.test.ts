import { beforeEach, describe, expect, it } from "vitest";
import { getSummary } from "@/lib/analytics/get-summary";
import { issueDetails } from "@/lib/http/api-error";
import { safeValidate, validate } from "@/lib/http/validate";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { createTradeBody } from "@/lib/schemas/trade";
import { listTradesQuery, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";
import { listTags } from "@/lib/trades/list-tags";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

const journal = (payload: Record<string, unknown>) => validate(updateTradeJournalBody, payload, "journal");
const list = (query: Record<string, unknown>) => listTrades(validate(listTradesQuery, query, "query"));
let ids: number[] = [];

beforeEach(() => {
  resetDatabase();
  const demo = generateDemoTrades({ seed: 9, positionsPerAccount: 10 });
  const outcomes = storeTrades(demo.map((trade) => validate(createTradeBody, trade, "trade")));
  ids = outcomes.map((outcome) => outcome.tradeId!);
});

describe("the trader's journal on a trade", () => {
  it("stores a note and a tag set, shows them on the trade, and leaves the EA's fields alone", () => {
    const before = getTradeOrThrow(ids[0]!);
    expect(before).toMatchObject({ note: null, tags: [] });
    const after = updateTradeJournal(ids[0]!, journal({ note: "Chased the breakout.\nNo plan.", tags: ["fomo", " A+ setup ", "fomo"] }));
    expect(after).toEqual({ ...before, note: "Chased the breakout.\nNo plan.", tags: ["A+ setup", "fomo"] });
    // Only the tags: the note stays; an empty note clears it.
    expect(updateTradeJournal(ids[0]!, journal({ tags: ["review"] }))).toMatchObject({ note: "Chased the breakout.\nNo plan.", tags: ["review"] });
    expect(updateTradeJournal(ids[0]!, journal({ note: "  ", tags: [] }))).toMatchObject({ note: null, tags: [] });
  });

  it("filters the list and the analytics by tag", () => {
    updateTradeJournal(ids[0]!, journal({ tags: ["fomo"] }));
    updateTradeJournal(ids[3]!, journal({ tags: ["fomo", "news"] }));
    updateTradeJournal(ids[5]!, journal({ tags: ["news"] }));
    expect(list({ tag: "fomo", sort: "close_time" }).data.map((trade) => trade.id).sort()).toEqual([ids[0], ids[3]].sort());
    expect(list({ tag: ["fomo", "news"] }).page.total).toBe(3);
    const tagged = [ids[0]!, ids[3]!].map((id) => getTradeOrThrow(id).net_profit);
    expect(getSummary(validate(tradeFiltersQuery, { tag: "fomo" }, "query"))).toMatchObject({
      total_trades: 2,
      net_profit: Math.round((tagged[0]! + tagged[1]!) * 100) / 100,
    });
    expect(listTags()).toEqual([
      { tag: "fomo", trades: 2 },
      { tag: "news", trades: 2 },
    ]);
  });

  it("answers 404 for an unknown trade and rejects bad input naming the field", () => {
    expect(() => updateTradeJournal(999_999, journal({ note: "x" }))).toThrow(expect.objectContaining({ status: 404 }));
    for (const [payload, field] of [
      [{ tags: ["a,b"] }, "tags.0"],
      [{ tags: ["x".repeat(41)] }, "tags.0"],
      [{ tags: Array.from({ length: 21 }, (_, index) => `t${index}`) }, "tags"],
      [{ note: 5 }, "note"],
      [{ note: "x", deal_ticket: 1 }, "deal_ticket"],
    ] as const) {
      const result = safeValidate(updateTradeJournalBody, payload);
      expect(result.success ? [] : issueDetails(result.error).map((detail) => detail.field), JSON.stringify(payload)).toContain(field);
    }
    expect(safeValidate(updateTradeJournalBody, {}).success).toBe(false);
  });
});
