import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createImport } from "@/lib/import/create-import";
import { getImportOrThrow } from "@/lib/import/get-import-or-throw";
import type { ImportResource } from "@/lib/import/import-resource";
import {
  writeReportHtml,
  writeReportXlsx,
  type ReportDeal,
  type ReportFixture,
  type ReportOrder,
  type ReportResults,
} from "@/lib/test/mt5-report-writer";

// The committed report files in lib/import/fixtures/, as the terminal would write them for three
// invented accounts. lib/import/import-fixtures.test.ts checks that these objects still give the
// committed bytes; `writeImportFixtures()` regenerates them after a deliberate change.

export const fixturesDirectory = path.join(import.meta.dirname, "..", "import", "fixtures");

type DealCells = Omit<ReportDeal, "fee" | "cost"> & { fee?: string };

const deal = (cells: DealCells): ReportDeal => ({ fee: "0.00", ...cells });

const filled = (cells: Omit<ReportOrder, "state">): ReportOrder => ({ state: "filled", ...cells });

/** Hedging, USD: deposit, credit, a partial close, a commented position, SL and TP exits, one position open. */
export const hedgeEnFixture: ReportFixture = {
  language: "en",
  account: {
    name: "Alex Example",
    login: 40212345,
    currency: "USD",
    server: "ExampleBroker-Demo",
    kind: "demo",
    margin: "Hedge",
    company: "Example Broker Ltd.",
    date: "2024.05.08 18:00",
  },
  positions: [
    { openTime: "2024.05.02 09:00:00", ticket: 80000001, symbol: "EURUSD", type: "buy", comment: "", volume: "0.30", openPrice: "1.07250", sl: "1.07000", tp: "1.07800", closeTime: "2024.05.03 10:15:00", closePrice: "1.07450", commission: "-2.80", swap: "-1.20", profit: "60.00" },
    { openTime: "2024.05.06 10:00:00", ticket: 80000004, symbol: "GBPUSD", type: "sell", comment: "breakout #7", volume: "0.50", openPrice: "1.25400", sl: "1.25700", tp: "1.25000", closeTime: "2024.05.06 16:20:00", closePrice: "1.25000", commission: "-5.00", swap: "0.00", profit: "200.00" },
    { openTime: "2024.05.07 09:30:00", ticket: 80000006, symbol: "EURUSD", type: "sell", comment: "", volume: "0.10", openPrice: "1.07600", sl: "1.08000", tp: "1.07000", closeTime: "2024.05.07 15:45:10", closePrice: "1.08000", commission: "-1.40", swap: "0.00", profit: "-40.00" },
  ],
  orders: [
    filled({ openTime: "2024.05.02 09:00:00", ticket: 80000001, symbol: "EURUSD", type: "buy", volume: "0.30 / 0.30", price: "1.07250", sl: "1.07000", tp: "1.07800", time: "2024.05.02 09:00:00", comment: "" }),
    filled({ openTime: "2024.05.02 11:30:00", ticket: 80000002, symbol: "EURUSD", type: "sell", volume: "0.10 / 0.10", price: "1.07450", sl: "", tp: "", time: "2024.05.02 11:30:00", comment: "" }),
    filled({ openTime: "2024.05.03 10:15:00", ticket: 80000003, symbol: "EURUSD", type: "sell", volume: "0.20 / 0.20", price: "1.07450", sl: "", tp: "", time: "2024.05.03 10:15:00", comment: "" }),
    filled({ openTime: "2024.05.06 10:00:00", ticket: 80000004, symbol: "GBPUSD", type: "sell", volume: "0.50 / 0.50", price: "1.25400", sl: "1.25700", tp: "1.25000", time: "2024.05.06 10:00:00", comment: "breakout #7" }),
    filled({ openTime: "2024.05.06 16:20:00", ticket: 80000005, symbol: "GBPUSD", type: "buy", volume: "0.50 / 0.50", price: "1.25000", sl: "", tp: "", time: "2024.05.06 16:20:00", comment: "[tp 1.25000]" }),
    filled({ openTime: "2024.05.07 09:30:00", ticket: 80000006, symbol: "EURUSD", type: "sell", volume: "0.10 / 0.10", price: "1.07600", sl: "1.08000", tp: "1.07000", time: "2024.05.07 09:30:00", comment: "" }),
    filled({ openTime: "2024.05.07 15:45:10", ticket: 80000007, symbol: "EURUSD", type: "buy", volume: "0.10 / 0.10", price: "1.08000", sl: "", tp: "", time: "2024.05.07 15:45:10", comment: "[sl 1.08000]" }),
    filled({ openTime: "2024.05.08 12:00:00", ticket: 80000008, symbol: "EURUSD", type: "buy", volume: "0.20 / 0.20", price: "1.07700", sl: "1.07300", tp: "", time: "2024.05.08 12:00:00", comment: "" }),
  ],
  deals: [
    deal({ time: "2024.05.01 08:00:00", ticket: 70000001, symbol: "", type: "balance", direction: "", volume: "", price: "", order: "", commission: "0.00", swap: "0.00", profit: "10 000.00", balance: "10 000.00", comment: "Deposit" }),
    deal({ time: "2024.05.01 08:05:00", ticket: 70000002, symbol: "", type: "credit", direction: "", volume: "", price: "", order: "", commission: "0.00", swap: "0.00", profit: "500.00", balance: "10 000.00", comment: "Credit bonus" }),
    deal({ time: "2024.05.02 09:00:00", ticket: 70000003, symbol: "EURUSD", type: "buy", direction: "in", volume: "0.30", price: "1.07250", order: "80000001", commission: "-1.40", swap: "0.00", profit: "0.00", balance: "9 998.60", comment: "" }),
    deal({ time: "2024.05.02 11:30:00", ticket: 70000004, symbol: "EURUSD", type: "sell", direction: "out", volume: "0.10", price: "1.07450", order: "80000002", commission: "-0.47", swap: "0.00", profit: "20.00", balance: "10 018.13", comment: "" }),
    deal({ time: "2024.05.03 10:15:00", ticket: 70000005, symbol: "EURUSD", type: "sell", direction: "out", volume: "0.20", price: "1.07450", order: "80000003", commission: "-0.93", swap: "-1.20", profit: "40.00", balance: "10 056.00", comment: "" }),
    deal({ time: "2024.05.06 10:00:00", ticket: 70000006, symbol: "GBPUSD", type: "sell", direction: "in", volume: "0.50", price: "1.25400", order: "80000004", commission: "-2.50", swap: "0.00", profit: "0.00", balance: "10 053.50", comment: "breakout #7" }),
    deal({ time: "2024.05.06 16:20:00", ticket: 70000007, symbol: "GBPUSD", type: "buy", direction: "out", volume: "0.50", price: "1.25000", order: "80000005", commission: "-2.50", swap: "0.00", profit: "200.00", balance: "10 251.00", comment: "[tp 1.25000]" }),
    deal({ time: "2024.05.07 09:30:00", ticket: 70000008, symbol: "EURUSD", type: "sell", direction: "in", volume: "0.10", price: "1.07600", order: "80000006", commission: "-0.70", swap: "0.00", profit: "0.00", balance: "10 250.30", comment: "" }),
    deal({ time: "2024.05.07 15:45:10", ticket: 70000009, symbol: "EURUSD", type: "buy", direction: "out", volume: "0.10", price: "1.08000", order: "80000007", commission: "-0.70", swap: "0.00", profit: "-40.00", balance: "10 209.60", comment: "[sl 1.08000]" }),
    deal({ time: "2024.05.08 12:00:00", ticket: 70000010, symbol: "EURUSD", type: "buy", direction: "in", volume: "0.20", price: "1.07700", order: "80000008", commission: "-0.90", swap: "0.00", profit: "0.00", balance: "10 208.70", comment: "" }),
  ],
  dealsTotal: { commission: "-10.10", fee: "0.00", swap: "-1.20", profit: "10 220.00", balance: "10 208.70" },
  openPositions: [
    { openTime: "2024.05.08 12:00:00", ticket: 80000008, symbol: "EURUSD", type: "buy", volume: "0.20", openPrice: "1.07700", sl: "1.07300", tp: "", marketPrice: "1.07750", swap: "0.00", profit: "10.00", comment: "" },
  ],
  openPositionsTotal: { swap: "0.00", profit: "10.00" },
  workingOrders: [],
  summary: { balance: "10 208.70", creditFacility: "500.00", floatingPL: "10.00", equity: "10 718.70", freeMargin: "10 503.30", margin: "215.40", marginLevel: "4 976.18%" },
  results: {
    totalNetProfit: "208.70",
    grossProfit: "254.90",
    grossLoss: "-46.20",
    profitFactor: "5.52",
    expectedPayoff: "52.18",
    recoveryFactor: "5.13",
    sharpeRatio: "0.62",
    balanceDrawdownAbsolute: "1.40",
    balanceDrawdownMaximal: "40.70 (0.40%)",
    balanceDrawdownRelative: "0.40% (40.70)",
    totalTrades: "4",
    shortTrades: "2 (50.00%)",
    longTrades: "2 (100.00%)",
    profitTrades: "3 (75.00%)",
    lossTrades: "1 (25.00%)",
    largestProfitTrade: "197.50",
    largestLossTrade: "-40.70",
    averageProfitTrade: "84.97",
    averageLossTrade: "-40.70",
    maxConsecutiveWins: "3 (254.90)",
    maxConsecutiveLosses: "1 (-40.70)",
    maxConsecutiveProfit: "254.90 (3)",
    maxConsecutiveLoss: "-40.70 (1)",
    averageConsecutiveWins: "3",
    averageConsecutiveLosses: "1",
  } satisfies ReportResults,
};

/** Japanese labels, JPY (money without decimals), USDJPY at 3 price digits; nothing open. */
export const hedgeJaFixture: ReportFixture = {
  language: "ja",
  account: {
    name: "山田 花子",
    login: 40298765,
    currency: "JPY",
    server: "ExampleBroker-Live",
    kind: "real",
    margin: "Hedge",
    company: "Example Broker Ltd.",
    date: "2024.05.16 20:00",
  },
  positions: [
    { openTime: "2024.05.13 03:15:00", ticket: 81000001, symbol: "USDJPY", type: "buy", comment: "", volume: "0.10", openPrice: "155.250", sl: "154.800", tp: "156.000", closeTime: "2024.05.13 09:40:00", closePrice: "155.750", commission: "-220", swap: "0", profit: "5 000" },
    { openTime: "2024.05.14 02:00:00", ticket: 81000003, symbol: "USDJPY", type: "sell", comment: "スキャル", volume: "0.20", openPrice: "156.100", sl: "156.600", tp: "155.300", closeTime: "2024.05.14 05:05:05", closePrice: "156.600", commission: "-440", swap: "0", profit: "-10 000" },
    { openTime: "2024.05.15 01:00:00", ticket: 81000005, symbol: "USDJPY", type: "buy", comment: "", volume: "0.05", openPrice: "155.900", sl: "", tp: "156.424", closeTime: "2024.05.16 01:00:00", closePrice: "156.424", commission: "-110", swap: "-37", profit: "2 620" },
  ],
  orders: [
    filled({ openTime: "2024.05.13 03:15:00", ticket: 81000001, symbol: "USDJPY", type: "buy", volume: "0.10 / 0.10", price: "155.250", sl: "154.800", tp: "156.000", time: "2024.05.13 03:15:00", comment: "" }),
    filled({ openTime: "2024.05.13 09:40:00", ticket: 81000002, symbol: "USDJPY", type: "sell", volume: "0.10 / 0.10", price: "155.750", sl: "", tp: "", time: "2024.05.13 09:40:00", comment: "" }),
    filled({ openTime: "2024.05.14 02:00:00", ticket: 81000003, symbol: "USDJPY", type: "sell", volume: "0.20 / 0.20", price: "156.100", sl: "156.600", tp: "155.300", time: "2024.05.14 02:00:00", comment: "スキャル" }),
    filled({ openTime: "2024.05.14 05:05:05", ticket: 81000004, symbol: "USDJPY", type: "buy", volume: "0.20 / 0.20", price: "156.600", sl: "", tp: "", time: "2024.05.14 05:05:05", comment: "[sl 156.600]" }),
    filled({ openTime: "2024.05.15 01:00:00", ticket: 81000005, symbol: "USDJPY", type: "buy", volume: "0.05 / 0.05", price: "155.900", sl: "", tp: "156.424", time: "2024.05.15 01:00:00", comment: "" }),
    filled({ openTime: "2024.05.16 01:00:00", ticket: 81000006, symbol: "USDJPY", type: "sell", volume: "0.05 / 0.05", price: "156.424", sl: "", tp: "", time: "2024.05.16 01:00:00", comment: "[tp 156.424]" }),
  ],
  deals: [
    deal({ time: "2024.05.10 07:00:00", ticket: 71000001, symbol: "", type: "balance", direction: "", volume: "", price: "", order: "", commission: "0", fee: "0", swap: "0", profit: "1 000 000", balance: "1 000 000", comment: "入金" }),
    deal({ time: "2024.05.13 03:15:00", ticket: 71000002, symbol: "USDJPY", type: "buy", direction: "in", volume: "0.10", price: "155.250", order: "81000001", commission: "-110", fee: "0", swap: "0", profit: "0", balance: "999 890", comment: "" }),
    deal({ time: "2024.05.13 09:40:00", ticket: 71000003, symbol: "USDJPY", type: "sell", direction: "out", volume: "0.10", price: "155.750", order: "81000002", commission: "-110", fee: "0", swap: "0", profit: "5 000", balance: "1 004 780", comment: "" }),
    deal({ time: "2024.05.14 02:00:00", ticket: 71000004, symbol: "USDJPY", type: "sell", direction: "in", volume: "0.20", price: "156.100", order: "81000003", commission: "-220", fee: "0", swap: "0", profit: "0", balance: "1 004 560", comment: "スキャル" }),
    deal({ time: "2024.05.14 05:05:05", ticket: 71000005, symbol: "USDJPY", type: "buy", direction: "out", volume: "0.20", price: "156.600", order: "81000004", commission: "-220", fee: "0", swap: "0", profit: "-10 000", balance: "994 340", comment: "[sl 156.600]" }),
    deal({ time: "2024.05.15 01:00:00", ticket: 71000006, symbol: "USDJPY", type: "buy", direction: "in", volume: "0.05", price: "155.900", order: "81000005", commission: "-55", fee: "0", swap: "0", profit: "0", balance: "994 285", comment: "" }),
    deal({ time: "2024.05.16 01:00:00", ticket: 71000007, symbol: "USDJPY", type: "sell", direction: "out", volume: "0.05", price: "156.424", order: "81000006", commission: "-55", fee: "0", swap: "-37", profit: "2 620", balance: "996 813", comment: "[tp 156.424]" }),
  ],
  dealsTotal: { commission: "-770", fee: "0", swap: "-37", profit: "997 620", balance: "996 813" },
  openPositions: [],
  openPositionsTotal: { swap: "0", profit: "0" },
  workingOrders: [],
  summary: { balance: "996 813", creditFacility: "0", floatingPL: "0", equity: "996 813", freeMargin: "996 813", margin: "0", marginLevel: "0.00%" },
  results: {
    totalNetProfit: "-3 187",
    grossProfit: "7 418",
    grossLoss: "-10 605",
    profitFactor: "0.70",
    expectedPayoff: "-1 062",
    recoveryFactor: "-0.30",
    sharpeRatio: "-0.31",
    balanceDrawdownAbsolute: "5 660",
    balanceDrawdownMaximal: "10 440 (1.04%)",
    balanceDrawdownRelative: "1.04% (10 440)",
    totalTrades: "3",
    shortTrades: "1 (0.00%)",
    longTrades: "2 (100.00%)",
    profitTrades: "2 (66.67%)",
    lossTrades: "1 (33.33%)",
    largestProfitTrade: "4 890",
    largestLossTrade: "-10 220",
    averageProfitTrade: "3 709",
    averageLossTrade: "-10 220",
    maxConsecutiveWins: "1 (4 890)",
    maxConsecutiveLosses: "1 (-10 220)",
    maxConsecutiveProfit: "4 890 (1)",
    maxConsecutiveLoss: "-10 220 (1)",
    averageConsecutiveWins: "1",
    averageConsecutiveLosses: "1",
  },
};

/** Netting, USD: BUY 1.00 in, SELL 2.50 in/out (reversal), BUY 1.50 out. */
export const nettingEnFixture: ReportFixture = {
  language: "en",
  account: {
    name: "Sam Sample",
    login: 40255555,
    currency: "USD",
    server: "ExampleBroker-Netting",
    kind: "demo",
    margin: "Netting",
    company: "Example Broker Ltd.",
    date: "2024.06.04 18:00",
  },
  positions: [
    { openTime: "2024.06.03 08:00:00", ticket: 82000001, symbol: "EURUSD", type: "buy", comment: "", volume: "1.00", openPrice: "1.08500", sl: "1.09200", tp: "1.08000", closeTime: "2024.06.04 09:30:00", closePrice: "1.08600", commission: "-35.00", swap: "-4.50", profit: "600.00" },
  ],
  orders: [
    filled({ openTime: "2024.06.03 08:00:00", ticket: 82000001, symbol: "EURUSD", type: "buy", volume: "1.00 / 1.00", price: "1.08500", sl: "1.08000", tp: "1.09500", time: "2024.06.03 08:00:00", comment: "" }),
    filled({ openTime: "2024.06.03 12:00:00", ticket: 82000002, symbol: "EURUSD", type: "sell", volume: "2.50 / 2.50", price: "1.08800", sl: "1.09200", tp: "1.08000", time: "2024.06.03 12:00:00", comment: "" }),
    filled({ openTime: "2024.06.04 09:30:00", ticket: 82000003, symbol: "EURUSD", type: "buy", volume: "1.50 / 1.50", price: "1.08600", sl: "", tp: "", time: "2024.06.04 09:30:00", comment: "" }),
  ],
  deals: [
    deal({ time: "2024.06.03 06:00:00", ticket: 72000001, symbol: "", type: "balance", direction: "", volume: "", price: "", order: "", commission: "0.00", swap: "0.00", profit: "50 000.00", balance: "50 000.00", comment: "Deposit" }),
    deal({ time: "2024.06.03 08:00:00", ticket: 72000002, symbol: "EURUSD", type: "buy", direction: "in", volume: "1.00", price: "1.08500", order: "82000001", commission: "-7.00", swap: "0.00", profit: "0.00", balance: "49 993.00", comment: "" }),
    deal({ time: "2024.06.03 12:00:00", ticket: 72000003, symbol: "EURUSD", type: "sell", direction: "in/out", volume: "2.50", price: "1.08800", order: "82000002", commission: "-17.50", swap: "0.00", profit: "300.00", balance: "50 275.50", comment: "" }),
    deal({ time: "2024.06.04 09:30:00", ticket: 72000004, symbol: "EURUSD", type: "buy", direction: "out", volume: "1.50", price: "1.08600", order: "82000003", commission: "-10.50", swap: "-4.50", profit: "300.00", balance: "50 560.50", comment: "" }),
  ],
  dealsTotal: { commission: "-35.00", fee: "0.00", swap: "-4.50", profit: "50 600.00", balance: "50 560.50" },
  openPositions: [],
  openPositionsTotal: { swap: "0.00", profit: "0.00" },
  workingOrders: [],
  summary: { balance: "50 560.50", creditFacility: "0.00", floatingPL: "0.00", equity: "50 560.50", freeMargin: "50 560.50", margin: "0.00", marginLevel: "0.00%" },
  results: {
    totalNetProfit: "560.50",
    grossProfit: "567.50",
    grossLoss: "-7.00",
    profitFactor: "81.07",
    expectedPayoff: "280.25",
    recoveryFactor: "80.07",
    sharpeRatio: "5.12",
    balanceDrawdownAbsolute: "7.00",
    balanceDrawdownMaximal: "7.00 (0.01%)",
    balanceDrawdownRelative: "0.01% (7.00)",
    totalTrades: "2",
    shortTrades: "1 (100.00%)",
    longTrades: "1 (100.00%)",
    profitTrades: "2 (100.00%)",
    lossTrades: "0 (0.00%)",
    largestProfitTrade: "285.00",
    largestLossTrade: "0.00",
    averageProfitTrade: "283.75",
    averageLossTrade: "0.00",
    maxConsecutiveWins: "2 (567.50)",
    maxConsecutiveLosses: "0 (0.00)",
    maxConsecutiveProfit: "567.50 (2)",
    maxConsecutiveLoss: "0.00 (0)",
    averageConsecutiveWins: "2",
    averageConsecutiveLosses: "0",
  },
};

/** Each committed file and the bytes it must hold. */
export const importFixtureFiles: Record<string, () => Buffer> = {
  "hedge-en.html": () => writeReportHtml(hedgeEnFixture, { encoding: "utf16le", bom: true }),
  "hedge-en.xlsx": () => writeReportXlsx(hedgeEnFixture),
  "hedge-ja.html": () => writeReportHtml(hedgeJaFixture, { encoding: "utf16le", bom: true, strayTrailingByte: true }),
  "netting-en.html": () => writeReportHtml(nettingEnFixture, { encoding: "utf8", bom: false }),
};

/** Writes the files again (run once after changing a fixture, then commit them). */
export function writeImportFixtures(): void {
  for (const [name, bytes] of Object.entries(importFixtureFiles)) writeFileSync(path.join(fixturesDirectory, name), bytes());
}

/**
 * Uploads bytes as a file (createImport deletes it when done) and waits for the import's scheduled
 * run to finish. Calling runImport beside it would run the import twice at once: runImport also
 * takes an import that is already running (so that a restarted server resumes it).
 */
export async function importBytes(fileName: string, bytes: Buffer | string, fields: Record<string, string> = {}): Promise<ImportResource> {
  const filePath = path.join(mkdtempSync(path.join(os.tmpdir(), "import-test-")), fileName);
  writeFileSync(filePath, bytes);
  const { id } = createImport({ filePath, fileName, size: statSync(filePath).size, fields });
  return waitForImport(id);
}

export async function waitForImport(id: number): Promise<ImportResource> {
  for (;;) {
    const current = getImportOrThrow(id);
    if (current.status !== "queued" && current.status !== "running") return current;
    await sleep(2);
  }
}
