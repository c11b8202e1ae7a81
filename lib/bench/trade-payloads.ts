import { createRandom } from "@/lib/seed/demo-trades";
import { formatMt5Time } from "@/lib/time/broker-time";

/**
 * Trade payloads for load and crash tests, as an EA sends them: the extended payload (with an
 * account) and the old bridge EA's 14 keys (the Default account). Deal tickets come from the
 * caller, so it knows which request carried which trade.
 */
export interface PayloadAccount {
  login: number;
  server: string;
  currency: string;
}

export const payloadSymbols = [
  { symbol: "EURUSD", price: 1.085, digits: 5 },
  { symbol: "GBPUSD", price: 1.265, digits: 5 },
  { symbol: "USDJPY", price: 148.5, digits: 3 },
  { symbol: "XAUUSD", price: 2050, digits: 2 },
] as const;
export const payloadMagicNumbers = [0, 1001, 1002, 2024] as const;
const reasons = ["EXPERT", "EXPERT", "STOP_LOSS", "TAKE_PROFIT", "CLIENT"] as const;
const lotSizes = [0.01, 0.1, 0.2, 0.5, 1] as const;

const day = 86_400;
const firstCloseTime = Date.UTC(2026, 0, 1) / 1000;

export type TradePayload = Record<string, unknown> & { deal_ticket: number; profit: number };

export function createPayloadFactory(seed: number) {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  let clock = firstCloseTime;

  /** Mostly in close-time order, as an EA sends them; one in 7 a backfill up to a year back. */
  function takeCloseTime(): number {
    clock += 1 + Math.floor(random() * 120);
    return random() < 1 / 7 ? clock - Math.floor(random() * 365 * day) : clock;
  }

  function common(dealTicket: number) {
    const { symbol, price, digits } = pick(payloadSymbols);
    const side = random() < 0.5 ? "BUY" : "SELL";
    const direction = side === "BUY" ? 1 : -1;
    const entry = price * (1 + (random() - 0.5) * 0.05);
    const close = takeCloseTime();
    // One trade in 20 is an exact breakeven.
    const breakeven = random() < 0.05;
    return {
      symbol,
      digits,
      side,
      direction,
      entry: round(entry, digits),
      exit: round(entry * (1 + (random() - 0.5) * 0.004), digits),
      stopLoss: round(entry * (1 - direction * 0.005), digits),
      takeProfit: round(entry * (1 + direction * 0.005), digits),
      lots: pick(lotSizes),
      profit: breakeven ? 0 : round(random() * 110 - 50, 2),
      openTime: close - 60 - Math.floor(random() ** 2 * day),
      closeTime: close,
      magic: pick(payloadMagicNumbers),
      reason: pick(reasons),
      dealTicket,
    };
  }

  return {
    /** Our EA's extended payload. */
    extended(dealTicket: number, account: PayloadAccount): TradePayload {
      const trade = common(dealTicket);
      return {
        symbol: trade.symbol,
        order_ticket: dealTicket,
        deal_ticket: dealTicket,
        position_ticket: dealTicket,
        position_type: trade.side,
        position_reason: trade.reason,
        lot_size: trade.lots,
        entry_price: trade.entry,
        exit_price: trade.exit,
        stop_loss: trade.stopLoss,
        take_profit: trade.takeProfit,
        profit: trade.profit,
        commission: trade.profit === 0 ? 0 : round(-7 * trade.lots, 2),
        swap: trade.profit !== 0 && random() < 0.3 ? round((random() - 0.6) * 5, 2) : 0,
        fee: 0,
        open_time: formatMt5Time(trade.openTime),
        close_time: formatMt5Time(trade.closeTime),
        magic_number: trade.magic,
        comment: "load",
        account_login: account.login,
        account_server: account.server,
        account_currency: account.currency,
      };
    },
    /** The old bridge EA's 14 keys: no account, no exit price; its position_type is the exit deal's. */
    legacy(dealTicket: number): TradePayload {
      const trade = common(dealTicket);
      return {
        symbol: trade.symbol,
        order_ticket: dealTicket,
        deal_ticket: dealTicket,
        position_ticket: dealTicket,
        position_type: trade.side === "BUY" ? "SELL" : "BUY",
        position_reason: trade.reason,
        lot_size: trade.lots,
        entry_price: trade.entry,
        stop_loss: trade.stopLoss,
        take_profit: trade.takeProfit,
        profit: trade.profit,
        open_time: formatMt5Time(trade.openTime),
        close_time: formatMt5Time(trade.closeTime),
        magic_number: trade.magic,
      };
    },
    random,
    pick,
  };
}
