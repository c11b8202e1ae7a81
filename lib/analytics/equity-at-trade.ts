import { dayPieces } from "@/lib/analytics/day-pieces";
import { dayOf, secondsPerDay, selectSegmentTrade, tradeOrderSql, type SegmentTrade } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { parseBrokerTime, type ParsedBrokerTime } from "@/lib/time/broker-time";

/**
 * Where a trade sits on its account's equity curve: how many of the account's trades closed up to
 * and including it, and the cumulative net there. Whole days come from the day segments.
 */
export function equityAtTrade(trade: { id: number; account_id: number; close_time: string }): { trades: number; equity: number } {
  const handle = sqlite();
  const closeTime = (parseBrokerTime(trade.close_time) as ParsedBrokerTime).seconds;
  const dayStart = dayOf(closeTime) * secondsPerDay;
  let trades = 0;
  let equity = 0;
  const before = { account_id: [trade.account_id], to: { seconds: dayStart, utcOffsetMinutes: null } };
  for (const piece of dayPieces(handle, before)) {
    trades += piece.stats.trades;
    equity += piece.stats.netProfit;
  }
  const sameDay = cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE t.account_id = ? AND t.close_time >= ? AND t.close_time < ? ORDER BY ${tradeOrderSql}`,
  ).all(trade.account_id, dayStart, dayStart + secondsPerDay) as SegmentTrade[];
  for (const each of sameDay) {
    trades += 1;
    equity += each.netProfit;
    if (each.id === trade.id) break;
  }
  return { trades, equity };
}
