import { describe, expect, it } from "vitest";
import type { ParsedReport, ReportDeal, ReportOpenPosition, ReportPosition } from "@/lib/import/mt5-report";
import { tradesFromReport } from "@/lib/import/report-trades";
import type { Deal } from "@/lib/mt5/trades-from-deals";
import { at } from "@/lib/test/mt5-deals";

// Parsed reports written by hand; every expected number is worked out in the comments.

let nextLine = 100;
function row(fields: Partial<Deal> & Pick<Deal, "ticket" | "time">, priceDecimals = 5): ReportDeal {
  const deal: Deal = {
    order: fields.ticket, positionId: 0, type: "BUY", entry: "IN", symbol: "EURUSD", volume: 0.1, price: 0, commission: 0, swap: 0, profit: 0,
    fee: 0, sl: 0, tp: 0, magic: 0, reason: "", comment: "", ...fields,
  };
  return { line: nextLine++, deal, priceDecimals, moneyDecimals: 2 };
}

function position(fields: Partial<ReportPosition> & Pick<ReportPosition, "ticket" | "openTime" | "closeTime" | "closePrice">): ReportPosition {
  return {
    line: 10, symbol: "EURUSD", side: "BUY", volume: 0.1, openPrice: 1.1, sl: 0, tp: 0, commission: 0, swap: 0, profit: 0, comment: "", priceDecimals: 5,
    ...fields,
  };
}

function report(fields: Partial<ParsedReport>, margin: "hedging" | "netting" = "hedging"): ParsedReport {
  return {
    account: { login: 1, currency: "USD", server: "Demo", name: null, company: null, kind: "demo", margin },
    reportTime: null, language: "en", positions: [], orders: [], deals: [], openPositions: [], results: null, rejected: [], ...fields,
  };
}

const byTicket = (result: ReturnType<typeof tradesFromReport>) => new Map(result.trades.map(({ trade }) => [trade.deal_ticket, trade]));

describe("tradesFromReport on a hedging account", () => {
  it("links same-second positions to exits at different times by their Positions rows", () => {
    const opened = at("2026.03.02 09:00:00");
    const deals = [
      row({ ticket: 1001, order: 11, time: opened, price: 1.1 }),
      row({ ticket: 1002, order: 12, time: opened, price: 1.1 }),
      row({ ticket: 1003, order: 13, time: opened, price: 1.1 }),
      row({ ticket: 1004, order: 14, time: at("2026.03.02 09:10:00"), type: "SELL", entry: "OUT", price: 1.101, profit: 10 }),
      row({ ticket: 1005, order: 15, time: at("2026.03.02 09:20:00"), type: "SELL", entry: "OUT", price: 1.102, profit: 20, reason: "TAKE_PROFIT", comment: "[tp 1.10200]" }),
      row({ ticket: 1006, order: 16, time: at("2026.03.02 09:30:00"), type: "SELL", entry: "OUT", price: 1.099, profit: -10, reason: "STOP_LOSS", comment: "[sl 1.09900]" }),
    ];
    const positions = [
      position({ ticket: 11, openTime: opened, closeTime: at("2026.03.02 09:20:00"), closePrice: 1.102, profit: 20, sl: 1.099, tp: 1.102 }),
      position({ ticket: 12, openTime: opened, closeTime: at("2026.03.02 09:30:00"), closePrice: 1.099, profit: -10, sl: 1.099, tp: 1.103 }),
      position({ ticket: 13, openTime: opened, closeTime: at("2026.03.02 09:10:00"), closePrice: 1.101, profit: 10 }),
    ];
    const orders = [{ line: 5, ticket: 11, symbol: "EURUSD", type: "buy", sl: 1.095, tp: 1.105, state: "filled" }];
    const result = tradesFromReport(report({ deals, positions, orders }));
    expect(result.rejected).toEqual([]);
    const trades = byTicket(result);
    expect([1004, 1005, 1006].map((ticket) => trades.get(ticket)?.position_ticket)).toEqual([13, 11, 12]);
    expect(result.trades.find(({ trade }) => trade.deal_ticket === 1005)).toEqual({
      line: deals[4]!.line,
      trade: {
        symbol: "EURUSD", order_ticket: 15, deal_ticket: 1005, position_ticket: 11, position_type: "BUY", position_reason: "TAKE_PROFIT", lot_size: 0.1,
        entry_price: 1.1, exit_price: 1.102, stop_loss: 1.099, take_profit: 1.102, initial_stop_loss: 1.095, initial_take_profit: 1.105,
        profit: 20, commission: 0, entry_commission: 0, swap: 0, fee: 0, open_time: opened, close_time: at("2026.03.02 09:20:00"),
        magic_number: null, comment: "[tp 1.10200]",
      },
    });
  });

  it("accepts a partly closed position's row showing the volume-weighted close price", () => {
    const deals = [
      row({ ticket: 3001, order: 31, time: at("2026.03.02 10:00:00"), volume: 1, price: 1.08 }),
      row({ ticket: 3002, order: 32, time: at("2026.03.02 11:00:00"), type: "SELL", entry: "OUT", volume: 0.4, price: 1.082, profit: 80 }),
      row({ ticket: 3003, order: 33, time: at("2026.03.02 12:00:00"), type: "SELL", entry: "OUT", volume: 0.6, price: 1.084, profit: 240 }),
    ];
    // (0.4 x 1.08200 + 0.6 x 1.08400) / 1.0 = 1.08320.
    const positions = [
      position({ ticket: 31, openTime: at("2026.03.02 10:00:00"), volume: 1, openPrice: 1.08, closeTime: at("2026.03.02 12:00:00"), closePrice: 1.0832, profit: 320 }),
    ];
    const result = tradesFromReport(report({ deals, positions }));
    expect(result.rejected).toEqual([]);
    expect([...byTicket(result).values()].map((trade) => [trade.deal_ticket, trade.position_ticket, trade.exit_price])).toEqual([
      [3002, 31, 1.082],
      [3003, 31, 1.084],
    ]);
  });

  it("splits the entry commission over a partial close; a link frees the next deal", () => {
    // Position 21: BUY 1.0 at 1.08000, commission -7.00. Position 24: BUY 0.4 at 1.08100, opened in between.
    const deals = [
      row({ ticket: 2001, order: 21, time: at("2026.03.02 10:00:00"), volume: 1, price: 1.08, commission: -7 }),
      row({ ticket: 2004, order: 24, time: at("2026.03.02 10:30:00"), volume: 0.4, price: 1.081 }),
      // 0.4 of 21: share -7.00 x 0.4 = -2.80 plus its own -2.80 -> -5.60 (24 would close completely at 12:00, not 11:30).
      row({ ticket: 2002, order: 22, time: at("2026.03.02 11:30:00"), type: "SELL", entry: "OUT", volume: 0.4, price: 1.082, commission: -2.8, profit: 80 }),
      // 0.4 at 12:00 fits 21 (0.6 open) and 24 until 2003 is linked to 21, which leaves 21 nothing open.
      row({ ticket: 2005, order: 25, time: at("2026.03.02 12:00:00"), type: "SELL", entry: "OUT", volume: 0.4, price: 1.0825, profit: 60 }),
      // The rest of 21: the remaining -4.20 plus its own -4.20 -> -8.40, swap -1.50.
      row({ ticket: 2003, order: 23, time: at("2026.03.03 10:15:00"), type: "SELL", entry: "OUT", volume: 0.6, price: 1.083, commission: -4.2, swap: -1.5, profit: 180, reason: "TAKE_PROFIT", comment: "[tp 1.08300]" }),
    ];
    const positions = [
      position({ ticket: 21, openTime: at("2026.03.02 10:00:00"), volume: 1, openPrice: 1.08, closeTime: at("2026.03.03 10:15:00"), closePrice: 1.083, commission: -14, swap: -1.5, profit: 260, sl: 1.078, tp: 1.083 }),
      position({ ticket: 24, openTime: at("2026.03.02 10:30:00"), volume: 0.4, openPrice: 1.081, closeTime: at("2026.03.02 12:00:00"), closePrice: 1.0825, profit: 60 }),
    ];
    const result = tradesFromReport(report({ deals, positions }));
    expect(result.rejected).toEqual([]);
    const trades = byTicket(result);
    expect(trades.get(2002)).toMatchObject({ position_ticket: 21, lot_size: 0.4, commission: -5.6, entry_commission: -2.8, stop_loss: null, take_profit: null });
    expect(trades.get(2003)).toMatchObject({ position_ticket: 21, lot_size: 0.6, commission: -8.4, entry_commission: -4.2, swap: -1.5, stop_loss: 1.078, take_profit: 1.083, position_reason: "TAKE_PROFIT" });
    expect(trades.get(2005)).toMatchObject({ position_ticket: 24, lot_size: 0.4, entry_price: 1.081, profit: 60, commission: 0 });
  });

  it("gives each deal of a close-by pair to its own position", () => {
    const deals = [
      row({ ticket: 3001, order: 31, time: at("2026.03.02 12:00:00"), symbol: "XAUUSD", volume: 0.5, price: 2000.1, commission: -2.5 }, 2),
      row({ ticket: 3002, order: 32, time: at("2026.03.02 12:05:00"), symbol: "XAUUSD", type: "SELL", volume: 0.5, price: 2001.5, commission: -2.5 }, 2),
      row({ ticket: 3003, order: 33, time: at("2026.03.02 13:00:00"), symbol: "XAUUSD", type: "SELL", entry: "OUT_BY", volume: 0.5, price: 2001.5, profit: 70 }, 2),
      row({ ticket: 3004, order: 33, time: at("2026.03.02 13:00:00"), symbol: "XAUUSD", type: "BUY", entry: "OUT_BY", volume: 0.5, price: 2001.5, profit: 0 }, 2),
    ];
    const positions = [
      position({ ticket: 31, symbol: "XAUUSD", volume: 0.5, openTime: at("2026.03.02 12:00:00"), openPrice: 2000.1, closeTime: at("2026.03.02 13:00:00"), closePrice: 2001.5, commission: -2.5, profit: 70, priceDecimals: 2 }),
      position({ ticket: 32, symbol: "XAUUSD", side: "SELL", volume: 0.5, openTime: at("2026.03.02 12:05:00"), openPrice: 2001.5, closeTime: at("2026.03.02 13:00:00"), closePrice: 2001.5, commission: -2.5, profit: 0, priceDecimals: 2 }),
    ];
    const trades = byTicket(tradesFromReport(report({ deals, positions })));
    expect(trades.get(3003)).toMatchObject({ position_ticket: 31, position_type: "BUY", entry_price: 2000.1, exit_price: 2001.5, profit: 70, commission: -2.5 });
    expect(trades.get(3004)).toMatchObject({ position_ticket: 32, position_type: "SELL", entry_price: 2001.5, profit: 0, commission: -2.5 });
  });

  it("builds the opening leg of a position opened before the report from its Positions row, entry costs unknown", () => {
    const deals = [row({ ticket: 5001, order: 52, time: at("2026.03.02 10:00:00"), entry: "OUT", volume: 0.2, price: 1.085, commission: -1.4, swap: -0.6, profit: 100, reason: "TAKE_PROFIT", comment: "[tp 1.08500]" })];
    const positions = [
      position({ ticket: 51, side: "SELL", volume: 0.2, openTime: at("2026.02.27 15:00:00"), openPrice: 1.09, closeTime: at("2026.03.02 10:00:00"), closePrice: 1.085, commission: -1.4, swap: -0.6, profit: 100, sl: 1.095, tp: 1.085 }),
    ];
    const result = tradesFromReport(report({ deals, positions }));
    expect(result.trades).toEqual([
      {
        line: deals[0]!.line,
        trade: {
          symbol: "EURUSD", order_ticket: 52, deal_ticket: 5001, position_ticket: 51, position_type: "SELL", position_reason: "TAKE_PROFIT", lot_size: 0.2,
          entry_price: 1.09, exit_price: 1.085, stop_loss: 1.095, take_profit: 1.085, initial_stop_loss: null, initial_take_profit: null,
          profit: 100, commission: -1.4, entry_commission: null, swap: -0.6, fee: 0, open_time: at("2026.02.27 15:00:00"), close_time: at("2026.03.02 10:00:00"),
          magic_number: null, comment: "[tp 1.08500]",
        },
      },
    ]);
  });

  // Two identical sells closed in the same second at the same price for the same profit.
  const twins = (exitComments: [string, string]) => [
    row({ ticket: 6001, order: 61, time: at("2026.03.02 14:00:00"), type: "SELL", price: 1.09, commission: -0.5, comment: "A" }),
    row({ ticket: 6002, order: 62, time: at("2026.03.02 14:00:00"), type: "SELL", price: 1.09, commission: -0.5, comment: "B" }),
    row({ ticket: 6003, order: 63, time: at("2026.03.02 14:30:00"), entry: "OUT", price: 1.091, profit: -10, comment: exitComments[0] }),
    row({ ticket: 6004, order: 64, time: at("2026.03.02 14:30:00"), entry: "OUT", price: 1.091, profit: -10, comment: exitComments[1] }),
  ];
  const twinRows = [61, 62].map((ticket) =>
    position({ ticket, side: "SELL", openTime: at("2026.03.02 14:00:00"), openPrice: 1.09, closeTime: at("2026.03.02 14:30:00"), closePrice: 1.091, commission: -0.5, profit: -10 }),
  );

  it("rejects exits the report cannot tell apart, and a deal with no position, with their lines", () => {
    const deals = [...twins(["[sl 1.09100]", "[sl 1.09100]"]), row({ ticket: 6005, time: at("2026.03.02 15:00:00"), symbol: "USDJPY", entry: "OUT", price: 150, profit: 5 }, 3)];
    const result = tradesFromReport(report({ deals, positions: twinRows }));
    expect(result.trades).toEqual([]);
    expect(result.rejected).toEqual([
      { line: deals[2]!.line, reason: "2 open EURUSD sell positions could be closed by this deal and the Positions table does not single one out" },
      { line: deals[3]!.line, reason: "2 open EURUSD sell positions could be closed by this deal and the Positions table does not single one out" },
      {
        line: deals[4]!.line,
        reason: "no open USDJPY sell position of 0.1 lots or more fits this deal at 2026.03.02 15:00:00: it may have been opened before the report period without a row in the Positions table",
      },
    ]);
  });

  it("pairs positions the report shows identically in ticket order: every figure is the same either way", () => {
    const identical = twins(["[sl 1.09100]", "[sl 1.09100]"]).map((deal) => (deal.deal.entry === "IN" ? { ...deal, deal: { ...deal.deal, comment: "grid" } } : deal));
    const result = tradesFromReport(report({ deals: identical, positions: twinRows.map((row) => ({ ...row, comment: "grid" })) }));
    expect(result.rejected).toEqual([]);
    const trades = byTicket(result);
    expect(trades.get(6003)).toMatchObject({ position_ticket: 61, profit: -10, commission: -0.5, entry_commission: -0.5 });
    expect(trades.get(6004)).toMatchObject({ position_ticket: 62, profit: -10, commission: -0.5, entry_commission: -0.5 });
  });

  it("tells such exits apart when each repeats its position's opening comment", () => {
    const trades = byTicket(tradesFromReport(report({ deals: twins(["B", "A"]), positions: twinRows })));
    expect(trades.get(6003)?.position_ticket).toBe(62);
    expect(trades.get(6004)?.position_ticket).toBe(61);
  });

  it("turns balance, credit and adjustment rows into balance operations", () => {
    const deals = [
      row({ ticket: 1, time: at("2026.03.01 08:00:00"), type: "BALANCE", symbol: "", volume: 0, profit: 10000, comment: "Deposit" }),
      row({ ticket: 2, time: at("2026.03.01 09:00:00"), type: "CREDIT", symbol: "", volume: 0, profit: 500 }),
      row({ ticket: 3, time: at("2026.03.04 00:00:00"), type: "OTHER", symbol: "", volume: 0, profit: -3.25, comment: "charge" }),
    ];
    const result = tradesFromReport(report({ deals }));
    expect(result.balanceOperations).toEqual([
      { line: deals[0]!.line, record: { type: "deposit", amount: 10000, time: at("2026.03.01 08:00:00"), ticket: 1, comment: "Deposit" } },
      { line: deals[1]!.line, record: { type: "credit", amount: 500, time: at("2026.03.01 09:00:00"), ticket: 2, comment: null } },
      { line: deals[2]!.line, record: { type: "adjustment", amount: -3.25, time: at("2026.03.04 00:00:00"), ticket: 3, comment: "charge" } },
    ]);
    expect(result.trades).toEqual([]);
  });

  it("explains the Results: entry costs of open positions and rejected deals", () => {
    const openPosition: ReportOpenPosition = { line: 90, ticket: 73, openTime: at("2026.03.02 16:00:00"), symbol: "GBPUSD", side: "BUY", volume: 1, price: 1.25, swap: 0, profit: 12, comment: "" };
    const deals = [
      // Closed: net 15.00 - 0.70 - 0.70 = 13.60.
      row({ ticket: 7001, order: 71, time: at("2026.03.02 09:00:00"), price: 1.1, commission: -0.7 }),
      row({ ticket: 7002, order: 72, time: at("2026.03.02 09:30:00"), type: "SELL", entry: "OUT", price: 1.1015, commission: -0.7, profit: 15 }),
      // Open at export with -5.00 commission on entry.
      row({ ticket: 7003, order: 73, time: at("2026.03.02 16:00:00"), symbol: "GBPUSD", volume: 1, price: 1.25, commission: -5 }),
      // The twins: -0.50 x 2 on entry, -10.00 x 2 on the rejected exits.
      ...twins(["", ""]),
    ];
    const positions = [position({ ticket: 71, openTime: at("2026.03.02 09:00:00"), closeTime: at("2026.03.02 09:30:00"), closePrice: 1.1015, commission: -1.4, profit: 15 }), ...twinRows];
    // Total Net Profit = -0.70 - 0.70 + 15 - 5 - 0.50 - 0.50 - 10 - 10 = -12.40; Total Trades = 3 exits.
    const results = { totalNetProfit: -12.4, grossProfit: 15, grossLoss: -27.4, totalTrades: 3 };
    const result = tradesFromReport(report({ deals, positions, openPositions: [openPosition], results }));
    expect(result.reconciliation).toEqual({
      report: { totalNetProfit: -12.4, totalTrades: 3 },
      ours: { netProfit: 13.6, trades: 1 },
      explained: [
        { reason: "entry costs (commission, fee, swap) of positions still open at export", netProfit: -5, trades: 0 },
        { reason: "entry costs of positions whose closing deal could not be placed", netProfit: -1, trades: 0 },
        { reason: "deals that could not be placed in a position (see rejected)", netProfit: -20, trades: 2 },
      ],
      unexplained: { netProfit: 0, trades: 0 },
    });
  });
});

describe("tradesFromReport on a netting account", () => {
  it("keeps one position id from flat to flat through a reversal", () => {
    const deals = [
      row({ ticket: 4001, order: 41, time: at("2026.03.02 09:00:00"), volume: 1, price: 1.1, commission: -3 }),
      // SELL 2.5 closes the 1.0 long and opens 1.5 short. Closing part 1/2.5 of -7.50 = -3.00, plus the pool -3.00 -> -6.00.
      row({ ticket: 4002, order: 42, time: at("2026.03.02 12:00:00"), type: "SELL", entry: "INOUT", volume: 2.5, price: 1.104, commission: -7.5, profit: 400 }),
      // The short: pool -4.50 (the INOUT's rest) plus its own -4.50 -> -9.00.
      row({ ticket: 4003, order: 43, time: at("2026.03.03 09:30:00"), type: "BUY", entry: "OUT", volume: 1.5, price: 1.101, commission: -4.5, swap: -2, profit: 450 }),
      row({ ticket: 4004, order: 44, time: at("2026.03.03 10:00:00"), volume: 0.3, price: 1.1, commission: -0.9 }),
    ];
    const result = tradesFromReport(report({ deals }, "netting"));
    expect(result.rejected).toEqual([]);
    const trades = byTicket(result);
    expect(trades.get(4002)).toMatchObject({ position_ticket: 41, position_type: "BUY", lot_size: 1, entry_price: 1.1, exit_price: 1.104, commission: -6, entry_commission: -3, profit: 400, stop_loss: null });
    expect(trades.get(4003)).toMatchObject({ position_ticket: 41, position_type: "SELL", lot_size: 1.5, entry_price: 1.104, commission: -9, entry_commission: -4.5, swap: -2, open_time: at("2026.03.02 12:00:00") });
    expect(result.trades).toHaveLength(2);
    // 4004 opens a new position (id 44) still open: its -0.90 waits for an exit.
    expect(result.reconciliation.explained).toEqual([{ reason: "entry costs (commission, fee, swap) of positions still open at export", netProfit: -0.9, trades: 0 }]);
    expect(result.reconciliation.unexplained).toEqual({ netProfit: 0, trades: 0 });
  });
});
