import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { undoImport } from "@/lib/import/undo-import";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { createTradeBody } from "@/lib/schemas/trade";
import { fixturesDirectory, importBytes, importFixtureFiles } from "@/lib/test/import-fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";
import type { TradeResource } from "@/lib/trades/trade-record";

// The committed report files (lib/import/fixtures) through the whole import: upload, run, the
// stored trades and balance operations, the result, and what a second import or an EA does next.

const fixture = (name: string) => readFileSync(path.join(fixturesDirectory, name));
const importFixture = (name: string, fields: Record<string, string> = {}) => importBytes(name, fixture(name), fields);

type StoredTrade = Omit<TradeResource, "id" | "created_at">;

function storedTrades(): StoredTrade[] {
  const { data } = listTrades(validate(listTradesQuery, { sort: "close_time", limit: "200" }, "query"));
  return data.map(({ id: _id, created_at: _createdAt, ...trade }) => trade);
}

function accountOf(login: number) {
  const row = sqlite()
    .prepare("SELECT id, login, server, currency FROM accounts WHERE login = ?")
    .get(login) as { id: number; login: number | bigint; server: string; currency: string } | undefined;
  return row && { ...row, login: Number(row.login) };
}

function balanceOperations() {
  const rows = sqlite()
    .prepare("SELECT account_id, type, amount, time, ticket, comment, import_id FROM balance_operations ORDER BY time")
    .all() as Record<string, unknown>[];
  return rows.map((row) => ({ ...row, time: Number(row.time), ticket: Number(row.ticket) }));
}

/** 2024.05.02 09:00:00 etc. as stored (broker wall-clock seconds). */
const at = (text: string) => Date.parse(`${text.replace(/\./g, "-").replace(" ", "T")}Z`) / 1000;

/** What every row of a report import has in common. */
const imported: Pick<StoredTrade, "source" | "fee" | "magic_number" | "utc_offset_minutes" | "note" | "tags"> = {
  source: "import",
  fee: 0,
  magic_number: null,
  utc_offset_minutes: null,
  note: null,
  tags: [],
};

/** hedge-en.html / .xlsx: the hand-checked trades, in close order (account_id filled in by the test). */
function hedgeEnTrades(accountId: number): StoredTrade[] {
  return [
    // Position 80000001 (BUY 0.30, entry commission -1.40) closed in two exits: 0.10, then 0.20.
    // Exit 1 takes 0.10/0.30 of -1.40 = -0.4667 -> -0.47; its own -0.47: commission -0.94.
    // net 20.00 - 0.94 = 19.06. Not the last exit: no SL/TP at close.
    {
      ...imported,
      account_id: accountId,
      symbol: "EURUSD",
      order_ticket: 80000002,
      deal_ticket: 70000004,
      position_ticket: 80000001,
      position_type: "BUY",
      side: "BUY",
      position_reason: null,
      lot_size: 0.1,
      entry_price: 1.0725,
      exit_price: 1.0745,
      stop_loss: null,
      take_profit: null,
      initial_stop_loss: 1.07,
      initial_take_profit: 1.078,
      profit: 20,
      commission: -0.94,
      entry_commission: -0.47,
      swap: 0,
      net_profit: 19.06,
      open_time: "2024-05-02T09:00:00",
      close_time: "2024-05-02T11:30:00",
      duration_seconds: 9000,
      comment: null,
    },
    // Exit 2 takes the rest, -1.40 - (-0.47) = -0.93; its own -0.93: commission -1.86.
    // net 40.00 - 1.86 - 1.20 = 36.94. The last exit: SL/TP at close from the Positions row.
    {
      ...imported,
      account_id: accountId,
      symbol: "EURUSD",
      order_ticket: 80000003,
      deal_ticket: 70000005,
      position_ticket: 80000001,
      position_type: "BUY",
      side: "BUY",
      position_reason: null,
      lot_size: 0.2,
      entry_price: 1.0725,
      exit_price: 1.0745,
      stop_loss: 1.07,
      take_profit: 1.078,
      initial_stop_loss: 1.07,
      initial_take_profit: 1.078,
      profit: 40,
      commission: -1.86,
      entry_commission: -0.93,
      swap: -1.2,
      net_profit: 36.94,
      open_time: "2024-05-02T09:00:00",
      close_time: "2024-05-03T10:15:00",
      duration_seconds: 90900,
      comment: null,
    },
    // Position 80000004 ("breakout #7"), TP exit: -2.50 entry + -2.50 exit = -5.00; net 195.00.
    {
      ...imported,
      account_id: accountId,
      symbol: "GBPUSD",
      order_ticket: 80000005,
      deal_ticket: 70000007,
      position_ticket: 80000004,
      position_type: "SELL",
      side: "SELL",
      position_reason: "TAKE_PROFIT",
      lot_size: 0.5,
      entry_price: 1.254,
      exit_price: 1.25,
      stop_loss: 1.257,
      take_profit: 1.25,
      initial_stop_loss: 1.257,
      initial_take_profit: 1.25,
      profit: 200,
      commission: -5,
      entry_commission: -2.5,
      swap: 0,
      net_profit: 195,
      open_time: "2024-05-06T10:00:00",
      close_time: "2024-05-06T16:20:00",
      duration_seconds: 22800,
      comment: "[tp 1.25000]",
    },
    // Position 80000006, SL exit: -0.70 + -0.70 = -1.40; net -40.00 - 1.40 = -41.40.
    {
      ...imported,
      account_id: accountId,
      symbol: "EURUSD",
      order_ticket: 80000007,
      deal_ticket: 70000009,
      position_ticket: 80000006,
      position_type: "SELL",
      side: "SELL",
      position_reason: "STOP_LOSS",
      lot_size: 0.1,
      entry_price: 1.076,
      exit_price: 1.08,
      stop_loss: 1.08,
      take_profit: 1.07,
      initial_stop_loss: 1.08,
      initial_take_profit: 1.07,
      profit: -40,
      commission: -1.4,
      entry_commission: -0.7,
      swap: 0,
      net_profit: -41.4,
      open_time: "2024-05-07T09:30:00",
      close_time: "2024-05-07T15:45:10",
      duration_seconds: 22510,
      comment: "[sl 1.08000]",
    },
  ];
}

const hedgeEnLogin = 40212345;

function hedgeEnBalanceOperations(accountId: number, importId: number) {
  return [
    { account_id: accountId, type: "deposit", amount: 10000, time: at("2024.05.01 08:00:00"), ticket: 70000001, comment: "Deposit", import_id: importId },
    { account_id: accountId, type: "credit", amount: 500, time: at("2024.05.01 08:05:00"), ticket: 70000002, comment: "Credit bonus", import_id: importId },
  ];
}

// Report: sum over trading deals of profit + commission + fee + swap =
//   -1.40 + (20.00 - 0.47) + (40.00 - 0.93 - 1.20) - 2.50 + (200.00 - 2.50) - 0.70 + (-40.00 - 0.70) - 0.90 = 208.70
// Ours: 19.06 + 36.94 + 195.00 - 41.40 = 209.60; the open position 80000008's entry commission -0.90 explains the rest.
const hedgeEnReconciliation = {
  report: { totalNetProfit: 208.7, totalTrades: 4 },
  ours: { netProfit: 209.6, trades: 4 },
  explained: [{ reason: "entry costs (commission, fee, swap) of positions still open at export", netProfit: -0.9, trades: 0 }],
  unexplained: { netProfit: 0, trades: 0 },
};

const tally = (counts: Partial<Record<"new" | "present" | "enriched" | "rejected", number>>) => ({
  new: 0,
  present: 0,
  enriched: 0,
  rejected: 0,
  ...counts,
});

/** The EA's payload for the SL trade of hedge-en (deal 70000009), as our EA sends it. */
function eaPayloadOfSlTrade(overrides: Record<string, unknown>) {
  return validate(
    createTradeBody,
    {
      symbol: "EURUSD",
      order_ticket: 80000007,
      deal_ticket: 70000009,
      position_ticket: 80000006,
      position_type: "SELL",
      position_reason: "STOP_LOSS",
      lot_size: 0.1,
      entry_price: 1.076,
      exit_price: 1.08,
      stop_loss: 1.08,
      take_profit: 1.07,
      initial_stop_loss: 1.08,
      initial_take_profit: 1.07,
      profit: -40,
      commission: -1.4,
      entry_commission: -0.7,
      swap: 0,
      fee: 0,
      open_time: "2024.05.07 09:30:00",
      close_time: "2024.05.07 15:45:10",
      magic_number: 0,
      comment: "[sl 1.08000]",
      account_login: hedgeEnLogin,
      account_server: "ExampleBroker-Demo",
      account_currency: "USD",
      utc_offset_minutes: 180,
      ...overrides,
    },
    "trade",
  );
}

beforeEach(() => {
  resetDatabase();
  sqlite().exec("DELETE FROM balance_operations");
});

describe("the committed fixture files", () => {
  it.each(Object.keys(importFixtureFiles))("%s is what its fixture object writes", (name) => {
    expect(fixture(name).equals(importFixtureFiles[name]!())).toBe(true);
  });

  it("hedge-en.html is UTF-16 LE with a BOM and hedge-ja.html ends with one stray byte; netting-en.html is UTF-8 without a BOM", () => {
    expect([...fixture("hedge-en.html").subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(fixture("hedge-en.html").length % 2).toBe(0);
    expect([...fixture("hedge-ja.html").subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(fixture("hedge-ja.html").length % 2).toBe(1);
    expect(fixture("netting-en.html").subarray(0, 9).toString("utf8")).toBe("<!DOCTYPE");
    expect(fixture("hedge-en.html").toString("utf16le")).toContain("10 000.00");
  });
});

describe("hedge-en.html (English, hedging, USD)", () => {
  it("stores its four exits as trades, the deposit and the credit as balance operations, and reconciles with the Results", async () => {
    const done = await importFixture("hedge-en.html");
    const account = accountOf(hedgeEnLogin)!;

    expect(account).toEqual({ id: account.id, login: hedgeEnLogin, server: "ExampleBroker-Demo", currency: "USD" });
    expect(done).toMatchObject({ format: "mt5-html", status: "done", progress: 1, account_id: account.id, error: null });
    expect(done.preview).toEqual({
      format: "mt5-html",
      language: "en",
      account: { login: hedgeEnLogin, server: "ExampleBroker-Demo", currency: "USD", name: "Alex Example", company: "Example Broker Ltd.", kind: "demo", margin: "hedging" },
      report_time: "2024-05-08T18:00:00",
      trades: 4,
      balance_operations: 2,
    });
    expect(done.result).toEqual({
      trades: tally({ new: 4 }),
      balance_operations: tally({ new: 2 }),
      rejected: [],
      kept: [],
      kept_total: 0,
      reconciliation: hedgeEnReconciliation,
    });
    expect(storedTrades()).toEqual(hedgeEnTrades(account.id));
    expect(balanceOperations()).toEqual(hedgeEnBalanceOperations(account.id, done.id));
  });

  it("the same account's XLSX export imported after it adds nothing", async () => {
    await importFixture("hedge-en.html");
    const before = storedTrades();
    const done = await importFixture("hedge-en.xlsx");

    expect(done.format).toBe("mt5-xlsx");
    expect(done.result).toEqual({
      trades: tally({ present: 4 }),
      balance_operations: tally({ present: 2 }),
      rejected: [],
      kept: [],
      kept_total: 0,
      reconciliation: hedgeEnReconciliation,
    });
    expect(storedTrades()).toEqual(before);
    expect(balanceOperations()).toHaveLength(2);
  });

  it("the XLSX alone gives the same trades and balance operations as the HTML", async () => {
    const done = await importFixture("hedge-en.xlsx");
    const account = accountOf(hedgeEnLogin)!;

    expect(done.result?.trades).toEqual(tally({ new: 4 }));
    expect(storedTrades()).toEqual(hedgeEnTrades(account.id));
    expect(balanceOperations()).toEqual(hedgeEnBalanceOperations(account.id, done.id));
  });

  it("importing the same file twice adds nothing", async () => {
    const first = await importFixture("hedge-en.html");
    const second = await importFixture("hedge-en.html");
    const account = accountOf(hedgeEnLogin)!;

    expect(second.result?.trades).toEqual(tally({ present: 4 }));
    expect(second.result?.balance_operations).toEqual(tally({ present: 2 }));
    expect(second.result?.kept_total).toBe(0);
    expect(storedTrades()).toEqual(hedgeEnTrades(account.id));
    expect(balanceOperations()).toEqual(hedgeEnBalanceOperations(account.id, first.id));
  });

  it("a UTC offset given with the upload only fills utc_offset_minutes: the times stay the broker's", async () => {
    await importFixture("hedge-en.html");
    const done = await importFixture("hedge-en.html", { utc_offset_minutes: "120" });
    const account = accountOf(hedgeEnLogin)!;

    expect(done.utc_offset_minutes).toBe(120);
    expect(done.result?.trades).toEqual(tally({ enriched: 4 }));
    expect(done.result?.kept_total).toBe(0);
    expect(storedTrades()).toEqual(hedgeEnTrades(account.id).map((trade) => ({ ...trade, utc_offset_minutes: 120 })));
  });

  it("undo deletes the trades and balance operations it created", async () => {
    const done = await importFixture("hedge-en.html");
    const undone = undoImport(done.id);

    expect(undone.status).toBe("undone");
    expect(undone.result?.undo).toEqual({ trades_deleted: 4, trades_kept: 0, balance_operations_deleted: 2 });
    expect(storedTrades()).toEqual([]);
    expect(balanceOperations()).toEqual([]);
  });

  it("a row an EA sent before keeps its values: the import lists what it disagrees with as kept", async () => {
    // The EA's commission for the SL trade differs from the report's (-1.50 = -0.75 entry + -0.75 exit).
    const [sent] = storeTrades([eaPayloadOfSlTrade({ commission: -1.5, entry_commission: -0.75 })]);
    expect(sent?.status).toBe("created");

    const done = await importFixture("hedge-en.html");
    const account = accountOf(hedgeEnLogin)!;

    expect(done.result?.trades).toEqual(tally({ new: 3, present: 1 }));
    expect(done.result?.kept).toEqual([
      { line: expect.any(Number) as number, deal_ticket: 70000009, field: "commission", stored: -1.5, imported: -1.4 },
      { line: expect.any(Number) as number, deal_ticket: 70000009, field: "entry_commission", stored: -0.75, imported: -0.7 },
    ]);
    expect(done.result?.kept_total).toBe(2);
    const [first, second, third] = hedgeEnTrades(account.id);
    expect(storedTrades()).toEqual([
      first,
      second,
      third,
      // The EA's own row: its source, magic number, offset and commission (net -40.00 - 1.50 = -41.50).
      { ...hedgeEnTrades(account.id)[3], source: "ea", magic_number: 0, utc_offset_minutes: 180, commission: -1.5, entry_commission: -0.75, net_profit: -41.5 },
    ]);

    // Undo takes back only what the import created.
    expect(undoImport(done.id).result?.undo).toEqual({ trades_deleted: 3, trades_kept: 0, balance_operations_deleted: 2 });
    expect(storedTrades().map((trade) => trade.deal_ticket)).toEqual([70000009]);
  });

  it("an EA payload for an imported row fills it without conflict, and undo then keeps that row", async () => {
    const done = await importFixture("hedge-en.html");
    const account = accountOf(hedgeEnLogin)!;

    const [filled] = storeTrades([eaPayloadOfSlTrade({ magic_number: 42 })]);
    expect(filled).toEqual({ status: "enriched", tradeId: 4, enriched: ["magic_number", "utc_offset_minutes"] });
    const [again] = storeTrades([eaPayloadOfSlTrade({ magic_number: 42 })]);
    expect(again).toEqual({ status: "duplicate", tradeId: 4 });

    const undone = undoImport(done.id);
    expect(undone.result?.undo).toEqual({ trades_deleted: 3, trades_kept: 1, balance_operations_deleted: 2 });
    expect(storedTrades()).toEqual([{ ...hedgeEnTrades(account.id)[3], magic_number: 42, utc_offset_minutes: 180 }]);
    expect(balanceOperations()).toEqual([]);
  });
});

describe("hedge-ja.html (Japanese labels, JPY, UTF-16 with a stray trailing byte)", () => {
  it("stores its trades with money in whole yen and USDJPY prices at 3 decimals", async () => {
    const done = await importFixture("hedge-ja.html");
    const account = accountOf(40298765)!;

    expect(account).toEqual({ id: account.id, login: 40298765, server: "ExampleBroker-Live", currency: "JPY" });
    expect(done.preview).toMatchObject({ language: "ja", account: { name: "山田 花子", kind: "real", margin: "hedging" } });
    // Report: -110 + (5 000 - 110) - 220 + (-10 000 - 220) - 55 + (2 620 - 55 - 37) = -3 187 = 4 780 - 10 440 + 2 473.
    expect(done.result).toEqual({
      trades: tally({ new: 3 }),
      balance_operations: tally({ new: 1 }),
      rejected: [],
      kept: [],
      kept_total: 0,
      reconciliation: { report: { totalNetProfit: -3187, totalTrades: 3 }, ours: { netProfit: -3187, trades: 3 }, explained: [], unexplained: { netProfit: 0, trades: 0 } },
    });
    const usdjpy = { ...imported, account_id: account.id, symbol: "USDJPY", swap: 0 };
    expect(storedTrades()).toEqual([
      // -110 entry + -110 exit = -220; net 5 000 - 220 = 4 780.
      { ...usdjpy, order_ticket: 81000002, deal_ticket: 71000003, position_ticket: 81000001, position_type: "BUY", side: "BUY", position_reason: null, lot_size: 0.1, entry_price: 155.25, exit_price: 155.75, stop_loss: 154.8, take_profit: 156, initial_stop_loss: 154.8, initial_take_profit: 156, profit: 5000, commission: -220, entry_commission: -110, net_profit: 4780, open_time: "2024-05-13T03:15:00", close_time: "2024-05-13T09:40:00", duration_seconds: 23100, comment: null },
      // -220 + -220 = -440; net -10 000 - 440 = -10 440.
      { ...usdjpy, order_ticket: 81000004, deal_ticket: 71000005, position_ticket: 81000003, position_type: "SELL", side: "SELL", position_reason: "STOP_LOSS", lot_size: 0.2, entry_price: 156.1, exit_price: 156.6, stop_loss: 156.6, take_profit: 155.3, initial_stop_loss: 156.6, initial_take_profit: 155.3, profit: -10000, commission: -440, entry_commission: -220, net_profit: -10440, open_time: "2024-05-14T02:00:00", close_time: "2024-05-14T05:05:05", duration_seconds: 11105, comment: "[sl 156.600]" },
      // -55 + -55 = -110; net 2 620 - 110 - 37 = 2 473.
      { ...usdjpy, order_ticket: 81000006, deal_ticket: 71000007, position_ticket: 81000005, position_type: "BUY", side: "BUY", position_reason: "TAKE_PROFIT", lot_size: 0.05, entry_price: 155.9, exit_price: 156.424, stop_loss: null, take_profit: 156.424, initial_stop_loss: null, initial_take_profit: 156.424, profit: 2620, commission: -110, entry_commission: -55, swap: -37, net_profit: 2473, open_time: "2024-05-15T01:00:00", close_time: "2024-05-16T01:00:00", duration_seconds: 86400, comment: "[tp 156.424]" },
    ]);
    expect(balanceOperations()).toEqual([
      { account_id: account.id, type: "deposit", amount: 1000000, time: at("2024.05.10 07:00:00"), ticket: 71000001, comment: "入金", import_id: done.id },
    ]);
  });
});

describe("netting-en.html (English, netting, UTF-8 without a BOM)", () => {
  // BUY 1.00 in (-7.00), SELL 2.50 in/out (-17.50, profit 300.00), BUY 1.50 out (-10.50, swap -4.50, profit 300.00).
  // The in/out closes 1.00 of 2.50: its commission splits 1.00/2.50 x -17.50 = -7.00 closing, -10.50 opening.
  //   Trade 1 (BUY leg): -7.00 entry + -7.00 closing part = -14.00; net 300.00 - 14.00 = 286.00.
  //   Trade 2 (SELL leg opened by the in/out): -10.50 opening part + -10.50 exit = -21.00; net 300.00 - 21.00 - 4.50 = 274.50.
  function nettingTrades(accountId: number): StoredTrade[] {
    const eurusd = { ...imported, account_id: accountId, symbol: "EURUSD", position_ticket: 82000001, position_reason: null, comment: null };
    return [
      { ...eurusd, order_ticket: 82000002, deal_ticket: 72000003, position_type: "BUY", side: "BUY", lot_size: 1, entry_price: 1.085, exit_price: 1.088, stop_loss: null, take_profit: null, initial_stop_loss: 1.08, initial_take_profit: 1.095, profit: 300, commission: -14, entry_commission: -7, swap: 0, net_profit: 286, open_time: "2024-06-03T08:00:00", close_time: "2024-06-03T12:00:00", duration_seconds: 14400 },
      // The SELL leg's initial SL/TP are the in/out deal's, from its order 82000002.
      { ...eurusd, order_ticket: 82000003, deal_ticket: 72000004, position_type: "SELL", side: "SELL", lot_size: 1.5, entry_price: 1.088, exit_price: 1.086, stop_loss: 1.092, take_profit: 1.08, initial_stop_loss: 1.092, initial_take_profit: 1.08, profit: 300, commission: -21, entry_commission: -10.5, swap: -4.5, net_profit: 274.5, open_time: "2024-06-03T12:00:00", close_time: "2024-06-04T09:30:00", duration_seconds: 77400 },
    ];
  }

  const withoutInitialLevels = ({ initial_stop_loss: _sl, initial_take_profit: _tp, ...trade }: StoredTrade) => trade;

  it("splits the reversal into the two trades the EA would send, and reconciles with the Results", async () => {
    const done = await importFixture("netting-en.html");
    const account = accountOf(40255555)!;

    expect(account).toEqual({ id: account.id, login: 40255555, server: "ExampleBroker-Netting", currency: "USD" });
    expect(done.preview).toMatchObject({ language: "en", account: { margin: "netting" } });
    expect(done.result).toEqual({
      trades: tally({ new: 2 }),
      balance_operations: tally({ new: 1 }),
      rejected: [],
      kept: [],
      kept_total: 0,
      // -7.00 + (300.00 - 17.50) + (300.00 - 10.50 - 4.50) = 560.50 = 286.00 + 274.50
      reconciliation: { report: { totalNetProfit: 560.5, totalTrades: 2 }, ours: { netProfit: 560.5, trades: 2 }, explained: [], unexplained: { netProfit: 0, trades: 0 } },
    });
    // The reversed leg's initial SL/TP are checked on their own below (a known bug).
    expect(storedTrades().map(withoutInitialLevels)).toEqual(nettingTrades(account.id).map(withoutInitialLevels));
    expect(storedTrades()[0]).toMatchObject({ initial_stop_loss: 1.08, initial_take_profit: 1.095 });
    expect(balanceOperations()).toEqual([
      { account_id: account.id, type: "deposit", amount: 50000, time: at("2024.06.03 06:00:00"), ticket: 72000001, comment: "Deposit", import_id: done.id },
    ]);
  });

  // The EA sends the in/out deal's DEAL_SL/DEAL_TP (its order's 1.09200 / 1.08000); the rule gives
  // them to the leg it opens.
  it("gives the leg an in/out deal opens the SL/TP of the in/out deal's order", async () => {
    await importFixture("netting-en.html");
    expect(storedTrades()[1]).toMatchObject({ initial_stop_loss: 1.092, initial_take_profit: 1.08 });
  });
});
