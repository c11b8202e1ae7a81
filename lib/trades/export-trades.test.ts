import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listAccounts } from "@/lib/accounts/list-accounts";
import type { AccountResource } from "@/lib/accounts/account-resource";
import { sqlite } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { validate } from "@/lib/http/validate";
import { parseCsv } from "@/lib/import/parse-csv";
import { tradeCsvRow, tradeResource } from "@/lib/schemas/responses";
import { exportTradesQuery, listTradesQuery } from "@/lib/schemas/trade-query";
import { createTradeBody } from "@/lib/schemas/trade";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { toLegacyKeys } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { exportFileName, exportTrades } from "@/lib/trades/export-trades";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";
import type { TradeResource } from "@/lib/trades/trade-record";
import {
  byteOrderMark,
  decodeTradeCsvRecord,
  tradeCsvColumns,
  tradeCsvHeader,
  tradeCsvLine,
  type TradeCsvRow,
} from "@/lib/trades/trades-csv";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

const demo = generateDemoTrades({ seed: 11, positionsPerAccount: 60 });
const chunkSize = 7;

// Text that CSV and spreadsheets find awkward, in comments and notes.
const awkward = ['a, "b"\r\nc', "=1+1", "-sl moved", "@user", "'quoted", "Größe 👍 日本", "", "+", "\ttab"];

let accounts: AccountResource[] = [];

beforeAll(async () => {
  resetDatabase();
  // Legacy rows (no open time -> null duration) put nulls into the duration sort.
  const legacy = { ...toLegacyKeys(demo[0]!), deal_ticket: 1, open_time: "1970.01.01 00:00:00" };
  const odd = awkward.map((comment, index) => ({ ...demo[index + 5], deal_ticket: 10 + index, comment }));
  storeTrades([...demo, legacy, { ...legacy, deal_ticket: 2 }, ...odd].map((trade) => validate(createTradeBody, trade, "trade")));
  for (let id = 2; id <= 80; id += 2) updateTradeJournal(id, validate(updateTradeJournalBody, { tags: ["london"] }, "trade"));
  awkward.forEach((text, index) => {
    const body = { note: text || null, tags: index % 3 === 0 ? [] : [`=t${index}`, "london", "ünï"] };
    updateTradeJournal(index * 3 + 1, validate(updateTradeJournalBody, body, "trade"));
  });
  accounts = await listAccounts();
});

/** A listed trade with its account's cells, as the export should write it (as GET /api/v1/accounts tells them). */
function withAccount(trade: TradeResource): TradeCsvRow {
  const account = accounts.find((item) => item.id === trade.account_id)!;
  return account.is_default
    ? { ...trade, account_login: null, account_server: null, account_currency: null }
    : { ...trade, account_login: account.login, account_server: account.server, account_currency: account.currency };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The whole export as text (byte order mark kept) and the number of pieces the stream gave. */
async function exportText(query: Record<string, unknown>) {
  const { body } = exportTrades(validate(exportTradesQuery, query, "query"), { chunkSize });
  const reader = body.getReader();
  const pieces: Uint8Array[] = [];
  for (let piece = await reader.read(); !piece.done; piece = await reader.read()) pieces.push(piece.value);
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(pieces)), pieces: pieces.length };
}

/** Every page of GET /api/v1/trades for the same query, one after the other. */
function listAll(query: Record<string, unknown>): TradeResource[] {
  const trades: TradeResource[] = [];
  let cursor: string | null | undefined;
  do {
    const page = listTrades(validate(listTradesQuery, { ...query, limit: "13", ...(cursor ? { cursor } : {}) }, "query"));
    trades.push(...page.data);
    cursor = page.page.next_cursor;
  } while (cursor);
  return trades;
}

describe("exportTrades", () => {
  const middle = "2026-05-01T00:00:00";
  it.each<[string, Record<string, unknown>]>([
    ["no filter", {}],
    ["symbol", { symbol: "EURUSD" }],
    ["magic_number, repeated", { magic_number: ["0", "2002"] }],
    ["a date range", { from: "2026.02.01 00:00", to: middle }],
    ["an outcome", { outcome: "loss" }],
    ["sort=-net_profit", { sort: "-net_profit" }],
    ["sort=duration_seconds (nulls last)", { sort: "duration_seconds" }],
    ["sort=-duration_seconds with a symbol", { sort: "-duration_seconds", symbol: ["EURUSD", "GBPUSD"] }],
    ["a tag", { tag: "london", sort: "symbol" }],
    ["nothing matching", { symbol: "NONE" }],
  ])("answers exactly the list's trades in its order: %s", async (_name, query) => {
    const expected = listAll(query).map(withAccount);
    if (query.symbol !== "NONE") expect(expected.length).toBeGreaterThan(2 * chunkSize);
    const { text, pieces } = await exportText(query);

    expect(text).toBe(byteOrderMark + tradeCsvHeader() + expected.map(tradeCsvLine).join(""));
    expect(pieces).toBe(Math.max(1, Math.ceil(expected.length / chunkSize)));
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(tradeCsvColumns);
    expect(records.map((record) => tradeCsvRow.parse(decodeTradeCsvRecord(header!, record)))).toEqual(expected);
  });

  it("writes each trade's account login, server and currency, and empty cells for the default account", async () => {
    const rows = parseCsv((await exportText({})).text).slice(1).map((record) => tradeCsvRow.parse(decodeTradeCsvRecord(tradeCsvColumns, record)));
    const named = accounts.filter((account) => !account.is_default);
    expect(named.length).toBeGreaterThan(1);
    for (const account of named) {
      const own = rows.filter((row) => row.account_id === account.id);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((row) => `${row.account_login}|${row.account_server}|${row.account_currency}`))).toEqual(
        new Set([`${account.login}|${account.server}|${account.currency}`]),
      );
      expect(account.login).toBeGreaterThan(0);
    }
    const legacy = rows.filter((row) => row.source === "legacy");
    expect(legacy).toHaveLength(2);
    for (const row of legacy) expect(row).toMatchObject({ account_login: null, account_server: null, account_currency: null });
  });

  it("covers the whole table in many chunks, and the awkward text survives the round trip", async () => {
    const all = listAll({});
    expect(all).toHaveLength(demo.length + 2 + awkward.length);
    expect(all.length / chunkSize).toBeGreaterThan(20);
    const { text } = await exportText({});
    const decoded = parseCsv(text).slice(1).map((record) => tradeResource.parse(decodeTradeCsvRecord(tradeCsvColumns, record)));
    const comments = new Set(decoded.map((trade) => trade.comment));
    const notes = new Set(decoded.map((trade) => trade.note));
    for (const text of awkward) expect(comments.has(text), JSON.stringify(text)).toBe(true);
    for (const text of awkward.filter(Boolean)) expect(notes.has(text), JSON.stringify(text)).toBe(true);
    expect(decoded.some((trade) => trade.comment === null)).toBe(true);
    expect(decoded.some((trade) => trade.tags.includes("=t1"))).toBe(true);
  });

  it("stops reading when the reader cancels", async () => {
    type Statement = { source: string; all: (...params: unknown[]) => unknown[] };
    const statement = Object.getPrototypeOf(sqlite().prepare("SELECT 1")) as Statement;
    const spy = vi.spyOn(statement, "all");
    // The chunks' reads of trades (the accounts are read beside them).
    const chunkReads = () => spy.mock.contexts.filter((context) => (context as Statement).source.includes("FROM trades t")).length;
    const { body } = exportTrades(validate(exportTradesQuery, {}, "query"), { chunkSize });
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    expect(chunkReads()).toBe(2);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunkReads()).toBe(2);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it("names the file after the UTC time of the export", () => {
    const now = new Date(Date.UTC(2026, 0, 2, 14, 5, 59));
    expect(exportFileName(now)).toBe("trades-20260102-1405.csv");
    expect(exportTrades(validate(exportTradesQuery, {}, "query"), { now }).fileName).toBe("trades-20260102-1405.csv");
  });

  it("takes the list's filters and sort, but not its paging", () => {
    expect(validate(exportTradesQuery, { symbol: "EURUSD", sort: "-net_profit" }, "query")).toMatchObject({ symbol: ["EURUSD"], sort: "-net_profit" });
    for (const query of [{ limit: "10" }, { cursor: "abc" }, { magic_number: "x" }, { sort: "note" }]) {
      expect(() => validate(exportTradesQuery, query, "query")).toThrow(ApiError);
    }
  });
});
