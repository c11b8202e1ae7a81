import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { TradeFilters } from "@/lib/schemas/trade-query";
import { summarize, type CurrencyTotals } from "@/lib/analytics/summary";
import { tradeFilterSql } from "@/lib/trades/trade-filters";

/** The summary of the filtered trades, per account currency in SQL, finished by `summarize`. */
export function getSummary(filters: TradeFilters) {
  const filter = tradeFilterSql(filters);
  const groups = cached(
    sqlite(),
    `SELECT a.currency AS currency,
            COUNT(*) AS trades,
            TOTAL(t.net_profit) AS netProfit,
            COUNT(CASE WHEN t.net_profit > 0 THEN 1 END) AS wins,
            COUNT(CASE WHEN t.net_profit < 0 THEN 1 END) AS losses,
            TOTAL(t.duration_seconds) AS durationSum,
            COUNT(t.duration_seconds) AS durationCount
       FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${filter.sql}
      GROUP BY a.currency
      ORDER BY a.currency`,
  ).all(...filter.params) as CurrencyTotals[];
  return toSummaryResource(summarize(groups));
}

function toSummaryResource(summary: ReturnType<typeof summarize>) {
  return {
    total_trades: summary.totalTrades,
    total_profit: summary.totalProfit,
    win_rate: summary.winRate,
    average_profit: summary.averageProfit,
    average_duration_seconds: summary.averageDurationSeconds,
    by_currency: summary.byCurrency.map((group) => ({
      currency: group.currency,
      total_trades: group.totalTrades,
      total_profit: group.totalProfit,
      win_rate: group.winRate,
      average_profit: group.averageProfit,
    })),
  };
}
