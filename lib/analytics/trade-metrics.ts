// Finishes a TradeStats into the metrics traders compare with MT5's report. Definitions
// (notes/mt5-facts.md §4): win = net > 0, loss = net < 0, breakeven = net = 0; every ratio is null
// where its denominator is 0, so no value is ever NaN or Infinity.
import { addOrderless, emptyStats, type DurationStats, type Run, type SideStats, type TradeStats } from "@/lib/analytics/trade-stats";
import { roundMoney } from "@/lib/trades/trade-values";

export interface HoldingTime {
  averageSeconds: number | null;
  shortestSeconds: number | null;
  longestSeconds: number | null;
}

export interface SideMetrics {
  trades: number;
  wins: number;
  losses: number;
  winRate: number | null;
  netProfit: number;
}

export interface Streak {
  count: number;
  netProfit: number;
}

export interface TradeMetrics {
  totalTrades: number;
  wins: number;
  losses: number;
  breakevens: number;
  winRate: number | null;
  winRateAll: number | null;
  netProfit: number;
  grossProfit: number;
  grossLoss: number;
  commission: number;
  swap: number;
  fee: number;
  profitFactor: number | null;
  expectedPayoff: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  payoffRatio: number | null;
  largestWin: { netProfit: number; tradeId: number } | null;
  largestLoss: { netProfit: number; tradeId: number } | null;
  maxDrawdown: number | null;
  recoveryFactor: number | null;
  longestWinStreak: Streak | null;
  longestLossStreak: Streak | null;
  largestWinStreak: Streak | null;
  largestLossStreak: Streak | null;
  holdingTime: { all: HoldingTime; wins: HoldingTime; losses: HoldingTime };
  long: SideMetrics;
  short: SideMetrics;
  totalLots: number;
  firstCloseTime: number | null;
  lastCloseTime: number | null;
}

export function metricsOf(stats: TradeStats): TradeMetrics {
  // Ratios come from the rounded sums, so any order of combining runs gives the same figures.
  const netProfit = roundMoney(stats.netProfit);
  const grossProfit = roundMoney(stats.grossProfit);
  const grossLoss = roundMoney(stats.grossLoss);
  const averageWin = ratio(grossProfit, stats.wins);
  const averageLoss = ratio(grossLoss, stats.losses);
  const maxDrawdown = stats.trades === 0 ? null : roundMoney(stats.equity.maxDrawdown);
  return {
    totalTrades: stats.trades,
    wins: stats.wins,
    losses: stats.losses,
    breakevens: stats.breakevens,
    winRate: ratio(stats.wins, stats.wins + stats.losses),
    winRateAll: ratio(stats.wins, stats.trades),
    netProfit,
    grossProfit,
    grossLoss,
    commission: roundMoney(stats.commission),
    swap: roundMoney(stats.swap),
    fee: roundMoney(stats.fee),
    profitFactor: ratio(grossProfit, -grossLoss),
    expectedPayoff: ratio(netProfit, stats.trades),
    averageWin,
    averageLoss,
    payoffRatio: averageWin === null || averageLoss === null ? null : averageWin / -averageLoss,
    largestWin: stats.largestWin,
    largestLoss: stats.largestLoss,
    maxDrawdown,
    recoveryFactor: maxDrawdown ? netProfit / maxDrawdown : null,
    longestWinStreak: streak(stats.streaks.longestWin),
    longestLossStreak: streak(stats.streaks.longestLoss),
    largestWinStreak: streak(stats.streaks.largestWin),
    largestLossStreak: streak(stats.streaks.largestLoss),
    holdingTime: {
      all: holdingTime(stats.durations.all),
      wins: holdingTime(stats.durations.wins),
      losses: holdingTime(stats.durations.losses),
    },
    long: sideMetrics(stats.long),
    short: sideMetrics(stats.short),
    totalLots: roundMoney(stats.lots),
    firstCloseTime: stats.firstCloseTime,
    lastCloseTime: stats.lastCloseTime,
  };
}

/** The money fields: null at the top level when the trades mix currencies. */
const moneyFields = [
  "netProfit",
  "grossProfit",
  "grossLoss",
  "commission",
  "swap",
  "fee",
  "profitFactor",
  "expectedPayoff",
  "averageWin",
  "averageLoss",
  "payoffRatio",
  "largestWin",
  "largestLoss",
  "maxDrawdown",
  "recoveryFactor",
  "longestWinStreak",
  "longestLossStreak",
  "largestWinStreak",
  "largestLossStreak",
] as const satisfies readonly (keyof TradeMetrics)[];

export interface CurrencyStats {
  currency: string | null;
  stats: TradeStats;
}

/**
 * Metrics of trades that may span account currencies: per currency in full, and overall with the
 * counts, rates, holding times and lots of all trades but money only when there is one currency.
 * (Ratios of money, such as the profit factor, would mix currencies too.)
 */
export function metricsByCurrency(groups: CurrencyStats[]) {
  const byCurrency = groups.map((group) => ({ currency: group.currency, ...metricsOf(group.stats) }));
  if (groups.length === 0) return { currency: null, ...metricsOf(emptyStats), byCurrency };
  if (groups.length === 1) return { ...byCurrency[0]!, byCurrency };
  const overall = metricsOf(groups.reduce((sum, group) => addOrderless(sum, group.stats), emptyStats));
  const noMoney = Object.fromEntries(moneyFields.map((field) => [field, null])) as Record<(typeof moneyFields)[number], null>;
  return {
    currency: null,
    ...overall,
    ...noMoney,
    long: { ...overall.long, netProfit: null },
    short: { ...overall.short, netProfit: null },
    byCurrency,
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function streak(run: Run | null): Streak | null {
  return run === null ? null : { count: run.count, netProfit: roundMoney(run.netProfit) };
}

function holdingTime(durations: DurationStats): HoldingTime {
  return {
    averageSeconds: ratio(durations.totalSeconds, durations.count),
    shortestSeconds: durations.shortest,
    longestSeconds: durations.longest,
  };
}

function sideMetrics(side: SideStats): SideMetrics {
  return {
    trades: side.trades,
    wins: side.wins,
    losses: side.losses,
    winRate: ratio(side.wins, side.wins + side.losses),
    netProfit: roundMoney(side.netProfit),
  };
}
