import { describe, expect, it } from "vitest";
import { BalanceTracker, type BalanceMovement } from "@/lib/analytics/balance-tracker";
import { statsOfTrades, type StatsTrade } from "@/lib/analytics/trade-stats";
import { createRandom } from "@/lib/seed/demo-trades";

/** An operation is a deposit or withdrawal by its sign unless its type says otherwise. */
type Step = { operation: number; type?: BalanceMovement } | { trades: number[] };

const typeOf = (step: { operation: number; type?: BalanceMovement }) => step.type ?? (step.operation > 0 ? "deposit" : "withdrawal");

const asTrades = (nets: number[]): StatsTrade[] =>
  nets.map((netProfit, id) => ({
    id,
    netProfit,
    commission: 0,
    swap: 0,
    fee: 0,
    lotSize: 0.1,
    side: "BUY",
    durationSeconds: 60,
    closeTime: id,
  }));

/** Feeds each run of trades whole (its EquityStats), replaying from the steps when asked. */
function byRuns(opening: number, steps: Step[]) {
  const tracker = new BalanceTracker<number>(opening);
  steps.forEach((step, index) =>
    "operation" in step ? tracker.addOperation(step.operation, typeOf(step)) : tracker.addRun(statsOfTrades(asTrades(step.trades)).equity, index),
  );
  return tracker.finish((index) => (steps[index] as { trades: number[] }).trades);
}

/** Feeds every trade on its own: the reference. */
function byTrades(opening: number, steps: Step[]) {
  const tracker = new BalanceTracker<never>(opening);
  for (const step of steps) {
    if ("operation" in step) tracker.addOperation(step.operation, typeOf(step));
    else step.trades.forEach((net) => tracker.addTrade(net));
  }
  return tracker.finish(() => []);
}

describe("BalanceTracker (hand-computed)", () => {
  // Deposit 10,000; +500 -> 10,500 (index 1.05); -1,000 -> 9,500 (index 0.95, 9.5238% below 1.05);
  // withdraw 2,000 -> 7,500 (index stays 0.95); +750 -> 8,250 (index 0.95 * 1.1 = 1.045).
  const steps: Step[] = [{ operation: 10_000 }, { trades: [500, -1_000] }, { operation: -2_000 }, { trades: [750] }];

  it.each([
    ["trade by trade", byTrades],
    ["by runs", byRuns],
  ])("%s: gain is time-weighted and a withdrawal is not a drawdown", (_, feed) => {
    const figures = feed(0, steps);
    expect(figures).toMatchObject({ opening: 0, closing: 8_250, deposits: 10_000, withdrawals: -2_000 });
    expect(figures.gainPercent).toBeCloseTo(4.5, 10);
    expect(figures.maxDrawdownPercent).toBeCloseTo((1 - 0.95 / 1.05) * 100, 10);
  });

  it.each([
    ["trade by trade", byTrades],
    ["by runs", byRuns],
  ])("%s: an adjustment moves the balance like a deposit, is summed apart, and is not gain", (_, feed) => {
    // Deposit 10,000; +500 -> 10,500 (index 1.05); a -500 charge -> 10,000 (index stays 1.05);
    // a +250 bonus -> 10,250; +1,025 -> 11,275 (index 1.05 * 1.1 = 1.155).
    const figures = feed(0, [
      { operation: 10_000 },
      { trades: [500] },
      { operation: -500, type: "adjustment" },
      { operation: 250, type: "adjustment" },
      { trades: [1_025] },
    ]);
    expect(figures).toMatchObject({ closing: 11_275, deposits: 10_000, withdrawals: 0, adjustments: -250, maxDrawdownPercent: 0 });
    expect(figures.gainPercent).toBeCloseTo(15.5, 10);
  });

  it("replays a run whose deepest % fall is not its deepest money fall", () => {
    // From 10,000: +100 (peak 10,100), -400 (9,700: 3.9604%), +2,000 (11,700), -450 (11,250: 3.8462%).
    // The run's money drawdown (450) comes from the higher peak; the deeper % fall is the 400.
    const run: Step[] = [{ trades: [100, -400, 2_000, -450] }];
    expect(byRuns(10_000, run).maxDrawdownPercent).toBeCloseTo((400 / 10_100) * 100, 10);
    expect(byTrades(10_000, run).maxDrawdownPercent).toBeCloseTo((400 / 10_100) * 100, 10);
  });

  it("matches MT5's relative drawdown when only the first deposit moves money", () => {
    // Balance 10,000 -> 10,200 -> 9,690 -> 9,950: the fall 510 from 10,200 is 5%.
    const figures = byRuns(0, [{ operation: 10_000 }, { trades: [200, -510, 260] }]);
    expect(figures.maxDrawdownPercent).toBeCloseTo(5, 10);
    expect(figures.gainPercent).toBeCloseTo(-0.5, 10);
  });

  it("has no gain or drawdown % once the balance is not positive before a trade", () => {
    expect(byRuns(0, [{ trades: [100] }, { operation: 1_000 }])).toMatchObject({ gainPercent: null, maxDrawdownPercent: null, closing: 1_100 });
    expect(byRuns(1_000, [{ trades: [-600, -400] }, { operation: 1_000 }, { trades: [50] }])).toMatchObject({
      gainPercent: null,
      maxDrawdownPercent: null,
      closing: 1_050,
    });
  });

  it("is 0% with a known balance and no trades", () => {
    expect(byRuns(2_500, [{ operation: -500 }])).toEqual({
      opening: 2_500,
      closing: 2_000,
      deposits: 0,
      withdrawals: -500,
      adjustments: 0,
      gainPercent: 0,
      maxDrawdownPercent: 0,
    });
  });

  it("gives the same figures by runs as trade by trade on random histories", () => {
    const random = createRandom(7);
    let defined = 0;
    for (let history = 0; history < 200; history++) {
      const steps: Step[] = [{ operation: 1_000 + Math.round(random() * 2_000) }];
      for (let step = 0; step < 20; step++) {
        if (random() < 0.15) {
          steps.push({ operation: Math.round((random() - 0.3) * 2_000) || 1, type: random() < 0.3 ? "adjustment" : undefined });
        } else {
          const count = 1 + Math.floor(random() * 30);
          steps.push({ trades: Array.from({ length: count }, () => Math.round((random() - 0.45) * 40_000) / 100) });
        }
      }
      const expected = byTrades(0, steps);
      const actual = byRuns(0, steps);
      expect(actual.closing).toBeCloseTo(expected.closing, 6);
      if (expected.gainPercent === null) {
        expect(actual.gainPercent).toBeNull();
        expect(actual.maxDrawdownPercent).toBeNull();
      } else {
        defined++;
        expect(actual.gainPercent).toBeCloseTo(expected.gainPercent, 9);
        expect(actual.maxDrawdownPercent).toBeCloseTo(expected.maxDrawdownPercent!, 9);
      }
    }
    expect(defined).toBeGreaterThan(100); // most histories keep a positive balance
  });
});
