import { beforeAll, describe, expect, it } from "vitest";
import { getSummary } from "@/lib/analytics/get-summary";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { createRandom, generateDemoTrades } from "@/lib/seed/demo-trades";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const legacy = JSON.parse(legacyPayloadText) as Record<string, unknown>;
const usd = { account_login: 1, account_server: "A", account_currency: "USD" };
const eur = { account_login: 2, account_server: "B", account_currency: "EUR" };
const summary = (query: Record<string, unknown> = {}) => getSummary(validate(tradeFiltersQuery, query, "query"));
/** The same filters, forced through the ordered pass over trades (a no-op filter the segments do not cover). */
const byPass = (query: Record<string, unknown> = {}) => summary({ ...query, outcome: ["win", "loss", "breakeven"] });

describe("getSummary on a hand-checked set", () => {
  beforeAll(() => {
    resetDatabase();
    const trades = [
      { ...legacy, ...usd, deal_ticket: 1, profit: 100, commission: -2.5, swap: -0.5 }, // 97, 13728 s
      { ...legacy, ...usd, deal_ticket: 2, profit: -40, commission: -2.5, open_time: "2026.01.02 13:00:00" }, // -42.5, 3600 s
      { ...legacy, ...usd, deal_ticket: 3, profit: 2.5, commission: -2.5, open_time: "1970.01.01 00:00:00" }, // 0
      { ...legacy, ...eur, deal_ticket: 4, profit: -10, symbol: "EURGBP" }, // -10 EUR
    ];
    storeTrades(trades.map((trade) => validate(createTradeBody, trade, "trade")));
  });

  it("never adds money across currencies, and keeps the first issue's keys", () => {
    const result = summary();
    expect(result).toMatchObject({
      currency: null,
      total_trades: 4,
      wins: 1,
      losses: 2,
      breakevens: 1,
      total_profit: null,
      net_profit: null,
      average_profit: null,
      max_drawdown: null,
      win_rate: 1 / 3,
      win_rate_all: 0.25,
      average_duration_seconds: (13728 + 3600 + 13728) / 3,
    });
    expect(result.by_currency.map((group) => [group.currency, group.total_trades, group.net_profit])).toEqual([
      ["EUR", 1, -10],
      ["USD", 3, 54.5],
    ]);
  });

  it("gives one currency's full metrics at the top level", () => {
    expect(summary({ symbol: "EURUSD" })).toMatchObject({
      currency: "USD",
      total_trades: 3,
      total_profit: 54.5,
      net_profit: 54.5,
      gross_profit: 97,
      gross_loss: -42.5,
      commission: -7.5,
      swap: -0.5,
      profit_factor: 97 / 42.5,
      expected_payoff: 54.5 / 3,
      average_profit: 54.5 / 3,
      largest_win: { net_profit: 97, trade_id: 1 },
      largest_loss: { net_profit: -42.5, trade_id: 2 },
      max_drawdown: 42.5,
      longest_win_streak: { count: 1, net_profit: 97 },
      short: { trades: 3, wins: 1, losses: 1, win_rate: 0.5, net_profit: 54.5 },
      long: { trades: 0, wins: 0, losses: 0, win_rate: null, net_profit: 0 },
      first_trade_time: "2026-01-02T14:00:00",
      last_trade_time: "2026-01-02T14:00:00",
    });
  });

  it("is defined for an empty selection", () => {
    expect(summary({ symbol: "NOPE" })).toMatchObject({
      total_trades: 0,
      total_profit: 0,
      win_rate: null,
      average_profit: null,
      max_drawdown: null,
      average_duration_seconds: null,
      by_currency: [],
    });
  });
});

describe("getSummary from segments", () => {
  let accountId: number;

  beforeAll(() => {
    resetDatabase();
    const demo = generateDemoTrades({ seed: 21, positionsPerAccount: 120 });
    const random = createRandom(4);
    // In order, then a shuffled backfill, so some days go stale and are recomputed on read.
    storeTrades(demo.slice(0, 100).map((trade) => validate(createTradeBody, trade, "trade")));
    const rest = demo.slice(100).sort(() => random() - 0.5);
    for (let start = 0; start < rest.length; start += 50) {
      storeTrades(rest.slice(start, start + 50).map((trade) => validate(createTradeBody, trade, "trade")));
    }
    accountId = (sqlite().prepare("SELECT MIN(id) AS id FROM accounts").get() as { id: number }).id;
  });

  it("equals one ordered pass over the trades, for every stream and time range", () => {
    const ranges = [{}, { from: "2026-03-01" }, { to: "2026.07.15 13:30" }, { from: "2026-02-10T08:00:00", to: "2026-06-01T17:45:00" }, { from: "2026-05-05 10:00", to: "2026-05-05 18:00" }];
    const streams = [{}, { symbol: "XAUUSD" }, { magic_number: "2002" }, { magic_number: "0" }, { account_id: String(accountId) }];
    for (const stream of streams) {
      for (const range of ranges) {
        const query = { ...stream, ...range };
        expect(summary(query), JSON.stringify(query)).toEqual(byPass(query));
      }
    }
    expect(summary().total_trades).toBe(sqlite().prepare("SELECT COUNT(*) AS n FROM trades").pluck().get());
  });
});
