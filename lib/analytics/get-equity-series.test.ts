import { beforeAll, describe, expect, it } from "vitest";
import { getEquitySeries } from "@/lib/analytics/get-equity-series";
import { getSummary } from "@/lib/analytics/get-summary";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { equityQuery, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const demo = generateDemoTrades({ seed: 13, positionsPerAccount: 200 });
const equity = (query: Record<string, unknown>) => getEquitySeries(validate(equityQuery, query, "query"));

/** Cumulative net after each trade, in the journal's order, computed from the payloads. */
function cumulative(trades: Record<string, unknown>[]) {
  const ordered = [...trades].sort(
    (a, b) => String(a.close_time).localeCompare(String(b.close_time)) || Number(a.account_login) - Number(b.account_login) || Number(a.deal_ticket) - Number(b.deal_ticket),
  );
  let sum = 0;
  return ordered.map((trade) => {
    sum += Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8;
    return { sum, time: String(trade.close_time).replaceAll(".", "-").replace(" ", "T") };
  });
}

beforeAll(() => {
  resetDatabase();
  storeTrades(demo.map((trade) => validate(createTradeBody, trade, "trade")));
});

describe("getEquitySeries", () => {
  it("gives every trade as a point when there are no more than `points`", () => {
    const gold = demo.filter((trade) => trade.symbol === "XAUUSD");
    const expected = cumulative(gold);
    const { currency, series } = equity({ symbol: "XAUUSD", points: "10000" });
    expect(currency).toBe("USD");
    expect(series[0]).toMatchObject({ currency: "USD", trades: gold.length, per_trade: true });
    const points = series[0]!.points;
    expect(points.map((point) => point.trades)).toEqual(expected.map((_, index) => index + 1));
    points.forEach((point, index) => {
      expect(point.equity).toBeCloseTo(expected[index]!.sum, 6);
      expect(point.time).toBe(expected[index]!.time);
      const peak = Math.max(0, ...expected.slice(0, index + 1).map((step) => step.sum));
      expect(point.drawdown).toBeCloseTo(peak - expected[index]!.sum, 6);
    });
  });

  it("folds whole days into at most `points` runs that keep their low and high", () => {
    const expected = cumulative(demo);
    const { series } = equity({ points: "40" });
    const points = series[0]!.points;
    expect(series[0]!.per_trade).toBe(false);
    expect(points.length).toBeLessThanOrEqual(40);
    expect(points.at(-1)!.trades).toBe(demo.length);
    let previous = 0;
    for (const point of points) {
      const inside = expected.slice(previous, point.trades).map((step) => step.sum);
      const start = previous === 0 ? 0 : expected[previous - 1]!.sum;
      expect(point.equity).toBeCloseTo(expected[point.trades - 1]!.sum, 6);
      expect(point.low).toBeCloseTo(Math.min(start, ...inside), 6);
      expect(point.high).toBeCloseTo(Math.max(start, ...inside), 6);
      previous = point.trades;
    }
    const summary = getSummary(validate(tradeFiltersQuery, {}, "query"));
    expect(points.at(-1)!.equity).toBeCloseTo(summary.net_profit!, 6);
    expect(Math.max(...points.map((point) => point.max_drawdown))).toBeCloseTo(summary.max_drawdown!, 6);
  });

  it("is empty for an empty selection and refuses points outside 2..10000", () => {
    expect(equity({ symbol: "NOPE" })).toEqual({ currency: null, series: [] });
    expect(() => equity({ points: "1" })).toThrow(/points/);
    expect(() => equity({ points: "10001" })).toThrow(/points/);
  });
});
