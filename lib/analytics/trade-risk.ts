// A trade's risk and R-multiple, measured in price. The risk is the distance from the entry to the
// stop loss the trade was opened with (our EA sends it as initial_stop_loss); trades without one
// (the legacy EA, imports) fall back to the stop loss at close, which may have been moved since.
// Pure: no database.

import type { TradeResource } from "@/lib/trades/trade-record";

type RiskFields = Pick<
  TradeResource,
  "side" | "entry_price" | "exit_price" | "stop_loss" | "take_profit" | "initial_stop_loss" | "initial_take_profit"
>;

export interface TradeRisk {
  /** Which stop loss the risk is measured to; null when there is none (or no entry price). */
  stop: "initial" | "at_close" | null;
  /** |entry - that stop loss|. */
  risk: number | null;
  /** |take profit - entry|, the take profit of the same moment as the stop loss. */
  reward: number | null;
  /** Exit - entry in the position's direction: positive when price moved its way. */
  move: number | null;
  /** move / risk; null without a risk (no stop, or a stop at the entry) or without a move. */
  rMultiple: number | null;
}

export function measureTradeRisk(trade: RiskFields): TradeRisk {
  const entry = trade.entry_price;
  const direction = trade.side === "BUY" ? 1 : trade.side === "SELL" ? -1 : null;
  const move = entry !== null && trade.exit_price !== null && direction !== null ? (trade.exit_price - entry) * direction : null;
  const initial = trade.initial_stop_loss !== null;
  const stopLoss = initial ? trade.initial_stop_loss : trade.stop_loss;
  const takeProfit = initial ? trade.initial_take_profit : trade.take_profit;
  if (entry === null || stopLoss === null) {
    return { stop: null, risk: null, reward: null, move, rMultiple: null };
  }
  const risk = Math.abs(entry - stopLoss);
  return {
    stop: initial ? "initial" : "at_close",
    risk,
    reward: takeProfit === null ? null : Math.abs(takeProfit - entry),
    move,
    rMultiple: move !== null && risk > 0 ? move / risk : null,
  };
}
