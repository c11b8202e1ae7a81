// The balance figures of one or more accounts of one currency, fed in time order with trades and
// balance operations. Gain is time-weighted: a growth index starts at 1 and moves only with
// trades, by net / balance before the trade, so deposits, withdrawals and adjustments are neither
// profit nor drawdown. The drawdown % is the largest fall of that index from its peak, which is the fall of
// the balance from its peak in % when no money moves in or out (MT5's "Balance Drawdown Relative").
// Pure: no database.

import type { EquityStats } from "@/lib/analytics/trade-stats";

/** The balance operations that move the balance (credits do not). */
export type BalanceMovement = "deposit" | "withdrawal" | "adjustment";

export interface BalanceFigures {
  opening: number;
  closing: number;
  /** Sum of deposits (positive) and of withdrawals (negative), as MT5 books them. */
  deposits: number;
  withdrawals: number;
  /** Sum of adjustments (charges, corrections, bonuses, interest...), either sign. */
  adjustments: number;
  /** Time-weighted gain in %; null once the balance reaches zero or below (a return is undefined). */
  gainPercent: number | null;
  /** Largest fall of the growth index from its peak, in %; null like gainPercent. */
  maxDrawdownPercent: number | null;
}

/** A run whose inner drawdown is known only within bounds, with what is needed to replay it. */
interface Candidate<Ref> {
  ref: Ref;
  upper: number;
  balance: number;
  scale: number;
  peak: number;
}

/**
 * Within a stretch without balance operations the index is the balance times a constant scale, so a
 * run of trades summarised by its EquityStats moves it exactly. Only the deepest fall inside a run
 * depends on where in the run the peak was: the run gives bounds, and runs that could still hold the
 * deepest fall are replayed trade by trade at the end (`finish`). Runs come from day segments, so a
 * million trades cost a few thousand steps plus the replay of a day or two.
 */
export class BalanceTracker<Ref> {
  #balance: number;
  #index = 1;
  #peak = 1;
  #deepest = 0;
  #deposits = 0;
  #withdrawals = 0;
  #adjustments = 0;
  #defined = true;
  readonly #candidates: Candidate<Ref>[] = [];

  constructor(readonly opening: number) {
    this.#balance = opening;
  }

  get balance(): number {
    return this.#balance;
  }

  /** A deposit (positive), withdrawal (negative) or adjustment (either): the balance moves, the index does not. */
  addOperation(amount: number, type: BalanceMovement): void {
    this.#balance += amount;
    if (type === "deposit") this.#deposits += amount;
    else if (type === "withdrawal") this.#withdrawals += amount;
    else this.#adjustments += amount;
  }

  addTrade(netProfit: number): void {
    this.#addRun({ sum: netProfit, highest: Math.max(0, netProfit), lowest: Math.min(0, netProfit), maxDrawdown: Math.max(0, -netProfit) }, null);
  }

  /** Consecutive trades with no balance operation among them; `ref` lets `finish` replay them. */
  addRun(equity: EquityStats, ref: Ref): void {
    this.#addRun(equity, ref);
  }

  /** The figures, after replaying the runs whose bounds leave the deepest fall open. */
  finish(netsOf: (ref: Ref) => Iterable<number>): BalanceFigures {
    if (this.#defined) {
      for (const run of [...this.#candidates].sort((a, b) => b.upper - a.upper)) {
        if (run.upper <= this.#deepest) break;
        let { balance, peak } = run;
        for (const net of netsOf(run.ref)) {
          balance += net;
          const index = run.scale * balance;
          peak = Math.max(peak, index);
          this.#deepest = Math.max(this.#deepest, 1 - index / peak);
        }
      }
    }
    return {
      opening: this.opening,
      closing: this.#balance,
      deposits: this.#deposits,
      withdrawals: this.#withdrawals,
      adjustments: this.#adjustments,
      gainPercent: this.#defined ? (this.#index - 1) * 100 : null,
      maxDrawdownPercent: this.#defined ? this.#deepest * 100 : null,
    };
  }

  #addRun(equity: EquityStats, ref: Ref | null): void {
    const start = this.#balance;
    this.#balance += equity.sum;
    if (!this.#defined) return;
    if (start <= 0 || start + equity.lowest <= 0) {
      this.#defined = false;
      return;
    }
    const scale = this.#index / start;
    // Exact: the fall from the earlier peak to the run's trough.
    const fromEarlierPeak = 1 - (scale * (start + equity.lowest)) / this.#peak;
    // The run's deepest money fall, from a peak of the run: at least D / its highest balance,
    // at most D / the earlier peak (a new peak is above it).
    const insideAtLeast = equity.maxDrawdown / (start + equity.highest);
    const insideAtMost = (scale * equity.maxDrawdown) / this.#peak;
    this.#deepest = Math.max(this.#deepest, fromEarlierPeak, insideAtLeast);
    const upper = Math.max(fromEarlierPeak, insideAtMost);
    if (ref !== null && upper > this.#deepest) {
      this.#candidates.push({ ref, upper, balance: start, scale, peak: this.#peak });
    }
    this.#peak = Math.max(this.#peak, scale * (start + equity.highest));
    this.#index = scale * this.#balance;
  }
}
