import type Database from "better-sqlite3";
import {
  dayOf,
  freshenSegments,
  secondsPerDay,
  selectSegmentTrade,
  tradeOrderSql,
  type SegmentTrade,
  type StreamKind,
} from "@/lib/analytics/trade-segments";
import { concatStats, statsOfTrade, type TradeStats } from "@/lib/analytics/trade-stats";
import { cached } from "@/lib/db/cached-statement";
import type { TradeFilters } from "@/lib/schemas/trade-query";
import { tradeFilterSql } from "@/lib/trades/trade-filters";

/** The trades of one currency on one day (or the part of it inside a time range), summarised. */
export interface DayPiece {
  currency: string;
  day: number;
  stats: TradeStats;
}

export interface StreamChoice {
  kind: StreamKind;
  key: string;
  sql: string;
  params: unknown[];
}

/**
 * The filtered trades as day pieces, in day order within each currency. When the filters pick one
 * stream (none, or one symbol, magic number or account, with an optional time range), whole days
 * come from the segments and only the partial days at the range's edges from the trades; any other
 * combination is one ordered pass over the matching trades.
 */
export function* dayPieces(handle: Database.Database, filters: TradeFilters): Generator<DayPiece> {
  const plan = segmentPlan(handle, filters);
  if (!plan) {
    yield* piecesOfTrades(filteredTrades(handle, filters));
    return;
  }
  yield* piecesOfTrades(plan.leadingTrades);
  const segments = cached(
    handle,
    `SELECT currency, day, stats FROM trade_segments
      WHERE kind = ? AND key = ? AND day >= ? AND day < ? ORDER BY day, currency`,
  ).iterate(plan.stream.kind, plan.stream.key, plan.firstWholeDay, plan.endWholeDay) as IterableIterator<{
    currency: string;
    day: number;
    stats: string;
  }>;
  for (const segment of segments) yield { currency: segment.currency, day: segment.day, stats: JSON.parse(segment.stats) };
  yield* piecesOfTrades(plan.trailingTrades);
}

export interface SegmentPlan {
  stream: StreamChoice;
  /** Whole days [firstWholeDay, endWholeDay) come from the segments (freshened)... */
  firstWholeDay: number;
  endWholeDay: number;
  /** ...and the partial days at the range's edges from the trades. */
  leadingTrades: SegmentTrade[];
  trailingTrades: SegmentTrade[];
}

/**
 * How to read the filtered trades from segments, or null when the filters pick no single stream
 * (then `filteredTrades` is the ordered pass). Freshens the stream's stale segments first.
 */
export function segmentPlan(handle: Database.Database, filters: TradeFilters): SegmentPlan | null {
  const stream = streamOf(filters);
  if (!stream) return null;
  freshenSegments(handle, stream.kind, stream.key);
  const from = filters.from?.seconds ?? Number.MIN_SAFE_INTEGER;
  const to = filters.to?.seconds ?? Number.MAX_SAFE_INTEGER;
  const firstWholeDay = Math.ceil(from / secondsPerDay);
  const endWholeDay = Math.floor(to / secondsPerDay);
  if (firstWholeDay >= endWholeDay) {
    return { stream, firstWholeDay: 0, endWholeDay: 0, leadingTrades: rangeTrades(handle, stream, from, to), trailingTrades: [] };
  }
  return {
    stream,
    firstWholeDay,
    endWholeDay,
    leadingTrades: rangeTrades(handle, stream, from, firstWholeDay * secondsPerDay),
    trailingTrades: rangeTrades(handle, stream, endWholeDay * secondsPerDay, to),
  };
}

/** Every trade the filters match, in trade order. */
export function filteredTrades(handle: Database.Database, filters: TradeFilters): IterableIterator<SegmentTrade> {
  const filter = tradeFilterSql(filters);
  return cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${filter.sql} ORDER BY ${tradeOrderSql}`,
  ).iterate(...filter.params) as IterableIterator<SegmentTrade>;
}

/** Per-currency values in a stable order, "" (unknown) as null. */
export function currencyGroups<T>(groups: Map<string, T>): { currency: string | null; value: T }[] {
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, value]) => ({ currency: currency || null, value }));
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

function rangeTrades(handle: Database.Database, stream: StreamChoice, from: number, to: number): SegmentTrade[] {
  if (from >= to) return [];
  return cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${stream.sql} AND t.close_time >= ? AND t.close_time < ? ORDER BY ${tradeOrderSql}`,
  ).all(...stream.params, from, to) as SegmentTrade[];
}

/** Trades in order -> one piece per (currency, day), each folded in order. */
function* piecesOfTrades(trades: Iterable<SegmentTrade>): Generator<DayPiece> {
  const open = new Map<string, DayPiece>();
  for (const trade of trades) {
    const currency = trade.currency ?? "";
    const day = dayOf(trade.closeTime);
    const piece = open.get(currency);
    if (piece && piece.day === day) {
      piece.stats = concatStats(piece.stats, statsOfTrade(trade));
      continue;
    }
    if (piece) yield piece;
    open.set(currency, { currency, day, stats: statsOfTrade(trade) });
  }
  yield* open.values();
}
