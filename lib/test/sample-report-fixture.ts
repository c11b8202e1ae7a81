import { formatReportNumber, type ReportDeal, type ReportFixture, type ReportPosition } from "@/lib/test/mt5-report-writer";

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY.MM.DD HH:MM:SS" for minute m after 2024.03.01 00:00. */
function reportTime(minute: number): string {
  const d = new Date(Date.UTC(2024, 2, 1) + minute * 60_000);
  return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function* positionsOf(count: number): Generator<ReportPosition> {
  for (let i = 0; i < count; i++) {
    const jpy = i % 3 === 2;
    yield {
      openTime: reportTime(i * 7),
      ticket: 5_000_000 + i,
      symbol: jpy ? "USDJPY" : "EURUSD",
      type: i % 2 === 0 ? "buy" : "sell",
      comment: i % 5 === 0 ? "" : `ea #${i % 17} <&>`,
      volume: "0.10",
      openPrice: jpy ? "143.075" : "1.08512",
      sl: i % 4 === 0 ? "" : jpy ? "142.500" : "1.08000",
      tp: "",
      closeTime: reportTime(i * 7 + 5),
      closePrice: jpy ? "143.142" : "1.08601",
      commission: "-0.70",
      swap: i % 6 === 0 ? "-1.25" : "0.00",
      profit: formatReportNumber(((i % 11) - 5) * 437.25),
    };
  }
}

function* dealsOf(count: number): Generator<ReportDeal> {
  yield {
    time: reportTime(-60),
    ticket: 1,
    symbol: "",
    type: "balance",
    direction: "",
    volume: "",
    price: "",
    order: "",
    commission: "0.00",
    fee: "0.00",
    swap: "0.00",
    profit: "10 000.00",
    balance: "10 000.00",
    comment: "Deposit",
  };
  for (const p of positionsOf(count)) {
    const base = { symbol: p.symbol, volume: p.volume, fee: "0.00", balance: "10 000.00", comment: p.comment };
    const opposite = p.type === "buy" ? "sell" : "buy";
    yield { ...base, time: p.openTime, ticket: p.ticket * 2, type: p.type, direction: "in", price: p.openPrice, order: String(p.ticket), commission: p.commission, swap: "0.00", profit: "0.00" };
    yield { ...base, time: p.closeTime, ticket: p.ticket * 2 + 1, type: opposite, direction: "out", price: p.closePrice, order: String(p.ticket + 1), commission: "0.00", swap: p.swap, profit: p.profit };
  }
}

/**
 * A synthetic report with `positions` closed positions (each with its two orders and deals), one
 * open position and one working order. Rows are generated lazily, so a large report costs no memory.
 */
export function sampleReportFixture(language: "en" | "ja", positions = 3): ReportFixture {
  return {
    language,
    account: {
      name: "Sample Trader",
      login: 12345678,
      currency: language === "ja" ? "JPY" : "USD",
      server: "Broker-Demo",
      kind: "demo",
      margin: "Hedge",
      company: "Broker & Co.",
      date: "2024.03.01 12:00",
    },
    positions: { [Symbol.iterator]: () => positionsOf(positions) },
    orders: {
      *[Symbol.iterator]() {
        for (const p of positionsOf(positions)) {
          const order = { symbol: p.symbol, volume: "0.10 / 0.10", sl: p.sl, tp: p.tp, state: "filled", comment: p.comment };
          yield { ...order, openTime: p.openTime, ticket: p.ticket, type: p.type, price: p.openPrice, time: p.openTime };
          yield { ...order, openTime: p.closeTime, ticket: p.ticket + 1, type: p.type === "buy" ? "sell" : "buy", price: p.closePrice, time: p.closeTime };
        }
      },
    },
    deals: { [Symbol.iterator]: () => dealsOf(positions) },
    dealsTotal: { commission: "-2.10", fee: "0.00", swap: "-1.25", profit: "1 234.56", balance: "11 232.46" },
    openPositions: [
      { openTime: "2024.03.01 11:00:00", ticket: 9_000_001, symbol: "EURUSD", type: "buy", volume: "0.20", openPrice: "1.08400", sl: "", tp: "1.09000", marketPrice: "1.08450", swap: "0.00", profit: "10.00", comment: "open" },
    ],
    openPositionsTotal: { swap: "0.00", profit: "10.00" },
    workingOrders: [
      { openTime: "2024.03.01 11:30:00", ticket: 9_000_002, symbol: "USDJPY", type: "buy limit", volume: "0.10 / 0", price: "142.000", sl: "", tp: "", marketPrice: "143.100", state: "placed", comment: "" },
    ],
    summary: { balance: "11 232.46", creditFacility: "0.00", floatingPL: "10.00", equity: "11 242.46", freeMargin: "11 000.00", margin: "242.46", marginLevel: "4 636.91%" },
    results: {
      totalNetProfit: "1 232.46",
      grossProfit: "2 000.00",
      grossLoss: "-767.54",
      profitFactor: "2.61",
      expectedPayoff: "410.82",
      recoveryFactor: "1.61",
      sharpeRatio: "0.45",
      balanceDrawdownAbsolute: "0.00",
      balanceDrawdownMaximal: "767.54 (6.40%)",
      balanceDrawdownRelative: "6.40% (767.54)",
      totalTrades: "3",
      shortTrades: "1 (0.00%)",
      longTrades: "2 (100.00%)",
      profitTrades: "2 (66.67%)",
      lossTrades: "1 (33.33%)",
      largestProfitTrade: "1 000.00",
      largestLossTrade: "-767.54",
      averageProfitTrade: "1 000.00",
      averageLossTrade: "-767.54",
      maxConsecutiveWins: "2 (2 000.00)",
      maxConsecutiveLosses: "1 (-767.54)",
      maxConsecutiveProfit: "2 000.00 (2)",
      maxConsecutiveLoss: "-767.54 (1)",
      averageConsecutiveWins: "2",
      averageConsecutiveLosses: "1",
    },
  };
}
