// The metrics of a run of trades in close-time order, kept as a summary that two consecutive runs
// combine exactly: concatStats(stats(A), stats(B)) === stats(A then B). Counts and sums combine
// by adding; drawdown and streaks keep just enough of each run's edges to join them. So the same
// definitions serve a pass over single trades and a merge of precomputed segments (rollups), and
// a test can check one against the other. Pure: no database.

import type { Side } from "@/lib/schemas/fields";

/** What the metrics need of a trade. */
export interface StatsTrade {
  id: number;
  netProfit: number;
  commission: number | null;
  swap: number | null;
  fee: number | null;
  lotSize: number;
  side: Side | null;
  durationSeconds: number | null;
  closeTime: number;
}

/** A winning or losing trade and its net: the largest win, the largest loss. */
export interface Extreme {
  netProfit: number;
  tradeId: number;
}

type RunKind = "win" | "loss" | "breakeven";

/** Consecutive trades of one kind; a breakeven is a run of its own that never joins another. */
export interface Run {
  kind: RunKind;
  count: number;
  netProfit: number;
}

export interface DurationStats {
  count: number;
  totalSeconds: number;
  shortest: number | null;
  longest: number | null;
}

export interface SideStats {
  trades: number;
  wins: number;
  losses: number;
  netProfit: number;
}

/** Cumulative net over the run, starting at 0: enough to join drawdowns exactly. */
export interface EquityStats {
  sum: number;
  /** Highest and lowest cumulative net, the start (0) included. */
  highest: number;
  lowest: number;
  /** Largest fall from a running peak to a later trough. */
  maxDrawdown: number;
}

export interface StreakStats {
  /** The run the trades start with and the one they end with (the same run when `single`). */
  first: Run | null;
  last: Run | null;
  single: boolean;
  longestWin: Run | null;
  longestLoss: Run | null;
  largestWin: Run | null;
  largestLoss: Run | null;
}

export interface TradeStats {
  trades: number;
  wins: number;
  losses: number;
  breakevens: number;
  grossProfit: number;
  grossLoss: number;
  netProfit: number;
  commission: number;
  swap: number;
  fee: number;
  lots: number;
  largestWin: Extreme | null;
  largestLoss: Extreme | null;
  durations: { all: DurationStats; wins: DurationStats; losses: DurationStats };
  long: SideStats;
  short: SideStats;
  firstCloseTime: number | null;
  lastCloseTime: number | null;
  equity: EquityStats;
  streaks: StreakStats;
}

const noDurations: DurationStats = { count: 0, totalSeconds: 0, shortest: null, longest: null };
const noSide: SideStats = { trades: 0, wins: 0, losses: 0, netProfit: 0 };

/** The summary of no trades: concatStats(emptyStats, s) is s. */
export const emptyStats: TradeStats = {
  trades: 0,
  wins: 0,
  losses: 0,
  breakevens: 0,
  grossProfit: 0,
  grossLoss: 0,
  netProfit: 0,
  commission: 0,
  swap: 0,
  fee: 0,
  lots: 0,
  largestWin: null,
  largestLoss: null,
  durations: { all: noDurations, wins: noDurations, losses: noDurations },
  long: noSide,
  short: noSide,
  firstCloseTime: null,
  lastCloseTime: null,
  equity: { sum: 0, highest: 0, lowest: 0, maxDrawdown: 0 },
  streaks: {
    first: null,
    last: null,
    single: false,
    longestWin: null,
    longestLoss: null,
    largestWin: null,
    largestLoss: null,
  },
};

/** win: net > 0, loss: net < 0, breakeven: net = 0. */
function outcomeOf(netProfit: number): RunKind {
  return netProfit > 0 ? "win" : netProfit < 0 ? "loss" : "breakeven";
}

export function statsOfTrade(trade: StatsTrade): TradeStats {
  const net = trade.netProfit;
  const kind = outcomeOf(net);
  const duration = durationOf(trade.durationSeconds);
  const side: SideStats = {
    trades: 1,
    wins: kind === "win" ? 1 : 0,
    losses: kind === "loss" ? 1 : 0,
    netProfit: net,
  };
  const run: Run = { kind, count: 1, netProfit: net };
  return {
    trades: 1,
    wins: side.wins,
    losses: side.losses,
    breakevens: kind === "breakeven" ? 1 : 0,
    grossProfit: Math.max(net, 0),
    grossLoss: Math.min(net, 0),
    netProfit: net,
    commission: trade.commission ?? 0,
    swap: trade.swap ?? 0,
    fee: trade.fee ?? 0,
    lots: trade.lotSize,
    largestWin: kind === "win" ? { netProfit: net, tradeId: trade.id } : null,
    largestLoss: kind === "loss" ? { netProfit: net, tradeId: trade.id } : null,
    durations: {
      all: duration,
      wins: kind === "win" ? duration : noDurations,
      losses: kind === "loss" ? duration : noDurations,
    },
    long: trade.side === "BUY" ? side : noSide,
    short: trade.side === "SELL" ? side : noSide,
    firstCloseTime: trade.closeTime,
    lastCloseTime: trade.closeTime,
    equity: { sum: net, highest: Math.max(0, net), lowest: Math.min(0, net), maxDrawdown: Math.max(0, -net) },
    streaks: {
      first: run,
      last: run,
      single: true,
      longestWin: kind === "win" ? run : null,
      longestLoss: kind === "loss" ? run : null,
      largestWin: kind === "win" ? run : null,
      largestLoss: kind === "loss" ? run : null,
    },
  };
}

/** The summary of the trades of `a` followed by those of `b` (b closed after a). */
export function concatStats(a: TradeStats, b: TradeStats): TradeStats {
  if (a.trades === 0) return b;
  if (b.trades === 0) return a;
  return {
    ...addOrderless(a, b),
    firstCloseTime: a.firstCloseTime,
    lastCloseTime: b.lastCloseTime,
    equity: concatEquity(a.equity, b.equity),
    streaks: concatStreaks(a.streaks, b.streaks),
  };
}

/** Folds trades given in close-time order. */
export function statsOfTrades(trades: Iterable<StatsTrade>): TradeStats {
  let stats = emptyStats;
  for (const trade of trades) stats = concatStats(stats, statsOfTrade(trade));
  return stats;
}

/**
 * Adds what does not depend on order (counts, sums, extremes, durations), for groups whose trades
 * interleave in time, such as two currencies. Drawdown and streaks cannot be joined that way and
 * are left empty: callers show them per group only.
 */
export function addOrderless(a: TradeStats, b: TradeStats): TradeStats {
  return {
    trades: a.trades + b.trades,
    wins: a.wins + b.wins,
    losses: a.losses + b.losses,
    breakevens: a.breakevens + b.breakevens,
    grossProfit: a.grossProfit + b.grossProfit,
    grossLoss: a.grossLoss + b.grossLoss,
    netProfit: a.netProfit + b.netProfit,
    commission: a.commission + b.commission,
    swap: a.swap + b.swap,
    fee: a.fee + b.fee,
    lots: a.lots + b.lots,
    // On a tie the earlier trade (a's) stays, so joining in order keeps the first occurrence.
    largestWin: pick(a.largestWin, b.largestWin, (x, y) => y.netProfit > x.netProfit),
    largestLoss: pick(a.largestLoss, b.largestLoss, (x, y) => y.netProfit < x.netProfit),
    durations: {
      all: addDurations(a.durations.all, b.durations.all),
      wins: addDurations(a.durations.wins, b.durations.wins),
      losses: addDurations(a.durations.losses, b.durations.losses),
    },
    long: addSides(a.long, b.long),
    short: addSides(a.short, b.short),
    firstCloseTime: minOf(a.firstCloseTime, b.firstCloseTime),
    lastCloseTime: maxOf(a.lastCloseTime, b.lastCloseTime),
    equity: emptyStats.equity,
    streaks: emptyStats.streaks,
  };
}

function concatEquity(a: EquityStats, b: EquityStats): EquityStats {
  return {
    sum: a.sum + b.sum,
    highest: Math.max(a.highest, a.sum + b.highest),
    lowest: Math.min(a.lowest, a.sum + b.lowest),
    // The deepest fall is inside a, inside b, or from a's peak down to b's trough.
    maxDrawdown: Math.max(a.maxDrawdown, b.maxDrawdown, a.highest - (a.sum + b.lowest)),
  };
}

function concatStreaks(a: StreakStats, b: StreakStats): StreakStats {
  if (!a.first || !a.last) return b;
  if (!b.first || !b.last) return a;
  const joins = a.last.kind === b.first.kind && a.last.kind !== "breakeven";
  const joined: Run | null = joins
    ? { kind: a.last.kind, count: a.last.count + b.first.count, netProfit: a.last.netProfit + b.first.netProfit }
    : null;
  const joinedWin = joined?.kind === "win" ? joined : null;
  const joinedLoss = joined?.kind === "loss" ? joined : null;
  return {
    first: a.single && joined ? joined : a.first,
    last: b.single && joined ? joined : b.last,
    single: a.single && b.single && joined !== null,
    longestWin: bestRun(bestRun(a.longestWin, b.longestWin, longer), joinedWin, longer),
    longestLoss: bestRun(bestRun(a.longestLoss, b.longestLoss, longer), joinedLoss, longer),
    largestWin: bestRun(bestRun(a.largestWin, b.largestWin, richer), joinedWin, richer),
    largestLoss: bestRun(bestRun(a.largestLoss, b.largestLoss, richer), joinedLoss, richer),
  };
}

/** More trades; on equal count, more money at stake (|net|). */
function longer(x: Run, y: Run): boolean {
  return y.count > x.count || (y.count === x.count && Math.abs(y.netProfit) > Math.abs(x.netProfit));
}

/** More money at stake (|net|); on equal money, more trades. */
function richer(x: Run, y: Run): boolean {
  const [mx, my] = [Math.abs(x.netProfit), Math.abs(y.netProfit)];
  return my > mx || (my === mx && y.count > x.count);
}

function bestRun(x: Run | null, y: Run | null, better: (x: Run, y: Run) => boolean): Run | null {
  return pick(x, y, better);
}

function pick<T>(x: T | null, y: T | null, better: (x: T, y: T) => boolean): T | null {
  if (x === null) return y;
  if (y === null) return x;
  return better(x, y) ? y : x;
}

function durationOf(seconds: number | null): DurationStats {
  return seconds === null ? noDurations : { count: 1, totalSeconds: seconds, shortest: seconds, longest: seconds };
}

function addDurations(a: DurationStats, b: DurationStats): DurationStats {
  return {
    count: a.count + b.count,
    totalSeconds: a.totalSeconds + b.totalSeconds,
    shortest: minOf(a.shortest, b.shortest),
    longest: maxOf(a.longest, b.longest),
  };
}

function addSides(a: SideStats, b: SideStats): SideStats {
  return {
    trades: a.trades + b.trades,
    wins: a.wins + b.wins,
    losses: a.losses + b.losses,
    netProfit: a.netProfit + b.netProfit,
  };
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
