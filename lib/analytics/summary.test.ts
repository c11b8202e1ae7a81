import { describe, expect, it } from "vitest";
import { summarize, type CurrencyTotals } from "@/lib/analytics/summary";

const usd: CurrencyTotals = { currency: "USD", trades: 4, netProfit: 30, wins: 2, losses: 1, durationSum: 900, durationCount: 3 };
const eur: CurrencyTotals = { currency: "EUR", trades: 1, netProfit: -5, wins: 0, losses: 1, durationSum: 0, durationCount: 0 };

describe("summarize", () => {
  it("computes one currency's figures; breakevens count as trades but not in the win rate", () => {
    expect(summarize([usd])).toEqual({
      totalTrades: 4,
      totalProfit: 30,
      averageProfit: 7.5,
      winRate: 2 / 3,
      averageDurationSeconds: 300,
      byCurrency: [{ currency: "USD", totalTrades: 4, totalProfit: 30, averageProfit: 7.5, winRate: 2 / 3 }],
    });
  });

  it("never adds money across currencies", () => {
    const summary = summarize([eur, usd]);
    expect(summary.totalProfit).toBeNull();
    expect(summary.averageProfit).toBeNull();
    expect(summary.totalTrades).toBe(5);
    expect(summary.winRate).toBe(2 / 4);
    expect(summary.byCurrency.map((group) => [group.currency, group.totalProfit])).toEqual([
      ["EUR", -5],
      ["USD", 30],
    ]);
  });

  it("is defined with no trades", () => {
    expect(summarize([])).toEqual({
      totalTrades: 0,
      totalProfit: 0,
      averageProfit: null,
      winRate: null,
      averageDurationSeconds: null,
      byCurrency: [],
    });
  });

  it("has a null win rate when every trade broke even", () => {
    const flat = { ...usd, netProfit: 0, wins: 0, losses: 0 };
    expect(summarize([flat]).winRate).toBeNull();
  });
});
