import { describe, expect, it } from "vitest";
import { metricsByCurrency, metricsOf } from "@/lib/analytics/trade-metrics";
import { concatStats, emptyStats, statsOfTrade, statsOfTrades, type StatsTrade } from "@/lib/analytics/trade-stats";
import { createRandom } from "@/lib/seed/demo-trades";
import { roundMoney } from "@/lib/trades/trade-values";

const hour = 3600;

/** Builds a trade the way the writer stores it: net = profit + commission + swap + fee. */
function trade(
  id: number,
  side: "BUY" | "SELL" | null,
  money: { profit: number; commission?: number | null; swap?: number | null; fee?: number | null },
  lots: number,
  durationSeconds: number | null,
): StatsTrade {
  const { profit, commission = 0, swap = 0, fee = 0 } = money;
  return {
    id,
    side,
    netProfit: roundMoney(profit + (commission ?? 0) + (swap ?? 0) + (fee ?? 0)),
    commission,
    swap,
    fee,
    lotSize: lots,
    durationSeconds,
    closeTime: 1_767_225_600 + id * hour,
  };
}

// A USD account, in close-time order. Nets: 45.3, 25.3, -85, 0, -27.5, -11.4, 114.75, 7.9, -5.35, 12
// Cumulative: 45.3, 70.6, -14.4, -14.4, -41.9, -53.3, 61.45, 69.35, 64, 76 -> max drawdown 70.6 - (-53.3) = 123.9
// Runs: W W | L | B | L L | W W | L | W
const usd: StatsTrade[] = [
  trade(1, "BUY", { profit: 50, commission: -3.5, swap: -1.2 }, 0.5, 3600), // partial close 1 of a position
  trade(2, "BUY", { profit: 30, commission: -3.5, swap: -1.2 }, 0.5, 7200), // partial close 2 of it
  trade(3, "SELL", { profit: -80, commission: -5 }, 1, 1800),
  trade(4, "BUY", { profit: 0 }, 0.1, 600), // breakeven: ends every streak
  trade(5, "SELL", { profit: -20, commission: -5, swap: -2.5 }, 1, null), // open time unknown
  trade(6, "SELL", { profit: -10, commission: -1.4 }, 0.2, 900),
  trade(7, "BUY", { profit: 120, commission: -2.1, swap: -3.15 }, 0.3, 86400),
  trade(8, "BUY", { profit: 10, commission: -2.1 }, 0.3, 4000),
  trade(9, "SELL", { profit: -5, swap: -0.35 }, 0.1, 300),
  trade(10, null, { profit: 12, commission: null, swap: null, fee: null }, 0.1, null), // legacy, side unknown
];

describe("metricsOf (hand-computed)", () => {
  const metrics = metricsOf(statsOfTrades(usd));

  it("counts, rates and sums", () => {
    expect(metrics).toMatchObject({
      totalTrades: 10,
      wins: 5,
      losses: 4,
      breakevens: 1,
      netProfit: 76,
      grossProfit: 205.25,
      grossLoss: -129.25,
      commission: -22.6,
      swap: -8.4,
      fee: 0,
      totalLots: 4.1,
      firstCloseTime: 1_767_225_600 + hour,
      lastCloseTime: 1_767_225_600 + 10 * hour,
    });
    expect(metrics.winRate).toBeCloseTo(5 / 9, 12);
    expect(metrics.winRateAll).toBe(0.5);
    expect(metrics.profitFactor).toBeCloseTo(205.25 / 129.25, 12);
    expect(metrics.expectedPayoff).toBeCloseTo(7.6, 12);
    expect(metrics.averageWin).toBeCloseTo(41.05, 12);
    expect(metrics.averageLoss).toBeCloseTo(-32.3125, 12);
    expect(metrics.payoffRatio).toBeCloseTo(41.05 / 32.3125, 12);
  });

  it("largest trades, drawdown and recovery", () => {
    expect(metrics.largestWin).toEqual({ netProfit: 114.75, tradeId: 7 });
    expect(metrics.largestLoss).toEqual({ netProfit: -85, tradeId: 3 });
    expect(metrics.maxDrawdown).toBe(123.9);
    expect(metrics.recoveryFactor).toBeCloseTo(76 / 123.9, 12);
  });

  it("streaks: a breakeven ends them; equal counts prefer more money", () => {
    expect(metrics.longestWinStreak).toEqual({ count: 2, netProfit: 122.65 });
    expect(metrics.largestWinStreak).toEqual({ count: 2, netProfit: 122.65 });
    expect(metrics.longestLossStreak).toEqual({ count: 2, netProfit: -38.9 });
    expect(metrics.largestLossStreak).toEqual({ count: 1, netProfit: -85 });
  });

  it("holding times over trades whose open time is known, overall and for wins and losses", () => {
    expect(metrics.holdingTime).toEqual({
      all: { averageSeconds: 104_800 / 8, shortestSeconds: 300, longestSeconds: 86_400 },
      wins: { averageSeconds: 101_200 / 4, shortestSeconds: 3600, longestSeconds: 86_400 },
      losses: { averageSeconds: 1000, shortestSeconds: 300, longestSeconds: 1800 },
    });
  });

  it("long and short trades with their win rates (unknown sides in neither)", () => {
    expect(metrics.long).toEqual({ trades: 5, wins: 4, losses: 0, winRate: 1, netProfit: 193.25 });
    expect(metrics.short).toEqual({ trades: 4, wins: 0, losses: 4, winRate: 0, netProfit: -129.25 });
  });
});

describe("edge cases are defined, never NaN or Infinity", () => {
  const allNumbersFinite = (value: unknown): boolean =>
    typeof value === "number"
      ? Number.isFinite(value)
      : value !== null && typeof value === "object"
        ? Object.values(value).every(allNumbersFinite)
        : true;

  it("no trades", () => {
    const metrics = metricsOf(emptyStats);
    expect(metrics).toMatchObject({
      totalTrades: 0,
      netProfit: 0,
      winRate: null,
      winRateAll: null,
      profitFactor: null,
      expectedPayoff: null,
      payoffRatio: null,
      maxDrawdown: null,
      recoveryFactor: null,
      largestWin: null,
      longestWinStreak: null,
      firstCloseTime: null,
    });
    expect(allNumbersFinite(metrics)).toBe(true);
  });

  it("a single win: no losses, so no profit factor, payoff ratio or recovery factor", () => {
    const metrics = metricsOf(statsOfTrades([usd[0]!]));
    expect(metrics).toMatchObject({
      winRate: 1,
      profitFactor: null,
      averageLoss: null,
      payoffRatio: null,
      maxDrawdown: 0,
      recoveryFactor: null,
      longestWinStreak: { count: 1, netProfit: 45.3 },
      longestLossStreak: null,
    });
    expect(allNumbersFinite(metrics)).toBe(true);
  });

  it("a single loss: profit factor 0, drawdown the loss", () => {
    const metrics = metricsOf(statsOfTrades([usd[2]!]));
    expect(metrics).toMatchObject({ winRate: 0, profitFactor: 0, maxDrawdown: 85, recoveryFactor: -1 });
  });

  it("only breakevens", () => {
    const metrics = metricsOf(statsOfTrades([usd[3]!, { ...usd[3]!, id: 11 }]));
    expect(metrics).toMatchObject({ totalTrades: 2, breakevens: 2, winRate: null, winRateAll: 0, profitFactor: null, maxDrawdown: 0 });
    expect(allNumbersFinite(metrics)).toBe(true);
  });
});

describe("concatStats", () => {
  it("joins at every split point exactly as one pass does", () => {
    const whole = statsOfTrades(usd);
    for (let split = 0; split <= usd.length; split += 1) {
      const joined = concatStats(statsOfTrades(usd.slice(0, split)), statsOfTrades(usd.slice(split)));
      expect(metricsOf(joined), `split at ${split}`).toEqual(metricsOf(whole));
    }
  });

  it("agrees with straightforward loops on random sequences, however they are cut", () => {
    const random = createRandom(99);
    for (let round = 0; round < 200; round += 1) {
      const trades = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, index) =>
        trade(index + 1, random() < 0.5 ? "BUY" : "SELL", { profit: random() < 0.15 ? 0 : Math.round((random() - 0.45) * 200) }, 0.1, 60),
      );
      // Fold in random chunks, then compare with plain loops over the whole sequence.
      let stats = emptyStats;
      for (let start = 0; start < trades.length; ) {
        const end = start + 1 + Math.floor(random() * 6);
        stats = concatStats(stats, statsOfTrades(trades.slice(start, end)));
        start = end;
      }
      const metrics = metricsOf(stats);
      const expected = referenceLoops(trades.map((item) => item.netProfit));
      expect(metrics.maxDrawdown).toBeCloseTo(expected.maxDrawdown, 8);
      expect([metrics.longestWinStreak?.count ?? 0, metrics.longestLossStreak?.count ?? 0]).toEqual([
        expected.longestWin,
        expected.longestLoss,
      ]);
      expect(metrics.largestWinStreak?.netProfit ?? 0).toBeCloseTo(expected.largestWinMoney, 8);
      expect(metrics.largestLossStreak?.netProfit ?? 0).toBeCloseTo(expected.largestLossMoney, 8);
    }
  });

  it("leaves a summary unchanged when joined with no trades", () => {
    const stats = statsOfTrade(usd[0]!);
    expect(concatStats(emptyStats, stats)).toEqual(stats);
    expect(concatStats(stats, emptyStats)).toEqual(stats);
  });
});

/** The definitions as plain loops: the reference the summaries are checked against. */
function referenceLoops(nets: number[]) {
  let cumulative = 0;
  let peak = 0;
  let maxDrawdown = 0;
  for (const net of nets) {
    cumulative += net;
    peak = Math.max(peak, cumulative);
    maxDrawdown = Math.max(maxDrawdown, peak - cumulative);
  }
  const runs: { sign: number; count: number; money: number }[] = [];
  for (const net of nets) {
    const sign = Math.sign(net);
    const last = runs.at(-1);
    if (sign !== 0 && last && last.sign === sign) {
      last.count += 1;
      last.money += net;
    } else runs.push({ sign, count: 1, money: net });
  }
  const wins = runs.filter((run) => run.sign > 0);
  const losses = runs.filter((run) => run.sign < 0);
  return {
    maxDrawdown,
    longestWin: Math.max(0, ...wins.map((run) => run.count)),
    longestLoss: Math.max(0, ...losses.map((run) => run.count)),
    largestWinMoney: Math.max(0, ...wins.map((run) => run.money)),
    largestLossMoney: Math.min(0, ...losses.map((run) => run.money)),
  };
}

describe("metricsByCurrency", () => {
  const eur: StatsTrade[] = [
    trade(21, "BUY", { profit: 10 }, 0.1, 60),
    trade(22, "SELL", { profit: -4 }, 0.1, 120),
  ];

  it("gives one currency's metrics at the top level", () => {
    const result = metricsByCurrency([{ currency: "USD", stats: statsOfTrades(usd) }]);
    expect(result).toMatchObject({ currency: "USD", netProfit: 76, maxDrawdown: 123.9 });
    expect(result.byCurrency).toHaveLength(1);
  });

  it("never adds money across currencies, but counts every trade", () => {
    const result = metricsByCurrency([
      { currency: "EUR", stats: statsOfTrades(eur) },
      { currency: "USD", stats: statsOfTrades(usd) },
    ]);
    expect(result).toMatchObject({
      currency: null,
      totalTrades: 12,
      wins: 6,
      losses: 5,
      breakevens: 1,
      winRateAll: 0.5,
      totalLots: 4.3,
      netProfit: null,
      grossProfit: null,
      profitFactor: null,
      maxDrawdown: null,
      largestWin: null,
      longestWinStreak: null,
      long: { trades: 6, wins: 5, losses: 0, winRate: 1, netProfit: null },
      short: { trades: 5, wins: 0, losses: 5, winRate: 0, netProfit: null },
    });
    expect(result.winRate).toBeCloseTo(6 / 11, 12);
    expect(result.holdingTime.all).toEqual({ averageSeconds: (104_800 + 180) / 10, shortestSeconds: 60, longestSeconds: 86_400 });
    expect(result.byCurrency.map((group) => [group.currency, group.netProfit])).toEqual([
      ["EUR", 6],
      ["USD", 76],
    ]);
  });

  it("is defined with no trades at all", () => {
    expect(metricsByCurrency([])).toMatchObject({ totalTrades: 0, netProfit: 0, winRate: null, byCurrency: [] });
  });
});
