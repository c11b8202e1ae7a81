import type { z } from "zod";
import { balanceFiguresOf, knownBalances } from "@/lib/analytics/account-balances";
import type { BalanceFigures } from "@/lib/analytics/balance-tracker";
import { currencyGroups, dayPieces, type DayPiece } from "@/lib/analytics/day-pieces";
import { metricsByCurrency, type TradeMetrics } from "@/lib/analytics/trade-metrics";
import { concatStats, emptyStats, type TradeStats } from "@/lib/analytics/trade-stats";
import { sqlite } from "@/lib/db";
import type { summaryResource } from "@/lib/schemas/responses";
import type { TradeFilters } from "@/lib/schemas/trade-query";
import { formatBrokerTime } from "@/lib/time/broker-time";
import { roundMoney } from "@/lib/trades/trade-values";

/**
 * The metrics of the filtered trades, per account currency and overall. Read from the day
 * segments when the filters pick one stream, otherwise from one ordered pass (lib/analytics/day-pieces.ts).
 */
export function getSummary(filters: TradeFilters) {
  const handle = sqlite();
  const balances = knownBalances(handle, filters);
  const groups = new Map<string, { stats: TradeStats; pieces: DayPiece[] }>();
  for (const currency of balances.keys()) groups.set(currency, { stats: emptyStats, pieces: [] });
  for (const piece of dayPieces(handle, filters)) {
    const group = groups.get(piece.currency) ?? { stats: emptyStats, pieces: [] };
    group.stats = concatStats(group.stats, piece.stats);
    if (balances.has(piece.currency)) group.pieces.push(piece);
    groups.set(piece.currency, group);
  }
  const currencies = currencyGroups(groups);
  const figures = currencies.map(({ currency, value }) => {
    const balance = balances.get(currency ?? "");
    return balance ? balanceFiguresOf(handle, filters, currency ?? "", balance, value.pieces) : null;
  });
  const summary = metricsByCurrency(currencies.map(({ currency, value }) => ({ currency, stats: value.stats })));
  return {
    ...toMetricsResource(summary, figures.length === 1 ? figures[0]! : null),
    by_currency: summary.byCurrency.map((group, index) => toMetricsResource(group, figures[index]!)),
  } satisfies z.infer<typeof summaryResource>;
}

type Metrics = Omit<ReturnType<typeof metricsByCurrency>, "byCurrency">;

function toMetricsResource(metrics: Metrics, balance: BalanceFigures | null) {
  const holding = (time: TradeMetrics["holdingTime"]["all"]) => ({
    average_seconds: time.averageSeconds,
    shortest_seconds: time.shortestSeconds,
    longest_seconds: time.longestSeconds,
  });
  const side = (side: Metrics["long"]) => ({
    trades: side.trades,
    wins: side.wins,
    losses: side.losses,
    win_rate: side.winRate,
    net_profit: side.netProfit,
  });
  const extreme = (value: { netProfit: number; tradeId: number } | null) =>
    value && { net_profit: value.netProfit, trade_id: value.tradeId };
  const streak = (value: { count: number; netProfit: number } | null) => value && { count: value.count, net_profit: value.netProfit };
  return {
    currency: metrics.currency,
    total_trades: metrics.totalTrades,
    wins: metrics.wins,
    losses: metrics.losses,
    breakevens: metrics.breakevens,
    win_rate: metrics.winRate,
    win_rate_all: metrics.winRateAll,
    total_profit: metrics.netProfit,
    net_profit: metrics.netProfit,
    gross_profit: metrics.grossProfit,
    gross_loss: metrics.grossLoss,
    commission: metrics.commission,
    swap: metrics.swap,
    fee: metrics.fee,
    profit_factor: metrics.profitFactor,
    expected_payoff: metrics.expectedPayoff,
    average_profit: metrics.expectedPayoff,
    average_win: metrics.averageWin,
    average_loss: metrics.averageLoss,
    payoff_ratio: metrics.payoffRatio,
    largest_win: extreme(metrics.largestWin),
    largest_loss: extreme(metrics.largestLoss),
    max_drawdown: metrics.maxDrawdown,
    recovery_factor: metrics.recoveryFactor,
    balance: balance && {
      opening: roundMoney(balance.opening),
      closing: roundMoney(balance.closing),
      deposits: roundMoney(balance.deposits),
      withdrawals: roundMoney(balance.withdrawals),
      adjustments: roundMoney(balance.adjustments),
    },
    gain_percent: roundPercent(balance?.gainPercent ?? null),
    max_drawdown_percent: roundPercent(balance?.maxDrawdownPercent ?? null),
    longest_win_streak: streak(metrics.longestWinStreak),
    longest_loss_streak: streak(metrics.longestLossStreak),
    largest_win_streak: streak(metrics.largestWinStreak),
    largest_loss_streak: streak(metrics.largestLossStreak),
    average_duration_seconds: metrics.holdingTime.all.averageSeconds,
    holding_time: {
      all: holding(metrics.holdingTime.all),
      wins: holding(metrics.holdingTime.wins),
      losses: holding(metrics.holdingTime.losses),
    },
    long: side(metrics.long),
    short: side(metrics.short),
    total_lots: metrics.totalLots,
    first_trade_time: metrics.firstCloseTime === null ? null : formatBrokerTime(metrics.firstCloseTime),
    last_trade_time: metrics.lastCloseTime === null ? null : formatBrokerTime(metrics.lastCloseTime),
  };
}

function roundPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
