import type { z } from "zod";
import { filteredTrades, segmentPlan } from "@/lib/analytics/day-pieces";
import {
  addTradeToTotals,
  emptyGroupRecord,
  groupKeysOf,
  unknownGroup,
  zeroTotals,
  type GroupTotals,
} from "@/lib/analytics/group-totals";
import { freshenGroups, type SegmentTrade } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { BreakdownQuery } from "@/lib/schemas/trade-query";
import type { breakdownResource } from "@/lib/schemas/responses";
import { roundMoney } from "@/lib/trades/trade-values";

/**
 * Per group of one dimension: trades, win rate, net profit, profit factor, expectancy and average
 * holding time of the filtered trades, per account currency. Strategy groups carry their name.
 */
export function getBreakdown(query: BreakdownQuery): z.infer<typeof breakdownResource> {
  const { by, ...filters } = query;
  const handle = sqlite();
  const perCurrency = new Map<string, Record<string, GroupTotals>>();
  const totalsOf = (currency: string, key: string) => {
    let groups = perCurrency.get(currency);
    if (!groups) perCurrency.set(currency, (groups = emptyGroupRecord()));
    return (groups[key] ??= zeroTotals());
  };
  const addTrades = (trades: Iterable<SegmentTrade>) => {
    for (const trade of trades) addTradeToTotals(totalsOf(trade.currency ?? "", groupKeysOf(trade)[by]), trade);
  };

  const plan = segmentPlan(handle, filters);
  if (plan) {
    freshenGroups(handle, plan.stream.kind, plan.stream.key, plan.firstWholeDay, plan.endWholeDay);
    addTrades(plan.leadingTrades);
    const rows = cached(
      handle,
      `SELECT currency, group_key AS groupKey, SUM(trades) AS trades, SUM(wins) AS wins, SUM(losses) AS losses,
              SUM(breakevens) AS breakevens, SUM(gross_profit) AS grossProfit, SUM(gross_loss) AS grossLoss,
              SUM(net_profit) AS netProfit, SUM(duration_seconds) AS durationSeconds, SUM(duration_count) AS durationCount
         FROM segment_groups
        WHERE kind = ? AND key = ? AND dimension = ? AND day >= ? AND day < ?
        GROUP BY currency, group_key`,
    ).all(plan.stream.kind, plan.stream.key, by, plan.firstWholeDay, plan.endWholeDay) as (GroupTotals & {
      currency: string;
      groupKey: string;
    })[];
    for (const { currency, groupKey, ...totals } of rows) addTotals(totalsOf(currency, groupKey), totals);
    addTrades(plan.trailingTrades);
  } else {
    addTrades(filteredTrades(handle, filters));
  }

  const names = by === "strategy" ? strategyNames() : new Map<string, string>();
  const rows = [...perCurrency].flatMap(([currency, groups]) =>
    Object.entries(groups).map(([key, totals]) => toGroupResource(by, key, currency || null, totals, names)),
  );
  rows.sort((a, b) => compareKeys(a.key, b.key) || (a.currency ?? "").localeCompare(b.currency ?? ""));
  const currencies = [...perCurrency.keys()];
  return { by, currency: currencies.length === 1 ? currencies[0]! || null : null, groups: rows };
}

function addTotals(target: GroupTotals, source: GroupTotals): void {
  for (const field of Object.keys(target) as (keyof GroupTotals)[]) target[field] += source[field];
}

function strategyNames(): Map<string, string> {
  const rows = cached(sqlite(), "SELECT account_id AS accountId, magic_number AS magicNumber, name FROM strategies").all() as {
    accountId: number;
    magicNumber: number;
    name: string;
  }[];
  return new Map(rows.map((row) => [`${row.accountId}:${row.magicNumber}`, row.name]));
}

function toGroupResource(by: BreakdownQuery["by"], key: string, currency: string | null, totals: GroupTotals, names: Map<string, string>) {
  const [account, magic] = by === "strategy" ? key.split(":") : by === "account_id" ? [key, ""] : ["", ""];
  return {
    key,
    currency,
    account_id: account ? Number(account) : null,
    magic_number: magic ? Number(magic) : null,
    name: names.get(key) ?? null,
    trades: totals.trades,
    wins: totals.wins,
    losses: totals.losses,
    breakevens: totals.breakevens,
    win_rate: totals.wins + totals.losses === 0 ? null : totals.wins / (totals.wins + totals.losses),
    net_profit: roundMoney(totals.netProfit),
    profit_factor: totals.grossLoss === 0 ? null : roundMoney(totals.grossProfit) / -roundMoney(totals.grossLoss),
    expectancy: roundMoney(totals.netProfit) / totals.trades,
    average_holding_seconds: totals.durationCount === 0 ? null : totals.durationSeconds / totals.durationCount,
  };
}

/** Numbers in numeric order (hours, weekdays, ids), text alphabetically, "unknown" last. */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === unknownGroup) return 1;
  if (b === unknownGroup) return -1;
  return a.localeCompare(b, "en", { numeric: true });
}
