import type { z } from "zod";
import { currencyGroups, dayPieces } from "@/lib/analytics/day-pieces";
import { metricsByCurrency, type TradeMetrics } from "@/lib/analytics/trade-metrics";
import { concatStats, emptyStats, type TradeStats } from "@/lib/analytics/trade-stats";
import { sqlite } from "@/lib/db";
import type { summaryResource } from "@/lib/schemas/responses";
import type { TradeFilters } from "@/lib/schemas/trade-query";
import { formatBrokerTime } from "@/lib/time/broker-time";

/**
 * The metrics of the filtered trades, per account currency and overall. Read from the day
 * segments when the filters pick one stream, otherwise from one ordered pass (lib/analytics/day-pieces.ts).
 */
export function getSummary(filters: TradeFilters) {
  const groups = new Map<string, TradeStats>();
  for (const piece of dayPieces(sqlite(), filters)) {
    groups.set(piece.currency, concatStats(groups.get(piece.currency) ?? emptyStats, piece.stats));
  }
  return toSummaryResource(metricsByCurrency(currencyGroups(groups).map(({ currency, value }) => ({ currency, stats: value }))));
}

type Metrics = Omit<ReturnType<typeof metricsByCurrency>, "byCurrency">;

function toMetricsResource(metrics: Metrics) {
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

function toSummaryResource(summary: ReturnType<typeof metricsByCurrency>): z.infer<typeof summaryResource> {
  return {
    ...toMetricsResource(summary),
    by_currency: summary.byCurrency.map((group) => toMetricsResource(group)),
  };
}
