import { beforeAll, describe, expect, it } from "vitest";
import { getDistribution } from "@/lib/analytics/get-distribution";
import { issueDetails } from "@/lib/http/api-error";
import { safeValidate, validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { distributionQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const demo = generateDemoTrades({ seed: 23, positionsPerAccount: 150 });
const nets = demo.map((trade) =>
  Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8,
);
const distribution = (query: Record<string, unknown>) => getDistribution(validate(distributionQuery, query, "query"));

beforeAll(() => {
  resetDatabase();
  storeTrades(demo.map((trade) => validate(createTradeBody, trade, "trade")));
});

describe("getDistribution", () => {
  it("counts every trade into round buckets chosen for the data", () => {
    const { series, currency } = distribution({ buckets: "10" });
    expect(currency).toBe("USD");
    const [usd] = series;
    expect(usd!.trades).toBe(demo.length);
    expect(usd!.edges[0]).toBeLessThanOrEqual(Math.min(...nets));
    expect(usd!.edges.at(-1)).toBeGreaterThan(Math.max(...nets));
    expect(usd!.edges).toContain(0);
    for (const bucket of usd!.buckets) {
      const inside = nets.filter((net) => net >= bucket.from && net < bucket.to);
      expect(bucket).toMatchObject({
        trades: inside.length,
        wins: inside.filter((net) => net > 0).length,
        losses: inside.filter((net) => net < 0).length,
      });
    }
    expect(usd!.buckets.reduce((sum, bucket) => sum + bucket.trades, 0)).toBe(demo.length);
    expect([usd!.below, usd!.above]).toEqual([0, 0]);
  });

  it("chooses the same edges from the day segments as from a pass over the trades, 0 included", () => {
    for (const query of [{}, { symbol: "EURUSD" }, { magic_number: "2002" }]) {
      // Every outcome is no filter, but not a stream either: it forces MIN/MAX over the trades.
      const viaPass = distribution({ ...query, outcome: ["win", "loss", "breakeven"] });
      expect(distribution(query), JSON.stringify(query)).toEqual(viaPass);
    }
    // Only wins: the range still starts at 0.
    expect(distribution({ outcome: "win" }).series[0]!.edges[0]).toBe(0);
  });

  it("uses given edges and counts what falls outside them", () => {
    const [usd] = distribution({ edges: ["-50", "0", "50"], magic_number: "2002" }).series;
    const mine = nets.filter((_, index) => demo[index]!.magic_number === 2002);
    expect(usd!.buckets.map((bucket) => bucket.trades)).toEqual([
      mine.filter((net) => net >= -50 && net < 0).length,
      mine.filter((net) => net >= 0 && net < 50).length,
    ]);
    expect(usd!.below).toBe(mine.filter((net) => net < -50).length);
    expect(usd!.above).toBe(mine.filter((net) => net >= 50).length);
  });

  it.each([
    [{ edges: ["1", "0"] }, "edges"],
    [{ edges: ["1"] }, "edges"],
    [{ edges: ["a", "2"] }, "edges.0"],
    [{ edges: ["0", "1"], buckets: "5" }, "edges"],
    [{ buckets: "1" }, "buckets"],
  ])("rejects %j naming %s", (query, field) => {
    const result = safeValidate(distributionQuery, query);
    expect(result.success ? [] : issueDetails(result.error).map((detail) => detail.field)).toContain(field);
  });

  it("is empty for an empty selection", () => {
    expect(distribution({ symbol: "NOPE" })).toEqual({ currency: null, series: [] });
  });
});
