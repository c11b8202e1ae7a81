import { validate } from "@/lib/http/validate";
import { createTradeBody, type CreateTradeBody } from "@/lib/schemas/trade";
import { formatMt5Time } from "@/lib/time/broker-time";

/**
 * A distinct valid trade of our EA for each ticket, its costs varying with it so that a torn row
 * would show in net_profit; close times rise with the ticket.
 */
export function testTrade(ticket: number): CreateTradeBody {
  const close = Date.UTC(2026, 0, 5) / 1000 + ticket * 60;
  return validate(
    createTradeBody,
    {
      symbol: ["EURUSD", "GBPUSD", "XAUUSD"][ticket % 3],
      order_ticket: ticket,
      deal_ticket: ticket,
      position_ticket: ticket,
      position_type: ticket % 2 ? "BUY" : "SELL",
      lot_size: 0.1,
      entry_price: 1.1,
      exit_price: 1.2,
      profit: (ticket % 200) - 90.37,
      commission: -0.7,
      swap: -(ticket % 7) / 10,
      fee: -0.01,
      open_time: formatMt5Time(close - 3600),
      close_time: formatMt5Time(close),
      magic_number: ticket % 4,
      account_login: 5123456,
      account_server: "Broker-Live",
      account_currency: "USD",
    },
    `trade ${ticket}`,
  );
}
