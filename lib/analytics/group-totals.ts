// Additive totals per breakdown group (symbol, strategy, side, reason, open weekday and hour,
// account). Unlike drawdown or streaks they do not depend on order, so a day segment keeps them
// beside its TradeStats and updates them in place. Pure: no database.
import type { TradeStats } from "@/lib/analytics/trade-stats";
import { breakdownDimensions, type Side } from "@/lib/schemas/fields";

export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** The additive part of TradeStats, with the holding time of trades whose open time is known. */
export type GroupTotals = Pick<TradeStats, "trades" | "wins" | "losses" | "breakevens" | "grossProfit" | "grossLoss" | "netProfit"> & {
  durationSeconds: number;
  durationCount: number;
};

export type Groups = Record<BreakdownDimension, Record<string, GroupTotals>>;

/** What the groups need of a trade. */
export interface GroupTrade {
  accountId: number;
  symbol: string;
  magicNumber: number | null;
  side: Side | null;
  positionReason: string | null;
  openTime: number | null;
  netProfit: number;
  durationSeconds: number | null;
}

export const unknownGroup = "unknown";

export function emptyGroups(): Groups {
  const groups = () => emptyGroupRecord<GroupTotals>();
  return { symbol: groups(), strategy: groups(), side: groups(), position_reason: groups(), weekday: groups(), hour: groups(), account_id: groups() };
}

/**
 * Group totals by key with no prototype: a symbol is the sender's text, and "__proto__" must be a
 * group like any other, not Object.prototype (adding to it polluted every object in the server).
 */
export function emptyGroupRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The group of a trade in each dimension. Strategy is (account, magic number) as "3:1001";
 * weekday (1 = Monday .. 7 = Sunday) and hour (0-23) are of the open time, "unknown" without one.
 */
export function groupKeysOf(trade: GroupTrade): Record<BreakdownDimension, string> {
  const open = trade.openTime === null ? null : new Date(trade.openTime * 1000);
  return {
    symbol: trade.symbol,
    strategy: `${trade.accountId}:${trade.magicNumber ?? ""}`,
    side: trade.side ?? unknownGroup,
    position_reason: trade.positionReason ?? unknownGroup,
    weekday: open ? String(((open.getUTCDay() + 6) % 7) + 1) : unknownGroup,
    hour: open ? String(open.getUTCHours()) : unknownGroup,
    account_id: String(trade.accountId),
  };
}

/** Adds one trade to `groups` (in place). */
export function addTrade(groups: Groups, trade: GroupTrade): void {
  const keys = groupKeysOf(trade);
  for (const dimension of breakdownDimensions) addTradeToTotals((groups[dimension][keys[dimension]] ??= zeroTotals()), trade);
}

/** Adds one trade to one group's totals (in place). */
export function addTradeToTotals(totals: GroupTotals, trade: GroupTrade): void {
  const net = trade.netProfit;
  totals.trades += 1;
  if (net > 0) {
    totals.wins += 1;
    totals.grossProfit += net;
  } else if (net < 0) {
    totals.losses += 1;
    totals.grossLoss += net;
  } else totals.breakevens += 1;
  totals.netProfit += net;
  if (trade.durationSeconds !== null) {
    totals.durationSeconds += trade.durationSeconds;
    totals.durationCount += 1;
  }
}

export function groupsOfTrades(trades: Iterable<GroupTrade>): Groups {
  const groups = emptyGroups();
  for (const trade of trades) addTrade(groups, trade);
  return groups;
}

export function zeroTotals(): GroupTotals {
  return { trades: 0, wins: 0, losses: 0, breakevens: 0, grossProfit: 0, grossLoss: 0, netProfit: 0, durationSeconds: 0, durationCount: 0 };
}
