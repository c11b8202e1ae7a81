import type Database from "better-sqlite3";
import type { z } from "zod";
import { metricsByCurrency, type TradeMetrics } from "@/lib/analytics/trade-metrics";
import {
  freshenSegments,
  secondsPerDay,
  selectSegmentTrade,
  tradeOrderSql,
  type SegmentTrade,
  type StreamKind,
} from "@/lib/analytics/trade-segments";
import { concatStats, emptyStats, statsOfTrade, type TradeStats } from "@/lib/analytics/trade-stats";
import { sqlite } from "@/lib/db";
import type { summaryResource } from "@/lib/schemas/responses";
import { cached } from "@/lib/db/cached-statement";
import type { TradeFilters } from "@/lib/schemas/trade-query";
import { tradeFilterSql } from "@/lib/trades/trade-filters";
import { formatBrokerTime } from "@/lib/time/broker-time";

/**
 * The metrics of the filtered trades, per account currency and overall. Read from the day
 * segments when the filters pick one stream (none, or one symbol, magic number or account, with
 * an optional time range); otherwise from one ordered pass over the matching trades.
 */
export function getSummary(filters: TradeFilters) {
  const handle = sqlite();
  const stream = streamOf(filters);
  const groups = stream ? statsFromSegments(handle, stream, filters) : statsFromTrades(handle, filters);
  return toSummaryResource(
    metricsByCurrency([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([currency, stats]) => ({ currency: currency || null, stats }))),
  );
}

interface StreamChoice {
  kind: StreamKind;
  key: string;
  sql: string;
  params: unknown[];
}

/** The one stream the filters pick, or null when they need a pass over the trades. */
function streamOf(filters: TradeFilters): StreamChoice | null {
  const { from: _from, to: _to, ...rest } = filters;
  const used = Object.entries(rest).filter(([, value]) => value !== undefined);
  if (used.length === 0) return { kind: "all", key: "", sql: "1 = 1", params: [] };
  if (used.length > 1) return null;
  const [name, values] = used[0] as [string, unknown[]];
  if (values.length !== 1) return null;
  const value = values[0];
  switch (name) {
    case "symbol":
      return { kind: "symbol", key: String(value), sql: "t.symbol = ?", params: [value] };
    case "magic_number":
      return { kind: "magic", key: String(value), sql: "t.magic_number = ?", params: [value] };
    case "account_id":
      return { kind: "account", key: String(value), sql: "t.account_id = ?", params: [value] };
    default:
      return null;
  }
}

/** Whole days from the segments; the partial days at the edges of a time range from the trades. */
function statsFromSegments(handle: Database.Database, stream: StreamChoice, filters: TradeFilters): Map<string, TradeStats> {
  freshenSegments(handle, stream.kind, stream.key);
  const from = filters.from?.seconds ?? Number.MIN_SAFE_INTEGER;
  const to = filters.to?.seconds ?? Number.MAX_SAFE_INTEGER;
  const firstWholeDay = Math.ceil(from / secondsPerDay);
  const endWholeDay = Math.floor(to / secondsPerDay);
  const groups = new Map<string, TradeStats>();
  const append = (currency: string, stats: TradeStats) => groups.set(currency, concatStats(groups.get(currency) ?? emptyStats, stats));

  if (firstWholeDay >= endWholeDay) {
    for (const trade of rangeTrades(handle, stream, from, to)) append(trade.currency ?? "", statsOfTrade(trade));
    return groups;
  }
  for (const trade of rangeTrades(handle, stream, from, firstWholeDay * secondsPerDay)) {
    append(trade.currency ?? "", statsOfTrade(trade));
  }
  const segments = cached(
    handle,
    `SELECT currency, stats FROM trade_segments
      WHERE kind = ? AND key = ? AND day >= ? AND day < ? ORDER BY currency, day`,
  ).iterate(stream.kind, stream.key, firstWholeDay, endWholeDay) as IterableIterator<{ currency: string; stats: string }>;
  for (const segment of segments) append(segment.currency, JSON.parse(segment.stats) as TradeStats);
  for (const trade of rangeTrades(handle, stream, endWholeDay * secondsPerDay, to)) {
    append(trade.currency ?? "", statsOfTrade(trade));
  }
  return groups;
}

function rangeTrades(handle: Database.Database, stream: StreamChoice, from: number, to: number): SegmentTrade[] {
  if (from >= to) return [];
  return cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${stream.sql} AND t.close_time >= ? AND t.close_time < ? ORDER BY ${tradeOrderSql}`,
  ).all(...stream.params, from, to) as SegmentTrade[];
}

/** Any combination of filters: one pass over the matching trades in close-time order. */
function statsFromTrades(handle: Database.Database, filters: TradeFilters): Map<string, TradeStats> {
  const filter = tradeFilterSql(filters);
  const trades = cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${filter.sql} ORDER BY ${tradeOrderSql}`,
  ).iterate(...filter.params) as IterableIterator<SegmentTrade>;
  const groups = new Map<string, TradeStats>();
  for (const trade of trades) {
    const currency = trade.currency ?? "";
    groups.set(currency, concatStats(groups.get(currency) ?? emptyStats, statsOfTrade(trade)));
  }
  return groups;
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
