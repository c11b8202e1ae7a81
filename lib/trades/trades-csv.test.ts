import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/import/parse-csv";
import { tradeCsvRow, tradeResource } from "@/lib/schemas/responses";
import { csvCell, decodeTradeCsvRecord, tradeCsvColumns, tradeCsvHeader, tradeCsvLine, type TradeCsvRow } from "@/lib/trades/trades-csv";

const trade: TradeCsvRow = {
  id: 7,
  account_id: 2,
  account_login: 9_007_199_254_740_991,
  account_server: "ICMarkets-Live, 07",
  account_currency: "USD",
  source: "ea",
  symbol: "XAUUSD.m",
  order_ticket: 1001,
  deal_ticket: 9_007_199_254_740_991,
  position_ticket: null,
  position_type: "SELL",
  side: "SELL",
  position_reason: null,
  lot_size: 0.1,
  entry_price: 2050.25,
  exit_price: 2048.1,
  stop_loss: null,
  take_profit: 2040,
  initial_stop_loss: 2055.75,
  initial_take_profit: null,
  profit: 21.5,
  commission: -0.7,
  entry_commission: -0.35,
  swap: -1.23,
  fee: 0,
  net_profit: 19.57,
  open_time: "2026-01-02T10:11:12",
  close_time: "2026-01-02T14:00:00",
  duration_seconds: 13_728,
  utc_offset_minutes: -300,
  magic_number: 0,
  comment: 'tp, "runner"\r\nsecond line',
  created_at: "2026-11-24T20:19:27.787Z",
  note: "=HYPERLINK(\"http://x\")",
  tags: ["breakout", "london"],
};

describe("csvCell", () => {
  it("writes numbers and booleans as JSON prints them, null as an empty cell", () => {
    expect([-12.5, 0, 1e21, 0.1 + 0.2, 9_007_199_254_740_991, -0.00001].map(csvCell)).toEqual([
      "-12.5",
      "0",
      "1e+21",
      "0.30000000000000004",
      "9007199254740991",
      "-0.00001",
    ]);
    expect([true, false, null, undefined].map(csvCell)).toEqual(["true", "false", "", ""]);
  });

  it("quotes text with a comma, quote, CR or LF, doubling the quotes, and empty text", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("one\ntwo")).toBe('"one\ntwo"');
    expect(csvCell("one\r\ntwo")).toBe('"one\r\ntwo"');
    expect(csvCell("")).toBe('""');
    expect(csvCell("Größe 👍 日本")).toBe("Größe 👍 日本");
  });

  it("joins a list with commas", () => {
    expect(csvCell(["breakout", "london"])).toBe('"breakout,london"');
    expect(csvCell(["solo"])).toBe("solo");
    expect(csvCell([])).toBe('""');
  });

  it("makes text that a spreadsheet would run as a formula start with an apostrophe", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+49 call")).toBe("'+49 call");
    expect(csvCell("-sl moved")).toBe("'-sl moved");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tindent")).toBe("'\tindent");
    expect(csvCell("=cmd|' /C calc'!A0,x")).toBe(`"'=cmd|' /C calc'!A0,x"`);
    expect(csvCell("'quoted'")).toBe("''quoted'");
    expect(csvCell(["=x", "y"])).toBe(`"'=x,y"`);
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("trade CSV lines", () => {
  it("has a header of the resource's fields in its order, the account's login, server and currency after account_id", () => {
    const [id, accountId, ...rest] = Object.keys(tradeResource.shape);
    expect(tradeCsvColumns).toEqual([id, accountId, "account_login", "account_server", "account_currency", ...rest]);
    expect(tradeCsvColumns.slice(0, 7)).toEqual(["id", "account_id", "account_login", "account_server", "account_currency", "source", "symbol"]);
    expect(tradeCsvHeader()).toBe(`${tradeCsvColumns.join(",")}\r\n`);
  });

  it("writes a trade as the API gives it, one cell per field", () => {
    const line = tradeCsvLine(trade);
    expect(line.endsWith("\r\n")).toBe(true);
    const cells = Object.fromEntries(tradeCsvColumns.map((column, index) => [column, parseCsv(line)[0]![index]]));
    expect(cells).toMatchObject({
      account_id: "2",
      account_login: "9007199254740991",
      account_server: "ICMarkets-Live, 07",
      account_currency: "USD",
      deal_ticket: "9007199254740991",
      position_ticket: null,
      commission: "-0.7",
      entry_commission: "-0.35",
      initial_stop_loss: "2055.75",
      initial_take_profit: null,
      utc_offset_minutes: "-300",
      close_time: "2026-01-02T14:00:00",
      comment: 'tp, "runner"\r\nsecond line',
      note: "'=HYPERLINK(\"http://x\")",
      tags: "breakout,london",
    });
    expect(line).toContain(',"tp, ""runner""\r\nsecond line",');
    expect(line.startsWith('7,2,9007199254740991,"ICMarkets-Live, 07",USD,ea,')).toBe(true);
  });

  it("reads back exactly the API's values, awkward text included", () => {
    const awkward: Partial<TradeCsvRow>[] = [
      {},
      { comment: "", note: null, tags: [] },
      { comment: "'already quoted", note: "-5 pips, then \"BE\"\n", tags: ["=sum", "@me", "+1", "-x", "'q"] },
      { comment: "\t", symbol: "DE40 Größe", note: "🙂 日本語", tags: ["ünï"] },
      { side: null, open_time: null, duration_seconds: null, magic_number: null, order_ticket: null, comment: null },
      { initial_stop_loss: null, initial_take_profit: 2031.4, entry_commission: 0 },
      { account_login: null, account_server: null, account_currency: null },
      { account_server: "=Demo", account_currency: "" },
    ];
    const trades = awkward.map((change, index) => ({ ...trade, id: index + 1, ...change }));
    const text = tradeCsvHeader() + trades.map(tradeCsvLine).join("");
    const [header, ...records] = parseCsv(text);
    expect(records).toHaveLength(trades.length);
    const decoded = records.map((record) => tradeCsvRow.parse(decodeTradeCsvRecord(header!, record)));
    expect(decoded).toEqual(trades);
  });

  it("reads malformed cells as values the row schema refuses", () => {
    const header = ["id", "lot_size", "tags", "account_login", "extra"];
    expect(decodeTradeCsvRecord(header, ["x", "", null, "1e", "kept"])).toEqual({
      id: Number.NaN,
      lot_size: Number.NaN,
      tags: [],
      account_login: Number.NaN,
      extra: "kept",
    });
    expect(tradeCsvRow.safeParse({ ...trade, ...decodeTradeCsvRecord(header, ["x", "1"]) }).success).toBe(false);
    expect(tradeCsvRow.safeParse({ ...trade, ...decodeTradeCsvRecord(["account_login"], ["1.5"]) }).success).toBe(false);
  });
});
