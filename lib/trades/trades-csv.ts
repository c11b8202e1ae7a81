import { z } from "zod";
import { tradeCsvRow } from "@/lib/schemas/responses";

// The CSV form of a trade: the API's resource plus its account's login, server and currency, one
// column per field, written so that reading it back (decodeTradeCsvRecord) gives exactly those values.

export type TradeCsvRow = z.infer<typeof tradeCsvRow>;

/** The account cells of a row; all null for the default account (trades sent without account fields). */
export type TradeCsvAccount = Pick<TradeCsvRow, "account_login" | "account_server" | "account_currency">;

/** The columns: the CSV row's fields in its order, so a field added to the trade resource is exported too. */
export const tradeCsvColumns = Object.keys(tradeCsvRow.shape) as (keyof TradeCsvRow)[];

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark. */
export const byteOrderMark = "\uFEFF";

const lineEnd = "\r\n";

export function tradeCsvHeader(): string {
  return tradeCsvColumns.join(",") + lineEnd;
}

/** One trade and its account's cells as one CSV line, its line end included. */
export function tradeCsvLine(row: TradeCsvRow): string {
  return tradeCsvColumns.map((column) => csvCell(row[column])).join(",") + lineEnd;
}

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

/**
 * A value as a CSV cell: null is an empty cell, empty text a quoted empty one (""); numbers and
 * booleans print as in JSON; a list is its items joined by commas. Text is guarded against
 * formula injection, then quoted when it holds a comma, quote, CR or LF (RFC 4180).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = guardFormula(typeof value === "string" ? value : value.join(","));
  return text === "" || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP; ASVS 1.2.10 adds NUL).
// Such text gets a leading apostrophe, which makes it text; text that already starts with an
// apostrophe gets one more, so dropping the first apostrophe on reading restores every value.
const formulaStart = /^[=+\-@\t\r\0']/;

function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function unguardFormula(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

type ColumnKind = "number" | "boolean" | "list" | "text";

/** How a column's cells are read back, from the row schema. */
function columnKind(schema: z.ZodType): ColumnKind {
  const inner = schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodNumber) return "number";
  if (inner instanceof z.ZodBoolean) return "boolean";
  if (inner instanceof z.ZodArray) return "list";
  return "text";
}

const columnKinds = new Map<string, ColumnKind>(
  Object.entries(tradeCsvRow.shape).map(([name, schema]) => [name, columnKind(schema as z.ZodType)]),
);

/**
 * A record of the export (from lib/import/parse-csv.ts) back to the API's values, by the header's
 * column names: the inverse of tradeCsvLine. Unknown columns are read as text; malformed cells
 * come back as values that tradeCsvRow rejects (NaN, a non-boolean string), for the caller to report.
 */
export function decodeTradeCsvRecord(header: readonly (string | null)[], record: readonly (string | null)[]) {
  const values: Record<string, unknown> = {};
  header.forEach((name, index) => {
    if (name === null) return;
    values[name] = decodeCell(columnKinds.get(name) ?? "text", record[index] ?? null);
  });
  return values;
}

function decodeCell(kind: ColumnKind, cell: string | null): unknown {
  if (cell === null) return kind === "list" ? [] : null;
  switch (kind) {
    case "number":
      return cell.trim() === "" ? Number.NaN : Number(cell);
    case "boolean":
      return cell === "true" ? true : cell === "false" ? false : cell;
    case "list": {
      const text = unguardFormula(cell);
      return text === "" ? [] : text.split(",");
    }
    case "text":
      return unguardFormula(cell);
  }
}
