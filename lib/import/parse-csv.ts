/**
 * One CSV record. An empty field that was not quoted is null, a quoted one is "" (the convention
 * of PostgreSQL's CSV COPY), so a file can tell "no value" from "empty text".
 */
export type CsvRecord = (string | null)[];

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = "CsvParseError";
  }
}

export interface CsvParser {
  /** Reads the next piece of the text; answers the records it completed. */
  push(text: string): CsvRecord[];
  /** Ends the text; answers the last record, if one was open. */
  end(): CsvRecord[];
}

type State = "recordStart" | "fieldStart" | "unquoted" | "quoted" | "quoteInQuoted" | "afterCr";

/**
 * An RFC 4180 reader that takes its text in pieces, so a large upload is parsed as it streams in.
 * Lines may end in CRLF, LF or CR (Excel for Mac); a leading UTF-8 byte order mark is dropped; a
 * quote inside an unquoted field, text after a closing quote and an unclosed quote are errors.
 */
export function createCsvParser({ delimiter = "," }: { delimiter?: string } = {}): CsvParser {
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
    throw new Error(`A CSV delimiter is one character other than a quote or line end, not ${JSON.stringify(delimiter)}`);
  }
  const plainRun = new RegExp(`[^"\\r\\n${delimiter.replace(/[\\\]^-]/g, "\\$&")}]+`, "y");
  let state: State = "recordStart";
  let record: CsvRecord = [];
  let field = "";
  let line = 1;
  let quoteLine = 1;
  let begun = false;

  function push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let index = 0;
    if (!begun && text.length > 0) {
      begun = true;
      if (text.startsWith("\uFEFF")) index = 1;
    }
    const endField = (value: string | null) => {
      record.push(value);
      field = "";
    };
    // A delimiter or line end after a field; false for any other character.
    const separate = (char: string, value: string | null) => {
      if (char === delimiter) {
        endField(value);
        state = "fieldStart";
      } else if (char === "\r" || char === "\n") {
        endField(value);
        records.push(record);
        record = [];
        line += 1;
        state = char === "\r" ? "afterCr" : "recordStart";
      } else {
        return false;
      }
      return true;
    };

    while (index < text.length) {
      const char = text[index]!;
      switch (state) {
        case "afterCr":
          // The LF of a CRLF belongs to the line end already counted.
          state = "recordStart";
          if (char === "\n") index += 1;
          break;
        case "recordStart":
        case "fieldStart":
          if (char === '"') {
            state = "quoted";
            quoteLine = line;
            index += 1;
          } else if (separate(char, null)) {
            index += 1;
          } else {
            state = "unquoted";
          }
          break;
        case "unquoted":
          plainRun.lastIndex = index;
          if (plainRun.test(text)) {
            field += text.slice(index, plainRun.lastIndex);
            index = plainRun.lastIndex;
          } else if (separate(char, field)) {
            index += 1;
          } else {
            throw new CsvParseError("a quote inside an unquoted field (quote the whole field and double the quote)", line);
          }
          break;
        case "quoted": {
          const close = text.indexOf('"', index);
          const piece = text.slice(index, close === -1 ? text.length : close);
          field += piece;
          line += piece.split("\n").length - 1;
          index += piece.length;
          if (close !== -1) {
            state = "quoteInQuoted";
            index += 1;
          }
          break;
        }
        case "quoteInQuoted":
          if (char === '"') {
            field += '"';
            state = "quoted";
            index += 1;
          } else if (separate(char, field)) {
            index += 1;
          } else {
            throw new CsvParseError("text after a closing quote", line);
          }
          break;
      }
    }
    return records;
  }

  function end(): CsvRecord[] {
    if (state === "quoted") throw new CsvParseError("a quoted field that starts here is not closed", quoteLine);
    const last = state === "unquoted" || state === "quoteInQuoted" ? field : null;
    const open = state === "unquoted" || state === "quoteInQuoted" || state === "fieldStart";
    if (open) record.push(last);
    const records = open ? [record] : [];
    state = "recordStart";
    record = [];
    field = "";
    return records;
  }

  return { push, end };
}

/** Every record of a whole CSV text (a line end after the last record is optional). */
export function parseCsv(text: string, options?: { delimiter?: string }): CsvRecord[] {
  const parser = createCsvParser(options);
  return [...parser.push(text), ...parser.end()];
}
