import type { Deal } from "@/lib/mt5/trades-from-deals";
import { parseBrokerTime } from "@/lib/time/broker-time";

// Deal streams for the EA's tests, with the trades they must give worked out by hand in comments.

/** Broker seconds of "YYYY.MM.DD HH:MM:SS". */
export function at(time: string): number {
  const parsed = parseBrokerTime(time);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.seconds;
}

export function deal(fields: Partial<Deal> & Pick<Deal, "ticket" | "time">): Deal {
  return {
    order: fields.ticket,
    positionId: 0,
    type: "BUY",
    entry: "IN",
    symbol: "EURUSD",
    volume: 0,
    price: 0,
    commission: 0,
    swap: 0,
    profit: 0,
    fee: 0,
    sl: 0,
    tp: 0,
    magic: 0,
    reason: "CLIENT",
    comment: "",
    ...fields,
  };
}

/**
 * A hedging account: a deposit, a position closed in two parts, a close-by of two gold positions
 * and the rest of one of them stopped out later, then a withdrawal.
 */
export const hedgingDeals: Deal[] = [
  deal({ ticket: 100, time: at("2026.03.02 08:00:00"), type: "BALANCE", symbol: "", profit: 10_000, comment: "Deposit" }),
  // Position 201: BUY 1.0 EURUSD at 1.08000, commission -7.00 on entry, magic 1001.
  deal({ ticket: 201, positionId: 201, time: at("2026.03.02 09:00:00"), volume: 1, price: 1.08, commission: -7, sl: 1.075, tp: 1.09, magic: 1001, reason: "EXPERT", comment: "trend #1" }),
  // 0.4 closed: entry share -7.00 x 0.4 = -2.80, plus its own -2.80 -> commission -5.60, net 74.40.
  deal({ ticket: 203, order: 203, positionId: 201, time: at("2026.03.02 11:30:00"), type: "SELL", entry: "OUT", volume: 0.4, price: 1.082, commission: -2.8, profit: 80, sl: 1.078, tp: 1.09, reason: "CLIENT" }),
  // Gold, position 301: BUY 0.5 at 2000.10, manual (magic 0), commission -2.50.
  deal({ ticket: 301, positionId: 301, time: at("2026.03.02 12:00:00"), symbol: "XAUUSD", volume: 0.5, price: 2000.1, commission: -2.5 }),
  // Gold, position 302: SELL 0.3 at 2001.50, magic 2002, commission -1.50.
  deal({ ticket: 302, positionId: 302, time: at("2026.03.02 12:05:00"), symbol: "XAUUSD", type: "SELL", volume: 0.3, price: 2001.5, commission: -1.5, magic: 2002, reason: "EXPERT" }),
  // Close-by: 303 closes 0.3 of 301 (entry share -2.50 x 0.3/0.5 = -1.50); 304 closes all of 302 (share -1.50).
  deal({ ticket: 303, order: 305, positionId: 301, time: at("2026.03.02 13:00:00"), symbol: "XAUUSD", type: "SELL", entry: "OUT_BY", volume: 0.3, price: 2001.5, profit: 42 }),
  deal({ ticket: 304, order: 305, positionId: 302, time: at("2026.03.02 13:00:00"), symbol: "XAUUSD", type: "BUY", entry: "OUT_BY", volume: 0.3, price: 2001.5, profit: 0 }),
  // The other 0.6 of 201 at its TP: the rest of the entry commission (-4.20) -> commission -8.40, swap -1.50, net 170.10.
  deal({ ticket: 205, positionId: 201, time: at("2026.03.03 10:15:00"), type: "SELL", entry: "OUT", volume: 0.6, price: 1.083, commission: -4.2, swap: -1.5, profit: 180, sl: 1.078, tp: 1.083, reason: "TAKE_PROFIT", comment: "[tp 1.08300]" }),
  // The last 0.2 of 301 stopped out: share -1.00 (the remainder) + own -1.00 -> commission -2.00, net -24.00.
  deal({ ticket: 306, positionId: 301, time: at("2026.03.03 14:00:00"), symbol: "XAUUSD", type: "SELL", entry: "OUT", volume: 0.2, price: 1999, commission: -1, profit: -22, sl: 1999, reason: "STOP_LOSS", comment: "[sl 1999.00]" }),
  deal({ ticket: 307, time: at("2026.03.04 09:00:00"), type: "OTHER", symbol: "", profit: -3.25, comment: "Agent commission" }),
];

/**
 * A netting account: buy, scale in, partial close, a reversal (INOUT) and the close of the new short.
 */
export const nettingDeals: Deal[] = [
  deal({ ticket: 400, time: at("2026.03.02 07:00:00"), type: "BALANCE", symbol: "", profit: 5_000 }),
  deal({ ticket: 401, positionId: 401, time: at("2026.03.02 09:00:00"), volume: 1, price: 1.1, commission: -3, sl: 1.095, magic: 7, reason: "EXPERT" }),
  // Scaling in: entry price is now (1.10000 + 1.10200) / 2 = 1.10100; entry pool -6.00.
  deal({ ticket: 402, positionId: 401, time: at("2026.03.02 10:00:00"), volume: 1, price: 1.102, commission: -3, magic: 7, reason: "EXPERT" }),
  // 0.5 of 2.0 closed: share -6.00 x 0.25 = -1.50, own -1.50 -> commission -3.00.
  deal({ ticket: 403, positionId: 401, time: at("2026.03.02 11:00:00"), type: "SELL", entry: "OUT", volume: 0.5, price: 1.103, commission: -1.5, profit: 100, magic: 7, reason: "EXPERT" }),
  // Reversal: SELL 2.5 closes the 1.5 long and opens 1.0 short at 1.10400. Closing part 1.5/2.5 of
  // the -7.50 commission = -4.50, plus the pool's rest -4.50 -> commission -9.00, profit 450.
  deal({ ticket: 404, positionId: 401, time: at("2026.03.02 12:00:00"), type: "SELL", entry: "INOUT", volume: 2.5, price: 1.104, commission: -7.5, profit: 450, sl: 1.11, magic: 8, reason: "EXPERT" }),
  // The short closed at its SL: entry 1.10400, pool -3.00 + own -3.00 -> commission -6.00, swap -2.00.
  deal({ ticket: 405, positionId: 401, time: at("2026.03.03 09:30:00"), type: "BUY", entry: "OUT", volume: 1, price: 1.101, commission: -3, swap: -2, profit: 300, sl: 1.101, magic: 8, reason: "STOP_LOSS" }),
  deal({ ticket: 406, time: at("2026.03.03 18:00:00"), type: "BALANCE", symbol: "", profit: -500, comment: "Withdrawal" }),
];
