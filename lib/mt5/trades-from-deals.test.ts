import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBalanceRecord } from "@/lib/mt5/balance-from-deal";
import { buildTradeRecord, isExitDeal, roundTo, type Deal } from "@/lib/mt5/trades-from-deals";
import { at, deal, hedgingDeals, nettingDeals } from "@/lib/test/mt5-deals";

const usd = { priceDigits: 5, moneyDigits: 2 };
const gold = { priceDigits: 2, moneyDigits: 2 };
const trade = (deals: Deal[], ticket: number, precision = usd) => buildTradeRecord(deals, ticket, precision);

describe("buildTradeRecord on a hedging account", () => {
  it("a partial close takes its share of the entry commission by volume", () => {
    expect(trade(hedgingDeals, 203)).toEqual({
      symbol: "EURUSD",
      order_ticket: 203,
      deal_ticket: 203,
      position_ticket: 201,
      position_type: "BUY",
      position_reason: "CLIENT",
      lot_size: 0.4,
      entry_price: 1.08,
      exit_price: 1.082,
      stop_loss: 1.078,
      take_profit: 1.09,
      initial_stop_loss: 1.075,
      initial_take_profit: 1.09,
      profit: 80,
      commission: -5.6,
      entry_commission: -2.8,
      swap: 0,
      fee: 0,
      open_time: at("2026.03.02 09:00:00"),
      close_time: at("2026.03.02 11:30:00"),
      magic_number: 1001,
      comment: null,
    });
  });

  it("the exit that closes the position takes what is left of the entry commission", () => {
    expect(trade(hedgingDeals, 205)).toMatchObject({
      lot_size: 0.6,
      entry_price: 1.08,
      exit_price: 1.083,
      commission: -8.4,
      entry_commission: -4.2,
      swap: -1.5,
      position_reason: "TAKE_PROFIT",
      comment: "[tp 1.08300]",
      magic_number: 1001,
    });
  });

  it("close-by gives one trade per position, each with its own side and magic number", () => {
    expect(trade(hedgingDeals, 303, gold)).toMatchObject({
      position_type: "BUY",
      position_ticket: 301,
      lot_size: 0.3,
      entry_price: 2000.1,
      exit_price: 2001.5,
      profit: 42,
      commission: -1.5,
      entry_commission: -1.5,
      magic_number: 0,
    });
    expect(trade(hedgingDeals, 304, gold)).toMatchObject({
      position_type: "SELL",
      position_ticket: 302,
      lot_size: 0.3,
      entry_price: 2001.5,
      commission: -1.5,
      magic_number: 2002,
    });
    expect(trade(hedgingDeals, 306, gold)).toMatchObject({ lot_size: 0.2, commission: -2, entry_commission: -1, profit: -22, position_reason: "STOP_LOSS" });
  });

  it("is null for deals that are not exits", () => {
    expect(trade(hedgingDeals, 201)).toBeNull();
    expect(trade(hedgingDeals, 100)).toBeNull();
    expect(trade(hedgingDeals, 999)).toBeNull();
  });
});

describe("buildTradeRecord on a netting account", () => {
  it("weights the entry price over the IN deals so far (scaling in)", () => {
    expect(trade(nettingDeals, 403)).toMatchObject({
      position_type: "BUY",
      lot_size: 0.5,
      entry_price: 1.101,
      commission: -3,
      entry_commission: -1.5,
      open_time: at("2026.03.02 09:00:00"),
      initial_stop_loss: 1.095,
      magic_number: 7,
    });
  });

  it("a reversal closes the long with its part of the INOUT commission, then opens a short", () => {
    expect(trade(nettingDeals, 404)).toMatchObject({
      position_type: "BUY",
      lot_size: 1.5,
      entry_price: 1.101,
      exit_price: 1.104,
      stop_loss: null, // 1.11 on the deal is the new short's
      profit: 450,
      commission: -9,
      entry_commission: -4.5,
      magic_number: 7,
    });
    expect(trade(nettingDeals, 405)).toMatchObject({
      position_type: "SELL",
      lot_size: 1,
      entry_price: 1.104,
      exit_price: 1.101,
      commission: -6,
      entry_commission: -3,
      swap: -2,
      open_time: at("2026.03.02 12:00:00"),
      initial_stop_loss: 1.11,
      magic_number: 8,
      position_reason: "STOP_LOSS",
    });
  });

  it("never changes once built: later deals of the position leave an earlier exit's record alone", () => {
    const early = nettingDeals.filter((d) => d.ticket <= 403);
    expect(trade(early, 403)).toEqual(trade(nettingDeals, 403));
  });

  it("without the opening deal it still knows the side from the exit, and leaves the rest unknown", () => {
    const exitOnly = nettingDeals.filter((d) => d.ticket === 405);
    expect(trade(exitOnly, 405)).toMatchObject({ position_type: "SELL", entry_price: null, entry_commission: null, open_time: null, magic_number: null, commission: -3 });
  });
});

describe("buildBalanceRecord", () => {
  it("maps deposits, withdrawals, credits and other balance deals, and skips trades", () => {
    expect(buildBalanceRecord(hedgingDeals[0]!)).toEqual({ type: "deposit", amount: 10_000, time: at("2026.03.02 08:00:00"), ticket: 100, comment: "Deposit" });
    expect(buildBalanceRecord(nettingDeals.at(-1)!)).toMatchObject({ type: "withdrawal", amount: -500 });
    expect(buildBalanceRecord(deal({ ticket: 9, time: 1, type: "CREDIT", profit: 50 }))).toMatchObject({ type: "credit", comment: null });
    expect(buildBalanceRecord(hedgingDeals.at(-1)!)).toMatchObject({ type: "adjustment", amount: -3.25 });
    expect(buildBalanceRecord(hedgingDeals[1]!)).toBeNull();
    expect(buildBalanceRecord(deal({ ticket: 9, time: 1, type: "BALANCE", profit: 0 }))).toBeNull();
  });
});

/** A random netting position: IN deals and exits whose volumes never close more than is open, except INOUT. */
const positionStream = fc
  .array(
    fc.record({
      kind: fc.constantFrom("IN", "OUT", "INOUT"),
      lots: fc.integer({ min: 1, max: 300 }),
      price: fc.integer({ min: 100_000, max: 120_000 }),
      commission: fc.integer({ min: -900, max: 0 }),
      fee: fc.integer({ min: -50, max: 0 }),
      swap: fc.integer({ min: -300, max: 100 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((steps) => {
    const deals: Deal[] = [];
    let open = 0; // signed lots in hundredths: + long, - short
    steps.forEach((step, index) => {
      const time = at("2026.01.05 00:00:00") + index * 60;
      const base = { ticket: 1000 + index, positionId: 1, time, price: step.price / 100_000, commission: step.commission / 100, fee: step.fee / 100 };
      if (step.kind === "IN" || open === 0) {
        const buy = open >= 0;
        deals.push(deal({ ...base, type: buy ? "BUY" : "SELL", entry: "IN", volume: step.lots / 100 }));
        open += buy ? step.lots : -step.lots;
      } else if (step.kind === "OUT") {
        const lots = Math.min(step.lots, Math.abs(open));
        deals.push(deal({ ...base, type: open > 0 ? "SELL" : "BUY", entry: "OUT", volume: lots / 100, swap: step.swap / 100, profit: step.swap / 10 }));
        open += open > 0 ? -lots : lots;
      } else {
        const lots = Math.abs(open) + step.lots;
        deals.push(deal({ ...base, type: open > 0 ? "SELL" : "BUY", entry: "INOUT", volume: lots / 100, swap: step.swap / 100, profit: step.swap / 10 }));
        open = open > 0 ? -step.lots : step.lots;
      }
    });
    return { deals, open };
  });

describe("buildTradeRecord on any netting history", () => {
  it("gives every cent of a closed position's costs to its trades exactly once", () => {
    fc.assert(
      fc.property(positionStream, ({ deals, open }) => {
        const trades = deals.filter(isExitDeal).map((d) => buildTradeRecord(deals, d.ticket, usd)!);
        for (const [index, record] of trades.entries()) {
          expect(record.lot_size).toBeGreaterThan(0);
          // An exit deal trades against the position.
          const exit = deals.find((d) => d.ticket === record.deal_ticket)!;
          expect(record.position_type).toBe(exit.type === "SELL" ? "BUY" : "SELL");
          expect(trades.findIndex((other) => other.deal_ticket === record.deal_ticket)).toBe(index);
        }
        if (open !== 0) return; // costs of a position still open wait for its last exit
        const sum = (values: number[]) => roundTo(values.reduce((a, b) => a + b, 0), 2);
        expect(sum(trades.map((t) => t.commission))).toBe(sum(deals.map((d) => d.commission)));
        expect(sum(trades.map((t) => t.fee))).toBe(sum(deals.map((d) => d.fee)));
        expect(sum(trades.map((t) => t.swap))).toBe(sum(deals.map((d) => d.swap)));
        expect(sum(trades.map((t) => t.profit))).toBe(sum(deals.map((d) => d.profit)));
      }),
      { numRuns: 300 },
    );
  });

  it("builds the same record from any later history of the position", () => {
    fc.assert(
      fc.property(positionStream, fc.nat(), ({ deals }, cut) => {
        const exits = deals.filter(isExitDeal);
        if (exits.length === 0) return;
        const exit = exits[cut % exits.length]!;
        const upToExit = deals.filter((d) => d.time <= exit.time);
        expect(buildTradeRecord(deals, exit.ticket, usd)).toEqual(buildTradeRecord(upToExit.toReversed(), exit.ticket, usd));
      }),
      { numRuns: 200 },
    );
  });
});
