import type { z } from "zod";
import { currencyGroups, dayPieces } from "@/lib/analytics/day-pieces";
import { formatDay, periodOf } from "@/lib/analytics/periods";
import { sqlite } from "@/lib/db";
import type { DailyQuery } from "@/lib/schemas/trade-query";
import type { dailyResource } from "@/lib/schemas/responses";
import { roundMoney } from "@/lib/trades/trade-values";

interface PeriodTotals {
  startDay: number;
  trades: number;
  wins: number;
  losses: number;
  breakevens: number;
  net: Map<string, number>;
}

/** Net P&L, trades and win rate per close day, ISO week or month (broker calendar), for the heatmap. */
export function getDailySeries(query: DailyQuery): z.infer<typeof dailyResource> {
  const { period, ...filters } = query;
  const totals = new Map<string, PeriodTotals>();
  const currencies = new Set<string>();
  for (const piece of dayPieces(sqlite(), filters)) {
    const { key, startDay } = periodOf(piece.day, period);
    let entry = totals.get(key);
    if (!entry) totals.set(key, (entry = { startDay, trades: 0, wins: 0, losses: 0, breakevens: 0, net: new Map() }));
    entry.trades += piece.stats.trades;
    entry.wins += piece.stats.wins;
    entry.losses += piece.stats.losses;
    entry.breakevens += piece.stats.breakevens;
    entry.net.set(piece.currency, (entry.net.get(piece.currency) ?? 0) + piece.stats.netProfit);
    currencies.add(piece.currency);
  }
  const single = currencies.size === 1 ? [...currencies][0]! : null;
  return {
    period,
    currency: single || null,
    points: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, entry]) => ({
        period: key,
        start: formatDay(entry.startDay),
        trades: entry.trades,
        wins: entry.wins,
        losses: entry.losses,
        breakevens: entry.breakevens,
        win_rate: entry.wins + entry.losses === 0 ? null : entry.wins / (entry.wins + entry.losses),
        net_profit: single === null ? null : roundMoney(entry.net.get(single) ?? 0),
        by_currency: currencyGroups(entry.net).map(({ currency, value }) => ({ currency, net_profit: roundMoney(value) })),
      })),
  };
}
