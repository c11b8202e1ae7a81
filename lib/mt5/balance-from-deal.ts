import type { Deal } from "@/lib/mt5/trades-from-deals";

// Deals that move money without trading become balance operations. The EA runs the same rule:
//   mql5/Include/TradeJournal/TradeRecord.mqh  BuildBalanceRecord()  <->  buildBalanceRecord() here

export interface BalanceRecord {
  type: "deposit" | "withdrawal" | "credit" | "adjustment";
  amount: number;
  time: number;
  ticket: number;
  comment: string | null;
}

/** Deals that move money without trading (IsBalanceDeal in the EA). */
export function isBalanceDeal(deal: Pick<Deal, "type">): boolean {
  return deal.type !== "BUY" && deal.type !== "SELL";
}

/**
 * A BALANCE deal is a deposit or a withdrawal by its sign, a CREDIT deal a credit, and every other
 * non-trading deal (charge, correction, bonus, commission, interest, dividend, tax) an adjustment.
 * Null for trading deals and for a 0 amount (nothing moved).
 */
export function buildBalanceRecord(deal: Deal): BalanceRecord | null {
  if (!isBalanceDeal(deal) || deal.profit === 0) return null;
  const type =
    deal.type === "BALANCE" ? (deal.profit > 0 ? "deposit" : "withdrawal") : deal.type === "CREDIT" ? "credit" : "adjustment";
  return { type, amount: deal.profit, time: deal.time, ticket: deal.ticket, comment: deal.comment === "" ? null : deal.comment };
}
