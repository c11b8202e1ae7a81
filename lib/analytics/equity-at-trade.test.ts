import { beforeAll, describe, expect, it } from "vitest";
import { equityAtTrade } from "@/lib/analytics/equity-at-trade";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";

beforeAll(() => {
  resetDatabase();
  storeTrades(generateDemoTrades({ seed: 14, positionsPerAccount: 60 }).map((trade) => validate(createTradeBody, trade, "trade")));
});

describe("equityAtTrade", () => {
  it("is the trade's position and cumulative net in its account's close-time order", () => {
    const trades = listTrades(validate(listTradesQuery, { account_id: "1", sort: "close_time", limit: "500" }, "query")).data;
    expect(trades.length).toBeGreaterThan(50);
    let equity = 0;
    trades.forEach((trade, index) => {
      equity += trade.net_profit;
      const at = equityAtTrade(trade);
      expect(at.trades, `trade ${trade.id}`).toBe(index + 1);
      expect(at.equity).toBeCloseTo(equity, 6);
    });
  });
});
