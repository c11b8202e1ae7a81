import { createHash } from "node:crypto";
import type { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import type { CsvRecord } from "@/lib/import/parse-csv";
import {
  csvMappedFields,
  type CsvColumnMapping,
  type CsvMappedField,
  type CsvTimeFormat,
} from "@/lib/schemas/csv-column-mapping";
import { tradeCsvRow } from "@/lib/schemas/responses";
import { createTradeBody } from "@/lib/schemas/trade";
import { formatMt5Time, parseBrokerTime } from "@/lib/time/broker-time";
import { decodeTradeCsvRecord } from "@/lib/trades/trades-csv";

// Rows of a CSV file as trade payloads (createTradeBody input): our own export read back losslessly,
// or any other file through a column mapping the trader confirms.

export type CsvLayout = { kind: "journal" } | { kind: "mapped"; columns: string[]; suggested: CsvColumnMapping };

/** The trader's journal on an exported trade, and the source it was stored with, for the importer to restore. */
export interface CsvTradeJournal {
  note: string | null;
  tags: string[];
  source: string | null;
}

export type CsvTradeRow =
  | { ok: true; body: Record<string, unknown>; journal: CsvTradeJournal }
  | { ok: false; line: number; reason: string };

/** Reads one record; `line` is the file line the record starts on, for the error. */
export type CsvTradeReader = (record: CsvRecord, line: number) => CsvTradeRow;

/**
 * Deal tickets at or above this are import keys: derived from a row without a ticket (see
 * importKey). MT5 tickets are far below (they count deals, not nanoseconds).
 */
export const importKeyBase = 8_000_000_000_000_000;

// Columns every version of our export has had; the others may be missing (older files) or extra.
const journalColumns = ["id", "account_id", "source", "symbol", "deal_ticket", "position_type", "lot_size", "profit", "close_time", "net_profit"];

/** Our own export, or a file whose columns the trader maps (with a suggestion to start from). */
export function detectCsvLayout(header: readonly (string | null)[]): CsvLayout {
  const names = new Set(header);
  if (journalColumns.every((name) => names.has(name))) return { kind: "journal" };
  const columns = csvColumnNames(header);
  return { kind: "mapped", columns, suggested: suggestCsvMapping(columns) };
}

/**
 * The header's names as a mapping refers to them: trimmed, a blank one "Column 3" (its position),
 * a repeated one "Price (2)": MT5's and MT4's reports have two Time and two Price columns.
 */
export function csvColumnNames(header: readonly (string | null)[]): string[] {
  const taken = new Set<string>();
  return header.map((raw, index) => {
    const base = raw?.trim() || `Column ${index + 1}`;
    let name = base;
    for (let count = 2; taken.has(name); count += 1) name = `${base} (${count})`;
    taken.add(name);
    return name;
  });
}

// Names other tools give each field, compared as letters and digits only, lower case ("S / L" is "sl").
// A repeated "time" or "price" is the close's: the open's comes first in MT4 and MT5 reports.
const knownNames: Record<CsvMappedField, string[]> = {
  deal_ticket: ["dealticket", "deal", "ticket", "dealid"],
  order_ticket: ["orderticket", "order", "orderid"],
  position_ticket: ["positionticket", "position", "positionid"],
  symbol: ["symbol", "item", "instrument", "market"],
  side: ["side", "type", "positiontype", "direction"],
  lot_size: ["lotsize", "volume", "lots", "lot", "size"],
  entry_price: ["entryprice", "openprice", "entry", "price"],
  exit_price: ["exitprice", "closeprice", "exit", "price2"],
  stop_loss: ["stoploss", "sl"],
  take_profit: ["takeprofit", "tp"],
  profit: ["profit", "grossprofit"],
  commission: ["commission", "commissions"],
  swap: ["swap", "swaps"],
  fee: ["fee", "fees"],
  open_time: ["opentime", "entrytime", "opendate", "time"],
  close_time: ["closetime", "exittime", "closedate", "time2"],
  magic_number: ["magicnumber", "magic"],
  comment: ["comment", "comments"],
};

function comparable(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** A first guess from the columns' names, each column used at most once; options at their defaults. */
export function suggestCsvMapping(columns: readonly string[]): CsvColumnMapping {
  const byName = new Map<string, string>();
  for (const column of columns) {
    const name = comparable(column);
    if (!byName.has(name)) byName.set(name, column);
  }
  const used = new Set<string>();
  const fields = Object.fromEntries(csvMappedFields.map((field) => [field, null])) as Record<CsvMappedField, string | null>;
  for (const field of csvMappedFields) {
    const column = knownNames[field].map((name) => byName.get(name)).find((found) => found !== undefined && !used.has(found));
    if (column === undefined) continue;
    fields[field] = column;
    used.add(column);
  }
  return { fields, decimalComma: false, timeFormat: "mt5" };
}

/** A line with nothing in it (a trailing empty line, a spreadsheet's empty row): the caller skips it. */
export function isBlankCsvRecord(record: CsvRecord): boolean {
  return record.every((cell) => cell === null || cell.trim() === "");
}

/**
 * The reader of a file's records: our export back to the payload it was stored from, or a mapped
 * file's columns to a payload. Every answer is checked with createTradeBody, so its errors name the
 * file's column and cell. Throws a 422 ApiError when the mapping names a column the file lacks.
 */
export function createCsvTradeReader(
  header: readonly (string | null)[],
  layout: CsvLayout,
  mapping?: CsvColumnMapping,
): CsvTradeReader {
  const read = layout.kind === "journal" ? journalRowReader(header, mapping) : mappedRowReader(header, mapping ?? layout.suggested);
  return (record, line) => {
    const fail = (column: string | null, problem: string): CsvTradeRow => ({
      ok: false,
      line,
      reason: column === null ? `line ${line}: ${problem}` : `line ${line}: column "${column}"${problem}`,
    });
    const extra = record.slice(header.length).filter((cell) => cell !== null && cell !== "");
    if (extra.length > 0) return fail(null, `${record.length} cells where the header has ${header.length}`);
    const cellAt = (index: number) => record[index] ?? null;
    const row = read(cellAt);
    if ("problem" in row) return fail(row.column, cellProblem(row.cell, row.problem));
    const checked = createTradeBody.safeParse(row.body);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path.join(".");
      const source = row.columnOf(String(issue.path[0]));
      const problem = `is invalid: ${issue.message}`;
      return source ? fail(source.name, cellProblem(cellAt(source.index), problem)) : fail(null, `${field} ${problem}`);
    }
    return { ok: true, body: row.body, journal: row.journal };
  };
}

/** `: "31/02/2024" is not a date`, or ` is empty`. */
function cellProblem(cell: string | null | undefined, problem: string): string {
  if (cell === undefined || cell === null || cell.trim() === "") return " is empty";
  return `: ${JSON.stringify(cell)} ${problem}`;
}

type CellAt = (index: number) => string | null;

type RowResult =
  | {
      body: Record<string, unknown>;
      journal: CsvTradeJournal;
      /** The column a payload field came from, to name it in an error; null when none did. */
      columnOf: (field: string) => { name: string; index: number } | null;
    }
  | { column: string; cell: string | null | undefined; problem: string };

// ---- Our own export -------------------------------------------------------------------------

// The payload fields the export has a column for; derived columns (id, account_id, side, net_profit,
// duration_seconds, created_at) and the journal (note, tags, source) are not payload.
const payloadColumns = new Set(Object.keys(createTradeBody.shape).filter((key) => key in tradeCsvRow.shape));

function journalRowReader(header: readonly (string | null)[], mapping: CsvColumnMapping | undefined) {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    if (name !== null && !index.has(name)) index.set(name, position);
  });
  const known = (Object.keys(tradeCsvRow.shape) as (keyof typeof tradeCsvRow.shape)[]).filter((name) => index.has(name));
  const rowSchema = tradeCsvRow.pick(Object.fromEntries(known.map((name) => [name, true])) as { [K in (typeof known)[number]]?: true });
  const columnOf = (field: string) => {
    const position = index.get(field);
    return position === undefined ? null : { name: field, index: position };
  };

  return (cellAt: CellAt): RowResult => {
    const cells = known.map((name) => cellAt(index.get(name)!));
    const parsed = rowSchema.safeParse(decodeTradeCsvRecord(known, cells));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = String(issue.path[0]);
      return { column, cell: cellAt(index.get(column)!), problem: schemaProblem(issue) };
    }
    const row = parsed.data as Record<string, unknown>;
    const body: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (payloadColumns.has(field) && value !== null) body[field] = value;
    }
    for (const field of ["open_time", "close_time"] as const) {
      if (typeof row[field] !== "string") continue;
      const time = readTime(row[field], "iso");
      if (time === null) return { column: field, cell: cellAt(index.get(field)!), problem: "is not a date" };
      body[field] = time.text;
    }
    // A row of the default account, or a file exported before the account columns: the trader's choice.
    if (body.account_login === undefined && body.account_server === undefined) Object.assign(body, accountBody(mapping));
    return {
      body,
      journal: {
        note: (row.note as string | null | undefined) ?? null,
        tags: (row.tags as string[] | undefined) ?? [],
        source: (row.source as string | undefined) ?? null,
      },
      columnOf,
    };
  };
}

function schemaProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.expected === "number") return "is not a number";
  if (issue.code === "invalid_type" && issue.expected === "int") return "is not a whole number";
  if (issue.code === "invalid_value") return `is not one of ${issue.values.join(", ")}`;
  return `is invalid (${issue.message})`;
}

function accountBody(mapping: CsvColumnMapping | undefined): Record<string, unknown> {
  const account = mapping?.account;
  if (!account) return {};
  return {
    account_login: account.login,
    account_server: account.server,
    ...(account.currency == null ? {} : { account_currency: account.currency }),
  };
}

// ---- Any other file, through a mapping --------------------------------------------------------

type FieldKind = "ticket" | "number" | "side" | "time" | "text";

const fieldKinds: Record<CsvMappedField, FieldKind> = {
  deal_ticket: "ticket",
  order_ticket: "ticket",
  position_ticket: "ticket",
  symbol: "text",
  side: "side",
  lot_size: "number",
  entry_price: "number",
  exit_price: "number",
  stop_loss: "number",
  take_profit: "number",
  profit: "number",
  commission: "number",
  swap: "number",
  fee: "number",
  open_time: "time",
  close_time: "time",
  magic_number: "ticket",
  comment: "text",
};

// The payload field each mapped field fills: the position's side is what position_type carries.
const payloadField = (field: CsvMappedField) => (field === "side" ? "position_type" : field);

const sides: Record<string, "BUY" | "SELL"> = { buy: "BUY", long: "BUY", sell: "SELL", short: "SELL" };

function mappedRowReader(header: readonly (string | null)[], mapping: CsvColumnMapping) {
  const names = csvColumnNames(header);
  const sources: { field: CsvMappedField; name: string; index: number }[] = [];
  const missing: { field: string; message: string }[] = [];
  for (const field of csvMappedFields) {
    const name = mapping.fields[field];
    if (name === null) continue;
    const index = names.indexOf(name);
    if (index === -1) missing.push({ field: `mapping.fields.${field}`, message: `the file has no column "${name}"` });
    else sources.push({ field, name, index });
  }
  if (missing.length > 0) {
    throw new ApiError("validation_error", `The mapping names columns the file does not have (it has ${names.map((name) => `"${name}"`).join(", ")})`, missing);
  }
  const account = accountBody(mapping);
  const columnOf = (field: string) => sources.find((source) => payloadField(source.field) === field) ?? null;

  return (cellAt: CellAt): RowResult => {
    const body: Record<string, unknown> = {};
    const seconds: Partial<Record<CsvMappedField, number>> = {};
    for (const { field, name, index } of sources) {
      const cell = cellAt(index);
      const text = cell?.trim() ?? "";
      if (text === "") continue;
      const fail = (problem: string): RowResult => ({ column: name, cell, problem });
      switch (fieldKinds[field]) {
        case "text":
          body[field] = field === "symbol" ? text : cell;
          break;
        case "side": {
          const side = sides[text.toLowerCase()];
          if (!side) return fail("is not buy, sell, long or short");
          body.position_type = side;
          break;
        }
        case "number":
        case "ticket": {
          const value = readNumber(text, mapping.decimalComma);
          if (value === null) return fail(numberProblem(text, mapping.decimalComma));
          if (fieldKinds[field] === "ticket" && !Number.isSafeInteger(value)) return fail("is not a whole number");
          // MT4 and MT5 reports write 0 for "no ticket"; a derived key stands in for a missing deal ticket.
          if (field === "deal_ticket" && value === 0) break;
          body[field] = value;
          break;
        }
        case "time": {
          const time = readTime(text, mapping.timeFormat);
          if (time === null) return fail("is not a date");
          body[field] = time.text;
          seconds[field] = time.seconds;
          break;
        }
      }
    }
    Object.assign(body, account);
    if (body.deal_ticket === undefined) body.deal_ticket = importKey(body, seconds);
    return { body, journal: { note: null, tags: [], source: null }, columnOf };
  };
}

/**
 * A deal ticket for a row without one, from what makes the trade (never its line, so a re-import
 * or a reordered file gives the same keys): importKeyBase + the first 48 bits of the SHA-256 of
 * the row's account, symbol, side, times, lot size, prices, profit and tickets.
 */
function importKey(body: Record<string, unknown>, seconds: Partial<Record<"open_time" | "close_time", number>>): number {
  const canonical = JSON.stringify([
    body.account_login ?? null,
    body.account_server ?? null,
    body.symbol ?? null,
    body.position_type ?? null,
    seconds.open_time ?? null,
    seconds.close_time ?? null,
    body.lot_size ?? null,
    body.entry_price ?? null,
    body.exit_price ?? null,
    body.profit ?? null,
    body.position_ticket ?? null,
    body.order_ticket ?? null,
  ]);
  const digest = createHash("sha256").update(canonical).digest();
  return importKeyBase + (digest.readUIntBE(0, 6) % 1_000_000_000_000_000);
}

/**
 * A number as a trader's file writes it: an optional sign, digits grouped by spaces or apostrophes
 * if at all ("1 234.56"), one decimal separator. A comma or point is never taken as a thousands
 * separator: "1,500" in a file of decimal points is an error, not 1500.
 */
function readNumber(text: string, decimalComma: boolean): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  const pattern = decimalComma ? /^[+-]?(\d+(,\d*)?|,\d+)$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
  if (!pattern.test(compact)) return null;
  return Number(decimalComma ? compact.replace(",", ".") : compact);
}

function numberProblem(text: string, decimalComma: boolean): string {
  if (readNumber(text, !decimalComma) !== null) return `is not a number (a decimal ${decimalComma ? "comma" : "point"} is expected)`;
  return "is not a number";
}

const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time in the file's format as the payload's "YYYY.MM.DD HH:MM:SS" (an ISO time with an offset is kept, offset and all). */
function readTime(text: string, format: CsvTimeFormat): { text: string; seconds: number } | null {
  let value = text.trim();
  if (format === "dmy" || format === "mdy") {
    const match = dayFirst.exec(value);
    if (!match) return null;
    const [, first, second, year, hour = "0", minute = "0", secondOfMinute = "0"] = match;
    const [day, month] = format === "dmy" ? [first!, second!] : [second!, first!];
    const pad = (part: string) => part.padStart(2, "0");
    value = `${year}.${pad(month)}.${pad(day)} ${pad(hour)}:${minute}:${pad(secondOfMinute)}`;
  }
  const parsed = parseBrokerTime(value);
  if ("error" in parsed) return null;
  return { text: parsed.utcOffsetMinutes === null ? formatMt5Time(parsed.seconds) : value, seconds: parsed.seconds };
}
