import { beforeAll, describe, expect, it } from "vitest";
import { getDailySeries } from "@/lib/analytics/get-daily-series";
import { getSummary } from "@/lib/analytics/get-summary";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { dailyQuery, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { createRandom, generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const demo = generateDemoTrades({ seed: 8, positionsPerAccount: 150 });
const daily = (query: Record<string, unknown>) => getDailySeries(validate(dailyQuery, query, "query"));
const net = (trade: Record<string, unknown>) =>
  (trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number);

beforeAll(() => {
  resetDatabase();
  const random = createRandom(2);
  storeTrades([...demo].sort(() => random() - 0.5).map((trade) => validate(createTradeBody, trade, "trade")));
});

describe("getDailySeries", () => {
  it("gives each close day's trades, wins, losses and net, computed independently", () => {
    const expected = new Map<string, { trades: number; wins: number; losses: number; net: number }>();
    for (const trade of demo.filter((item) => item.symbol === "XAUUSD")) {
      const key = String(trade.close_time).slice(0, 10).replaceAll(".", "-");
      const entry = expected.get(key) ?? { trades: 0, wins: 0, losses: 0, net: 0 };
      const value = Math.round(net(trade) * 1e8) / 1e8;
      entry.trades += 1;
      entry.wins += value > 0 ? 1 : 0;
      entry.losses += value < 0 ? 1 : 0;
      entry.net += value;
      expected.set(key, entry);
    }
    const series = daily({ symbol: "XAUUSD" });
    expect(series.currency).toBe("USD");
    expect(series.points.map((point) => point.period)).toEqual([...expected.keys()].sort());
    for (const point of series.points) {
      const want = expected.get(point.period)!;
      expect(point).toMatchObject({ start: point.period, trades: want.trades, wins: want.wins, losses: want.losses });
      expect(point.net_profit).toBeCloseTo(want.net, 6);
      expect(point.by_currency).toEqual([{ currency: "USD", net_profit: point.net_profit }]);
    }
  });

  it.each(["day", "week", "month"])("adds up to the summary by %s, for every filter shape", (period) => {
    for (const filters of [{}, { magic_number: "1001" }, { side: "BUY" }, { from: "2026-03-10T12:00:00", to: "2026-08-01" }]) {
      const series = daily({ ...filters, period });
      const summary = getSummary(validate(tradeFiltersQuery, filters, "query"));
      const sum = (field: "trades" | "wins" | "losses" | "breakevens") => series.points.reduce((total, point) => total + point[field], 0);
      expect([sum("trades"), sum("wins"), sum("losses"), sum("breakevens")]).toEqual([
        summary.total_trades,
        summary.wins,
        summary.losses,
        summary.breakevens,
      ]);
      expect(series.points.reduce((total, point) => total + point.net_profit!, 0)).toBeCloseTo(summary.net_profit!, 6);
    }
  });

  it("names ISO weeks and months and starts them on their first day", () => {
    const weeks = daily({ period: "week" }).points;
    expect(weeks.every((point) => /^\d{4}-W\d{2}$/.test(point.period) && new Date(`${point.start}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const months = daily({ period: "month" }).points;
    expect(months.every((point) => point.start === `${point.period}-01`)).toBe(true);
  });
});
