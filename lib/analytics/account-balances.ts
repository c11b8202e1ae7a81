// What the balance-based figures (balance curve, gain %, drawdown %) read. A balance belongs to
// whole accounts, so it is known only when the filters select whole accounts (none, or account_id,
// with an optional time range) and every account of the currency that has trades also has balance
// operations. Otherwise the figures are null: never a % of a P&L curve that starts at zero.
import type Database from "better-sqlite3";
import { BalanceTracker, type BalanceFigures, type BalanceMovement } from "@/lib/analytics/balance-tracker";
import { dayPieces, filteredTrades, type DayPiece } from "@/lib/analytics/day-pieces";
import { secondsPerDay } from "@/lib/analytics/trade-segments";
import { cached } from "@/lib/db/cached-statement";
import type { TradeFilters } from "@/lib/schemas/trade-query";

export interface BalanceOperationPoint {
  time: number;
  amount: number;
  type: BalanceMovement;
}

export interface CurrencyBalance {
  /** The balance when the range starts: every operation and trade before it. */
  opening: number;
  /** Deposits, withdrawals and adjustments inside the range, in time order. Credits are not balance (as in MT5). */
  operations: BalanceOperationPoint[];
}

/** The known balances of the selection, by currency ("" unknown); currencies without one are absent. */
export function knownBalances(handle: Database.Database, filters: TradeFilters): Map<string, CurrencyBalance> {
  const { account_id: accountIds, from, to, ...rest } = filters;
  const balances = new Map<string, CurrencyBalance>();
  if (Object.values(rest).some((value) => value !== undefined)) return balances;

  const accounts = accountIds ? `a.id IN (${accountIds.map(() => "?").join(", ")})` : "1 = 1";
  const accountParams = accountIds ?? [];
  // A balance is known from a deposit or withdrawal on: adjustments alone (a fee, interest) say
  // nothing about the money the account holds.
  const coverage = cached(
    handle,
    `SELECT COALESCE(a.currency, '') AS currency,
            MIN(o.account_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM trades t WHERE t.account_id = a.id)) AS complete,
            MAX(o.account_id IS NOT NULL) AS operated
       FROM accounts a
       LEFT JOIN (SELECT DISTINCT account_id FROM balance_operations WHERE type IN ('deposit', 'withdrawal')) o ON o.account_id = a.id
      WHERE ${accounts}
      GROUP BY 1`,
  ).all(...accountParams) as { currency: string; complete: number; operated: number }[];
  for (const { currency, complete, operated } of coverage) {
    if (complete && operated) balances.set(currency, { opening: 0, operations: [] });
  }
  if (balances.size === 0) return balances;

  const operations = cached(
    handle,
    `SELECT COALESCE(a.currency, '') AS currency, o.time, o.amount, o.type
       FROM balance_operations o JOIN accounts a ON a.id = o.account_id
      WHERE ${accounts} AND o.type <> 'credit' AND o.time < ?
      ORDER BY o.time, o.id`,
  ).iterate(...accountParams, to?.seconds ?? Number.MAX_SAFE_INTEGER) as IterableIterator<BalanceOperationPoint & { currency: string }>;
  for (const { currency, time, amount, type } of operations) {
    const balance = balances.get(currency);
    if (!balance) continue;
    if (from && time < from.seconds) balance.opening += amount;
    else balance.operations.push({ time, amount, type });
  }
  if (from) {
    for (const piece of dayPieces(handle, { account_id: accountIds, to: from })) {
      const balance = balances.get(piece.currency);
      if (balance) balance.opening += piece.stats.netProfit;
    }
  }
  return balances;
}

/** The balance after the operations up to `time` (inclusive) and `equity`, the net of trades so far. */
export function balanceAt(balance: CurrencyBalance, time: number, equity: number): number {
  let total = balance.opening + equity;
  for (const operation of balance.operations) {
    if (operation.time > time) break;
    total += operation.amount;
  }
  return total;
}

/**
 * Gain and drawdown % of one currency's known balance over its day pieces (in day order). A day
 * that holds a balance operation is read trade by trade, so operations and trades keep their order
 * (an operation at a trade's close time comes first).
 */
export function balanceFiguresOf(
  handle: Database.Database,
  filters: TradeFilters,
  currency: string,
  balance: CurrencyBalance,
  pieces: DayPiece[],
): BalanceFigures {
  const tracker = new BalanceTracker<number>(balance.opening);
  const operations = balance.operations;
  let next = 0;
  const addOperationsUntil = (time: number) => {
    while (next < operations.length && operations[next]!.time <= time) {
      const operation = operations[next++]!;
      tracker.addOperation(operation.amount, operation.type);
    }
  };
  const tradesOfDay = (day: number) => dayTrades(handle, filters, currency, day);
  for (const piece of pieces) {
    addOperationsUntil(piece.day * secondsPerDay - 1);
    if (next < operations.length && operations[next]!.time < (piece.day + 1) * secondsPerDay) {
      for (const trade of tradesOfDay(piece.day)) {
        addOperationsUntil(trade.closeTime);
        tracker.addTrade(trade.netProfit);
      }
    } else {
      tracker.addRun(piece.stats.equity, piece.day);
    }
  }
  addOperationsUntil(Number.MAX_SAFE_INTEGER);
  return tracker.finish((day) => tradesOfDay(day).map((trade) => trade.netProfit));
}

/** The selection's trades of one currency closed on one day (within the filters' range), in order. */
function dayTrades(handle: Database.Database, filters: TradeFilters, currency: string, day: number) {
  const from = Math.max(day * secondsPerDay, filters.from?.seconds ?? 0);
  const to = Math.min((day + 1) * secondsPerDay, filters.to?.seconds ?? Number.MAX_SAFE_INTEGER);
  const range = { ...filters, from: { seconds: from, utcOffsetMinutes: null }, to: { seconds: to, utcOffsetMinutes: null } };
  return [...filteredTrades(handle, range)].filter((trade) => (trade.currency ?? "") === currency);
}
