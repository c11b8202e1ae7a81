import type Database from "better-sqlite3";
import type { z } from "zod";
import { balanceAt, knownBalances, type CurrencyBalance } from "@/lib/analytics/account-balances";
import { currencyGroups, dayPieces, type DayPiece } from "@/lib/analytics/day-pieces";
import { selectSegmentTrade, tradeOrderSql, type SegmentTrade } from "@/lib/analytics/trade-segments";
import { concatStats, emptyStats, statsOfTrade, type TradeStats } from "@/lib/analytics/trade-stats";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { equityResource } from "@/lib/schemas/responses";
import type { EquityQuery, TradeFilters } from "@/lib/schemas/trade-query";
import { formatBrokerTime } from "@/lib/time/broker-time";
import { tradeFilterSql } from "@/lib/trades/trade-filters";
import { roundMoney } from "@/lib/trades/trade-values";

type EquityPoint = z.infer<typeof equityResource>["series"][number]["points"][number];

/**
 * Cumulative net P&L in close-time order with its drawdown, per account currency, in at most
 * `points` points, and the balance where it is known (lib/analytics/account-balances.ts). Each point
 * is a run of consecutive trades: every trade when there are few, otherwise runs of whole days,
 * each keeping its lowest and highest equity so peaks and troughs survive.
 */
export function getEquitySeries(query: EquityQuery): z.infer<typeof equityResource> {
  const { points, ...filters } = query;
  const handle = sqlite();
  const balances = knownBalances(handle, filters);
  const byCurrency = new Map<string, DayPiece[]>();
  for (const piece of dayPieces(handle, filters)) {
    const pieces = byCurrency.get(piece.currency) ?? [];
    pieces.push(piece);
    byCurrency.set(piece.currency, pieces);
  }
  const series = currencyGroups(byCurrency).map(({ currency, value: pieces }) => {
    const trades = pieces.reduce((sum, piece) => sum + piece.stats.trades, 0);
    const perTrade = trades <= points;
    const runs = perTrade ? tradeRuns(handle, filters, currency ?? "") : dayRuns(pieces, points);
    return { currency, trades, per_trade: perTrade, points: equityPoints(runs, balances.get(currency ?? "") ?? null) };
  });
  return { currency: series.length === 1 ? series[0]!.currency : null, series };
}

/** Every trade of one currency as its own run. */
function tradeRuns(handle: Database.Database, filters: TradeFilters, currency: string): TradeStats[] {
  const filter = tradeFilterSql(filters);
  const trades = cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${filter.sql} AND COALESCE(a.currency, '') = ? ORDER BY ${tradeOrderSql}`,
  ).all(...filter.params, currency) as SegmentTrade[];
  return trades.map(statsOfTrade);
}

/** Consecutive days folded into at most `points` runs. */
function dayRuns(pieces: DayPiece[], points: number): TradeStats[] {
  const daysPerRun = Math.ceil(pieces.length / points);
  const runs: TradeStats[] = [];
  for (let start = 0; start < pieces.length; start += daysPerRun) {
    runs.push(pieces.slice(start, start + daysPerRun).reduce((run, piece) => concatStats(run, piece.stats), emptyStats));
  }
  return runs;
}

function equityPoints(runs: TradeStats[], balance: CurrencyBalance | null): EquityPoint[] {
  let equity = 0;
  let peak = 0;
  let trades = 0;
  return runs.map((run) => {
    const start = equity;
    const peakBefore = peak;
    equity = start + run.equity.sum;
    peak = Math.max(peak, start + run.equity.highest);
    trades += run.trades;
    return {
      time: formatBrokerTime(run.lastCloseTime!),
      trades,
      equity: roundMoney(equity),
      low: roundMoney(start + run.equity.lowest),
      high: roundMoney(start + run.equity.highest),
      drawdown: roundMoney(peak - equity),
      // The deepest fall inside the run, or from the earlier peak down to the run's trough.
      max_drawdown: roundMoney(Math.max(run.equity.maxDrawdown, peakBefore - (start + run.equity.lowest))),
      balance: balance && roundMoney(balanceAt(balance, run.lastCloseTime!, equity)),
    };
  });
}
