import type { z } from "zod";
import { dayPieces } from "@/lib/analytics/day-pieces";
import { addGroups, emptyGroups, unknownGroup, type GroupTotals } from "@/lib/analytics/group-totals";
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
  const perCurrency = new Map<string, ReturnType<typeof emptyGroups>>();
  for (const piece of dayPieces(handle, filters, { groups: true })) {
    let groups = perCurrency.get(piece.currency);
    if (!groups) perCurrency.set(piece.currency, (groups = emptyGroups()));
    addGroups(groups, piece.groups!);
  }
  const names = by === "strategy" ? strategyNames() : new Map<string, string>();
  const rows = [...perCurrency].flatMap(([currency, groups]) =>
    Object.entries(groups[by]).map(([key, totals]) => toGroupResource(by, key, currency || null, totals, names)),
  );
  rows.sort((a, b) => compareKeys(a.key, b.key) || (a.currency ?? "").localeCompare(b.currency ?? ""));
  const currencies = [...perCurrency.keys()];
  return { by, currency: currencies.length === 1 ? currencies[0]! || null : null, groups: rows };
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
