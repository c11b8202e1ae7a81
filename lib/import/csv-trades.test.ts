import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import {
  createCsvTradeReader,
  csvColumnNames,
  detectCsvLayout,
  importKeyBase,
  isBlankCsvRecord,
  suggestCsvMapping,
  type CsvTradeRow,
} from "@/lib/import/csv-trades";
import { parseCsv } from "@/lib/import/parse-csv";
import { csvColumnMapping, type CsvColumnMapping } from "@/lib/schemas/csv-column-mapping";
import { createTradeBody } from "@/lib/schemas/trade";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { toTradeResource } from "@/lib/trades/trade-record";
import { toTradeValues } from "@/lib/trades/trade-values";
import { tradeCsvColumns, tradeCsvHeader, tradeCsvLine, type TradeCsvRow } from "@/lib/trades/trades-csv";

const account = { account_login: 9_007_199_254_740_991, account_server: "ICMarkets-Live, 07", account_currency: "USD" };
const full = {
  symbol: "XAUUSD.m",
  order_ticket: 9_007_199_254_740_990,
  deal_ticket: 9_007_199_254_740_991,
  position_ticket: 4_503_599_627_370_496,
  position_type: "SELL",
  position_reason: "STOP_LOSS",
  lot_size: 0.07,
  entry_price: 2050.25,
  exit_price: 2061.1,
  stop_loss: 2061,
  take_profit: 0,
  initial_stop_loss: 2061,
  initial_take_profit: 2031.4,
  profit: -75.95,
  commission: -0.7,
  entry_commission: -0.35,
  swap: -1.23,
  fee: -0.01,
  open_time: "2026.01.02 10:11:12",
  close_time: "2026.01.02 14:00:00",
  utc_offset_minutes: -300,
  magic_number: 0,
  comment: 'sl, "hit"\r\nsecond line',
  ...account,
};

interface Stored {
  body: Record<string, unknown>;
  note?: string | null;
  tags?: string[];
}

// Trades as our EA, the legacy EA or an import stores them, with the trader's journal.
const stored: Stored[] = [
  { body: full, note: "=cmd|' /C calc'!A0", tags: ["=sum", "london", "'q"] },
  { body: { ...full, deal_ticket: 2, comment: "=cmd", magic_number: 9_007_199_254_740_991, account_currency: undefined }, note: "" },
  { body: { ...full, deal_ticket: 3, comment: "", open_time: null, entry_price: null, stop_loss: null, initial_stop_loss: null } },
  {
    body: {
      symbol: "DE40 Größe",
      deal_ticket: 4,
      position_type: "UNKNOWN",
      lot_size: 1,
      profit: 0,
      close_time: "2026-03-01T10:00:00+02:00",
      comment: "-sl moved",
      account_login: 1,
      account_server: "=Demo",
      account_currency: "eur",
    },
    note: "-5 pips, then \"BE\"\n",
    tags: ["ünï"],
  },
  // The legacy bridge EA: no account (the default account), the exit deal's direction, no open time.
  { body: { ...(JSON.parse(legacyPayloadText) as object), deal_ticket: 5, open_time: "1970.01.01 00:00:00" } },
  { body: { ...(JSON.parse(legacyPayloadText) as object), deal_ticket: 6, comment: "'quoted" }, tags: ["legacy"] },
];

/** What the journal stores for a payload and what its export writes: the test's stand-in for the database. */
function storeAndExport({ body, note = null, tags = [] }: Stored, id: number): TradeCsvRow {
  const payload = createTradeBody.parse(body);
  const values = toTradeValues(payload, payload.account_login == null ? 1 : 2, "exit_deal");
  const resource = toTradeResource({
    ...values,
    id,
    createdAt: "2026-11-24T20:19:27.787Z",
    note,
    tagList: tags.length > 0 ? [...tags].sort().join("\u001f") : null,
  });
  return {
    ...resource,
    account_login: payload.account_login ?? null,
    account_server: payload.account_server ?? null,
    account_currency: payload.account_currency ?? null,
  };
}

function readAll(text: string, mapping?: CsvColumnMapping, options?: { delimiter?: string }): CsvTradeRow[] {
  const [header, ...records] = parseCsv(text, options);
  const read = createCsvTradeReader(header!, detectCsvLayout(header!), mapping);
  return records.map((record, index) => read(record, index + 2));
}

function bodies(rows: CsvTradeRow[]): Record<string, unknown>[] {
  return rows.map((row) => {
    if (!row.ok) throw new Error(row.reason);
    return row.body;
  });
}

describe("our export read back", () => {
  const exported = stored.map((trade, index) => storeAndExport(trade, index + 1));
  const text = tradeCsvHeader() + exported.map(tradeCsvLine).join("");

  it("gives payloads that store and export again as the same values, journal and source included", () => {
    const rows = readAll(text);
    expect(rows).toHaveLength(stored.length);
    rows.forEach((row, index) => {
      if (!row.ok) throw new Error(row.reason);
      expect(createTradeBody.safeParse(row.body).success).toBe(true);
      const original = exported[index]!;
      expect(row.journal).toEqual({ note: original.note, tags: original.tags, source: original.source });
      const again = storeAndExport({ body: row.body, note: row.journal.note, tags: row.journal.tags }, original.id);
      expect(again).toEqual(original);
      expect(tradeCsvLine(again)).toBe(tradeCsvLine(original));
    });
  });

  it("sends payload keys only, times as the EA writes them, position_type as exported", () => {
    const [first, , third, fourth, legacy] = bodies(readAll(text));
    // take_profit 0 means none: stored as null, so not sent again; magic number 0 (manual) is a value.
    const { take_profit: _none, ...sent } = full;
    expect(first).toEqual(sent);
    expect(third).not.toHaveProperty("open_time");
    expect(fourth).toMatchObject({ position_type: "UNKNOWN", close_time: "2026.03.01 10:00:00", utc_offset_minutes: 120, account_currency: "EUR" });
    expect(legacy).toMatchObject({ position_type: "SELL" });
    expect(legacy).not.toHaveProperty("account_login");
    expect(exported[4]).toMatchObject({ source: "legacy", side: "BUY", position_type: "SELL" });
    for (const body of [first, third, fourth, legacy]) {
      for (const derived of ["id", "account_id", "side", "source", "net_profit", "duration_seconds", "created_at", "note", "tags"]) {
        expect(body).not.toHaveProperty(derived);
      }
    }
  });

  it("reads a file exported before the account columns existed, into the account the trader names", () => {
    const old = tradeCsvColumns.filter((column) => !column.startsWith("account_") || column === "account_id");
    // The same cells as written, minus the account columns (every cell quoted again, empty ones left empty).
    const quote = (cell: string | null | undefined) => (cell == null ? "" : `"${cell.replaceAll('"', '""')}"`);
    const lines = exported.map((row) => {
      const cells = parseCsv(tradeCsvLine(row))[0]!;
      return old.map((column) => quote(cells[tradeCsvColumns.indexOf(column)])).join(",");
    });
    const oldText = [old.join(","), ...lines].join("\r\n");
    const [header] = parseCsv(oldText);
    expect(detectCsvLayout(header!)).toEqual({ kind: "journal" });
    expect(bodies(readAll(oldText)).every((body) => body.account_login === undefined)).toBe(true);
    const mapping = { ...suggestCsvMapping([]), account: { login: 42, server: "Broker-Demo", currency: "USD" } };
    const moved = bodies(readAll(oldText, mapping));
    expect(moved.map((body) => [body.account_login, body.account_server, body.account_currency])).toEqual(
      exported.map(() => [42, "Broker-Demo", "USD"]),
    );
    moved.forEach((body) => expect(createTradeBody.safeParse(body).success).toBe(true));
  });

  it("names the column and the cell of a bad value", () => {
    const [header, record] = parseCsv(text);
    const read = createCsvTradeReader(header!, { kind: "journal" });
    const at = (column: string, cell: string | null) => {
      const changed = [...record!];
      changed[header!.indexOf(column)] = cell;
      return read(changed, 7);
    };
    expect(at("lot_size", "abc")).toEqual({ ok: false, line: 7, reason: 'line 7: column "lot_size": "abc" is not a number' });
    expect(at("symbol", null)).toMatchObject({ reason: 'line 7: column "symbol" is empty' });
    expect(at("position_type", "LONG")).toMatchObject({ reason: 'line 7: column "position_type": "LONG" is not one of BUY, SELL, UNKNOWN' });
    expect(at("close_time", "2026-02-30T00:00:00")).toMatchObject({ reason: 'line 7: column "close_time": "2026-02-30T00:00:00" is not a date' });
    expect(at("deal_ticket", "1.5")).toMatchObject({ reason: 'line 7: column "deal_ticket": "1.5" is not a whole number' });
    expect(at("lot_size", "0")).toMatchObject({ reason: expect.stringMatching(/^line 7: column "lot_size": "0" is invalid: Too small/) });
    expect(at("open_time", "2026-01-03T00:00:00")).toMatchObject({
      reason: 'line 7: column "open_time": "2026-01-03T00:00:00" is invalid: must not be after close_time',
    });
    expect(read([...record!, "surplus"], 9)).toEqual({ ok: false, line: 9, reason: `line 9: ${record!.length + 1} cells where the header has ${header!.length}` });
  });
});

describe("detectCsvLayout", () => {
  it("knows our export, with optional columns missing or extra", () => {
    expect(detectCsvLayout(tradeCsvColumns)).toEqual({ kind: "journal" });
    const trimmed = tradeCsvColumns.filter((column) => !["note", "tags", "initial_stop_loss", "entry_commission", "created_at"].includes(column));
    expect(detectCsvLayout([...trimmed, "my_column", null])).toEqual({ kind: "journal" });
  });

  it("asks for a mapping otherwise, with unique column names", () => {
    const layout = detectCsvLayout(tradeCsvColumns.filter((column) => column !== "net_profit"));
    expect(layout.kind).toBe("mapped");
    expect(detectCsvLayout(["Symbol", "Profit", null, "Price", " Price ", "", "Price (2)"])).toMatchObject({
      kind: "mapped",
      columns: ["Symbol", "Profit", "Column 3", "Price", "Price (2)", "Column 6", "Price (2) (2)"],
    });
    expect(csvColumnNames(["Column 2", null])).toEqual(["Column 2", "Column 2 (2)"]);
  });

  it("skips blank lines through isBlankCsvRecord", () => {
    expect(isBlankCsvRecord([null])).toBe(true);
    expect(isBlankCsvRecord([null, " ", ""])).toBe(true);
    expect(isBlankCsvRecord([null, "0"])).toBe(false);
  });
});

describe("suggestCsvMapping", () => {
  it("maps MT5's positions report, its two Time and Price columns open then close", () => {
    const header = ["Time", "Position", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Time", "Price", "Commission", "Swap", "Profit"];
    const layout = detectCsvLayout(header);
    if (layout.kind !== "mapped") throw new Error("expected a mapped layout");
    expect(layout.suggested).toEqual({
      fields: {
        deal_ticket: null,
        order_ticket: null,
        position_ticket: "Position",
        symbol: "Symbol",
        side: "Type",
        lot_size: "Volume",
        entry_price: "Price",
        exit_price: "Price (2)",
        stop_loss: "S / L",
        take_profit: "T / P",
        profit: "Profit",
        commission: "Commission",
        swap: "Swap",
        fee: null,
        open_time: "Time",
        close_time: "Time (2)",
        magic_number: null,
        comment: null,
      },
      decimalComma: false,
      timeFormat: "mt5",
    });
    expect(csvColumnMapping.parse(layout.suggested)).toEqual(layout.suggested);
  });

  it("matches names whatever their case, spaces and underscores", () => {
    const { fields } = suggestCsvMapping(["TICKET", "open_time", "Close  Time", "LOTS", "item", "Entry", "Exit", "sl", "TP", "Magic", "fee", "COMMENT", "Side", "Net Profit"]);
    expect(fields).toMatchObject({
      deal_ticket: "TICKET",
      open_time: "open_time",
      close_time: "Close  Time",
      lot_size: "LOTS",
      symbol: "item",
      entry_price: "Entry",
      exit_price: "Exit",
      stop_loss: "sl",
      take_profit: "TP",
      magic_number: "Magic",
      fee: "fee",
      comment: "COMMENT",
      side: "Side",
      profit: null,
    });
    expect(suggestCsvMapping(["Deal", "Instrument", "Size", "Open Price", "Close Price"]).fields).toMatchObject({
      deal_ticket: "Deal",
      symbol: "Instrument",
      lot_size: "Size",
      entry_price: "Open Price",
      exit_price: "Close Price",
    });
  });
});

describe("csvColumnMapping", () => {
  const fields = suggestCsvMapping(["Symbol", "Type", "Lots", "Profit", "Close Time"]).fields;

  it("fills the options' defaults and needs the columns every trade has", () => {
    expect(csvColumnMapping.parse({ fields })).toEqual({ fields, decimalComma: false, timeFormat: "mt5" });
    const missing = csvColumnMapping.safeParse({ fields: { ...fields, lot_size: null, close_time: null } });
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["fields.lot_size", "fields.close_time"]);
  });

  it("refuses unknown fields and options, and a half account", () => {
    expect(csvColumnMapping.safeParse({ fields: { ...fields, note: "Note" } }).success).toBe(false);
    expect(csvColumnMapping.safeParse({ fields, timeFormat: "ymd" }).success).toBe(false);
    expect(csvColumnMapping.safeParse({ fields, account: { login: 1 } }).success).toBe(false);
    expect(csvColumnMapping.parse({ fields, account: { login: 1, server: " S ", currency: "eur" } }).account).toEqual({
      login: 1,
      server: "S",
      currency: "EUR",
    });
  });
});

describe("a mapped file", () => {
  const europe =
    "Ticket;Item;Type;Lots;Open Time;Close Time;Open Price;Close Price;Profit;Commission;Comment\r\n" +
    "123456;EURUSD;Buy;1,5;31/01/2024 09:05:00;01/02/2024 17:30;1,08345;1,08745;1 234,56;-12,5;\"a; b\"\r\n" +
    "123457; GER40 ;SHORT;0,1;02/02/2024 08:00:00;02/02/2024 08:00:59;16 900,5;16 880;-20;;\r\n";
  const mapping = (changes: Partial<CsvColumnMapping> = {}): CsvColumnMapping => ({
    ...suggestCsvMapping(csvColumnNames(parseCsv(europe, { delimiter: ";" })[0]!)),
    decimalComma: true,
    timeFormat: "dmy",
    account: { login: 5001, server: "Broker-Live", currency: "EUR" },
    ...changes,
  });

  it("reads decimal commas and day-first times into valid payloads", () => {
    const read = bodies(readAll(europe, mapping(), { delimiter: ";" }));
    expect(read).toEqual([
      {
        deal_ticket: 123456,
        symbol: "EURUSD",
        position_type: "BUY",
        lot_size: 1.5,
        open_time: "2024.01.31 09:05:00",
        close_time: "2024.02.01 17:30:00",
        entry_price: 1.08345,
        exit_price: 1.08745,
        profit: 1234.56,
        commission: -12.5,
        comment: "a; b",
        account_login: 5001,
        account_server: "Broker-Live",
        account_currency: "EUR",
      },
      {
        deal_ticket: 123457,
        symbol: "GER40",
        position_type: "SELL",
        lot_size: 0.1,
        open_time: "2024.02.02 08:00:00",
        close_time: "2024.02.02 08:00:59",
        entry_price: 16900.5,
        exit_price: 16880,
        profit: -20,
        account_login: 5001,
        account_server: "Broker-Live",
        account_currency: "EUR",
      },
    ]);
    for (const body of read) expect(createTradeBody.safeParse(body).success).toBe(true);
  });

  it("reads month-first times, and mt5 or ISO ones", () => {
    const text = "Symbol,Side,Volume,Profit,Close Time\r\nEURUSD,long,1,1,02/01/2024 17:30:05\r\nEURUSD,sell,1,1,2024-02-01T17:30:05+02:00\r\n";
    const columns = csvColumnNames(parseCsv(text)[0]!);
    const monthFirst = readAll(text, { ...suggestCsvMapping(columns), timeFormat: "mdy" });
    expect(monthFirst[0]).toMatchObject({ ok: true, body: { close_time: "2024.02.01 17:30:05" } });
    expect(monthFirst[1]).toMatchObject({ ok: false, reason: 'line 3: column "Close Time": "2024-02-01T17:30:05+02:00" is not a date' });
    const iso = bodies(readAll(text.replace("02/01/2024 17:30:05", "2024.02.01 17:30:05"), suggestCsvMapping(columns)));
    expect(iso.map((body) => [body.position_type, body.close_time])).toEqual([
      ["BUY", "2024.02.01 17:30:05"],
      ["SELL", "2024-02-01T17:30:05+02:00"],
    ]);
  });

  it("names the column and the cell of a bad value", () => {
    const lines = europe.split("\r\n");
    const bad = (row: string, changes?: Partial<CsvColumnMapping>) =>
      readAll(`${lines[0]}\r\n${row}\r\n`, mapping(changes), { delimiter: ";" })[0];
    const row = lines[1]!;
    expect(bad(row.replace("01/02/2024 17:30", "31/02/2024"))).toEqual({
      ok: false,
      line: 2,
      reason: 'line 2: column "Close Time": "31/02/2024" is not a date',
    });
    expect(bad(row.replace("1,5;", "1.5;"))).toMatchObject({ reason: 'line 2: column "Lots": "1.5" is not a number (a decimal comma is expected)' });
    expect(bad(row, { decimalComma: false })).toMatchObject({
      reason: 'line 2: column "Lots": "1,5" is not a number (a decimal point is expected)',
    });
    expect(bad(row.replace("1,5;", "lots;"))).toMatchObject({ reason: 'line 2: column "Lots": "lots" is not a number' });
    expect(bad(row.replace("Buy", "Buy Limit"))).toMatchObject({ reason: 'line 2: column "Type": "Buy Limit" is not buy, sell, long or short' });
    expect(bad(row.replace("EURUSD", ""))).toMatchObject({ reason: 'line 2: column "Item" is empty' });
    expect(bad(row.replace("Buy", ""))).toMatchObject({ reason: 'line 2: column "Type" is empty' });
    expect(bad(row.replace("123456", "12.5"))).toMatchObject({ reason: 'line 2: column "Ticket": "12.5" is not a number (a decimal comma is expected)' });
    expect(bad(row.replace("123456", "12,5"))).toMatchObject({ reason: 'line 2: column "Ticket": "12,5" is not a whole number' });
    expect(bad(row.replace("1,5;", "0;"))).toMatchObject({ reason: expect.stringMatching(/^line 2: column "Lots": "0" is invalid: Too small/) });
    expect(bad(row.replace("31/01/2024 09:05:00", "02/02/2024 09:05:00"))).toMatchObject({
      reason: 'line 2: column "Open Time": "02/02/2024 09:05:00" is invalid: must not be after close_time',
    });
  });

  it("throws a 422 naming the mapped columns the file lacks", () => {
    const [header] = parseCsv(europe, { delimiter: ";" });
    const wrong = mapping({ fields: { ...mapping().fields, lot_size: "Volume", swap: "Swap" } });
    try {
      createCsvTradeReader(header!, detectCsvLayout(header!), wrong);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(422);
      expect((error as ApiError).details).toEqual([
        { field: "mapping.fields.lot_size", message: 'the file has no column "Volume"' },
        { field: "mapping.fields.swap", message: 'the file has no column "Swap"' },
      ]);
    }
  });
});

describe("import keys for rows without a deal ticket", () => {
  const header = "Symbol,Type,Volume,Open Time,Close Time,Price,Price,Profit,Ticket";
  const rows = [
    "EURUSD,buy,0.1,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40,",
    "EURUSD,buy,0.1,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40.01,0",
    "EURUSD,buy,0.1,2024.01.31 09:05:00,2024.02.01 17:30:01,1.08345,1.08745,40,",
    "EURUSD,sell,0.1,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40,",
    "GBPUSD,buy,0.1,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40,",
    "EURUSD,buy,0.2,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40,",
    "EURUSD,buy,0.1,,2024.02.01 17:30:00,1.08345,1.08745,40,",
  ];
  const mapping = suggestCsvMapping(csvColumnNames(header.split(",")));
  const keys = (lines: string[], changes: Partial<CsvColumnMapping> = {}) =>
    bodies(readAll([header, ...lines].join("\r\n"), { ...mapping, ...changes })).map((body) => body.deal_ticket as number);

  it("derives a key above every MT5 ticket from the row's content, the same for the same row", () => {
    const first = keys(rows);
    expect(new Set(first).size).toBe(rows.length);
    for (const key of first) {
      expect(Number.isSafeInteger(key)).toBe(true);
      expect(key).toBeGreaterThanOrEqual(importKeyBase);
      expect(key).toBeLessThan(importKeyBase + 2 ** 48);
    }
    expect(keys([rows[0]!, rows[0]!])).toEqual([first[0], first[0]]);
    expect(keys([...rows].reverse())).toEqual([...first].reverse());
    expect(keys(rows)).toEqual(first);
  });

  it("depends on the values, not how the file writes them, and on the account", () => {
    const first = keys(rows.slice(0, 1))[0];
    expect(keys(["EURUSD,BUY,0.10,31/01/2024 09:05,01/02/2024 17:30:00,1.083450,1.08745,40.00,"], { timeFormat: "dmy" })).toEqual([first]);
    expect(keys(rows.slice(0, 1), { account: { login: 7, server: "S" } })).not.toEqual([first]);
    const ticketed = "EURUSD,buy,0.1,2024.01.31 09:05:00,2024.02.01 17:30:00,1.08345,1.08745,40,77";
    expect(keys([ticketed])).toEqual([77]);
  });
});
