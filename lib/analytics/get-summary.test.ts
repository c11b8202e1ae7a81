import { beforeAll, describe, expect, it } from "vitest";
import { getSummary } from "@/lib/analytics/get-summary";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const legacy = JSON.parse(legacyPayloadText) as Record<string, unknown>;
const usd = { account_login: 1, account_server: "A", account_currency: "USD" };
const eur = { account_login: 2, account_server: "B", account_currency: "EUR" };

beforeAll(() => {
  resetDatabase();
  const trades = [
    { ...legacy, ...usd, deal_ticket: 1, profit: 100, commission: -2.5, swap: -0.5 }, // 97, 13728 s
    { ...legacy, ...usd, deal_ticket: 2, profit: -40, commission: -2.5, open_time: "2026.01.02 13:00:00" }, // -42.5, 3600 s
    { ...legacy, ...usd, deal_ticket: 3, profit: 2.5, commission: -2.5, open_time: "1970.01.01 00:00:00" }, // 0, unknown
    { ...legacy, ...eur, deal_ticket: 4, profit: -10, symbol: "EURGBP" }, // -10 EUR
  ];
  storeTrades(trades.map((trade) => validate(createTradeBody, trade, "trade")));
});

const summary = (query: Record<string, unknown> = {}) => getSummary(validate(tradeFiltersQuery, query, "query"));

describe("getSummary", () => {
  it("sums net profit per currency and nulls the mixed top-level money figures", () => {
    expect(summary()).toEqual({
      total_trades: 4,
      total_profit: null,
      win_rate: 1 / 3,
      average_profit: null,
      average_duration_seconds: (13728 + 3600 + 13728) / 3,
      by_currency: [
        { currency: "EUR", total_trades: 1, total_profit: -10, win_rate: 0, average_profit: -10 },
        { currency: "USD", total_trades: 3, total_profit: 54.5, win_rate: 0.5, average_profit: 54.5 / 3 },
      ],
    });
  });

  it("applies the list's filters", () => {
    expect(summary({ symbol: "EURUSD" })).toMatchObject({
      total_trades: 3,
      total_profit: 54.5,
      win_rate: 0.5,
      average_profit: 54.5 / 3,
      average_duration_seconds: (13728 + 3600) / 2,
    });
    expect(summary({ outcome: "breakeven" })).toMatchObject({ total_trades: 1, total_profit: 0, win_rate: null });
  });

  it("is defined for an empty selection", () => {
    expect(summary({ symbol: "NOPE" })).toEqual({
      total_trades: 0,
      total_profit: 0,
      win_rate: null,
      average_profit: null,
      average_duration_seconds: null,
      by_currency: [],
    });
  });
});
