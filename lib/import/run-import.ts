import { createReadStream, existsSync, rmSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { importBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { balanceRecordToJson, tradeRecordToJson } from "@/lib/ea/ea-model";
import { issueDetails } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { createCsvParser, type CsvRecord } from "@/lib/import/parse-csv";
import { createCsvTradeReader, detectCsvLayout } from "@/lib/import/csv-trades";
import type { CsvColumnMapping } from "@/lib/schemas/csv-column-mapping";
import { decodeText } from "@/lib/import/decode-text";
import { readHtmlReportRows } from "@/lib/import/html-report-rows";
import { createReportReader } from "@/lib/import/mt5-report";
import { tradesFromReport, type ReportTrades } from "@/lib/import/report-trades";
import { readXlsxReportRows } from "@/lib/import/xlsx-report-rows";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { sources, type Source } from "@/lib/schemas/fields";
import { createTradeBody, type CreateTradeBody } from "@/lib/schemas/trade";
import { formatBrokerTime } from "@/lib/time/broker-time";
import { storeTrades, type StoreOutcome } from "@/lib/trades/store-trades";

// Runs an uploaded file into the journal in the background: the upload answered 202 already, and
// the import's row (GET /api/v1/imports/{id}) carries progress, then the result.

export type ImportFormat = "mt5-html" | "mt5-xlsx" | "csv";
export type ImportStatus = "queued" | "running" | "needs_mapping" | "done" | "failed" | "undone";

/** A reason the file cannot be imported, in words for the trader (other errors are logged). */
export class ImportFailure extends Error {}

interface ImportJob {
  id: number;
  format: ImportFormat;
  filePath: string;
  fileSize: number;
  utcOffsetMinutes: number | null;
  mapping: CsvColumnMapping | null;
}

export interface Rejection {
  line: number;
  reason: string;
}

interface Tally {
  new: number;
  present: number;
  enriched: number;
  rejected: number;
}

export interface ImportResult {
  trades: Tally;
  balance_operations: Tally;
  /** The first rejections (all of them are counted in the tallies). */
  rejected: Rejection[];
  /** Stored values the file disagreed with: kept, never overwritten. */
  kept: { line: number; deal_ticket: number; field: string; stored: unknown; imported: unknown }[];
  kept_total: number;
  reconciliation: ReportTrades["reconciliation"] | null;
  undo?: { trades_deleted: number; trades_kept: number; balance_operations_deleted: number };
}

const listedRejections = 500;
const listedKept = 100;
const storeChunk = 1000;
/** Reading the file is this part of the progress bar, storing the rest. */
const readingShare = 0.6;

let running: Promise<void> = Promise.resolve();

/** Queues an import: one runs at a time, in the order they were uploaded. */
export function scheduleImport(id: number): void {
  running = running.then(() => runImport(id)).catch((error: unknown) => console.error(error));
}

/** Imports the server was running when it stopped start again (importing is idempotent). */
export function resumeImports(): void {
  const handle = sqlite();
  const waiting = handle
    .prepare("SELECT id FROM imports WHERE status IN ('queued', 'running') ORDER BY id")
    .all() as { id: number }[];
  for (const { id } of waiting) scheduleImport(id);
}

/** Imports running in this process: a resumed or rescheduled import never runs twice at once. */
const active = new Set<number>();

export async function runImport(id: number): Promise<void> {
  if (active.has(id)) return;
  active.add(id);
  try {
    await runClaimedImport(id);
  } finally {
    active.delete(id);
  }
}

async function runClaimedImport(id: number): Promise<void> {
  const handle = sqlite();
  const row = handle
    .prepare(
      `SELECT id, format, file_path AS filePath, file_size AS fileSize, utc_offset_minutes AS utcOffsetMinutes, mapping
         FROM imports WHERE id = ? AND status IN ('queued', 'running')`,
    )
    .get(id) as (Omit<ImportJob, "mapping"> & { mapping: string | null; filePath: string | null }) | undefined;
  if (!row) return;
  if (!row.filePath || !existsSync(row.filePath)) {
    finish(id, "failed", null, "The uploaded file is gone (the server was stopped before it was imported): upload it again");
    return;
  }
  const job: ImportJob = { ...row, filePath: row.filePath, mapping: row.mapping ? (JSON.parse(row.mapping) as CsvColumnMapping) : null };
  handle.prepare("UPDATE imports SET status = 'running', progress = 0, error = NULL WHERE id = ?").run(id);
  try {
    const result = job.format === "csv" ? await importCsv(job) : await importReport(job);
    if (result === "needs_mapping") {
      handle.prepare("UPDATE imports SET status = 'needs_mapping', progress = 0 WHERE id = ?").run(id);
      return;
    }
    finish(id, "done", result, null);
    rmSync(job.filePath, { force: true });
  } catch (error) {
    if (!(error instanceof ImportFailure)) console.error(error);
    const message = error instanceof ImportFailure ? error.message : "The import failed on the server (see its log); nothing after the last stored chunk was stored";
    finish(id, "failed", null, message);
    rmSync(job.filePath, { force: true });
  }
}

function finish(id: number, status: ImportStatus, result: ImportResult | null, error: string | null): void {
  sqlite()
    .prepare(
      `UPDATE imports SET status = ?, progress = ?, result = COALESCE(?, result), error = ?, file_path = NULL,
              finished_at = ? WHERE id = ?`,
    )
    .run(status, status === "done" ? 1 : 0, result ? JSON.stringify(result) : null, error, new Date().toISOString(), id);
}

/** Writes progress at most a few times a second: each write is a commit. */
function progressWriter(id: number) {
  let last = 0;
  return (fraction: number) => {
    const now = performance.now();
    if (now - last < 250) return;
    last = now;
    cached(sqlite(), "UPDATE imports SET progress = ? WHERE id = ?").run(Math.min(1, Math.max(0, fraction)), id);
  };
}

function savePreview(id: number, preview: Record<string, unknown>, accountId: number | null = null): void {
  cached(sqlite(), "UPDATE imports SET preview = ?, account_id = COALESCE(?, account_id) WHERE id = ?").run(
    JSON.stringify(preview),
    accountId,
    id,
  );
}

/** The file's bytes as they are read, reporting how far the reading got. */
async function* readFile(filePath: string, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    read += chunk.length;
    onBytes(read);
    yield chunk;
  }
}

async function importReport(job: ImportJob): Promise<ImportResult> {
  const progress = progressWriter(job.id);
  const reader = createReportReader();
  const rows =
    job.format === "mt5-xlsx"
      ? readXlsxReportRows(job.filePath, { onProgress: (fraction) => progress(fraction * readingShare) })
      : readHtmlReportRows(readFile(job.filePath, (bytes) => progress((bytes / job.fileSize) * readingShare)));
  for await (const row of rows) reader.push(row);
  const report = reader.finish();
  if (!report.account) {
    throw new ImportFailure(
      "This is not an MT5 History report: no account line (Account: <login> (<currency>, <server>, ...)) was found near the top",
    );
  }
  const found = tradesFromReport(report);
  const { account } = report;
  savePreview(job.id, {
    format: job.format,
    language: report.language,
    account: { login: account.login, server: account.server, currency: account.currency, name: account.name, company: account.company, kind: account.kind, margin: account.margin },
    report_time: report.reportTime === null ? null : formatBrokerTime(report.reportTime),
    trades: found.trades.length,
    balance_operations: found.balanceOperations.length,
  });
  // The EA's JSON for the same records: the same rule, the same payload. The report knows no UTC
  // offset: the one given with the upload, or none.
  const eaAccount = { login: account.login, server: account.server, currency: account.currency, utcOffsetMinutes: job.utcOffsetMinutes };
  const result = emptyResult(found.reconciliation);
  for (const rejection of found.rejected) reject(result, result.trades, rejection);

  // Payloads are made chunk by chunk: 100,000 of them at once would double the memory an import needs.
  const toItem = ({ line, trade }: (typeof found.trades)[number]): Item => ({
    line,
    body: { ...tradeRecordToJson(trade, eaAccount), position_reason: trade.position_reason || null },
    journal: null,
  });
  await storeItems(job, found.trades, toItem, result, (fraction) => progress(readingShare + fraction * (1 - readingShare) * 0.95));

  for (const { line, record } of found.balanceOperations) {
    const parsed = safeValidate(createBalanceOperationBody, balanceRecordToJson(record, eaAccount));
    if (!parsed.success) {
      reject(result, result.balance_operations, { line, reason: describeIssues(parsed.error) });
      continue;
    }
    const outcome = importBalanceOperation(parsed.data, job.id);
    result.balance_operations[outcome] += 1;
  }
  linkAccount(job.id, account.login, account.server);
  return result;
}

function linkAccount(id: number, login: number, server: string): void {
  cached(sqlite(), "UPDATE imports SET account_id = (SELECT id FROM accounts WHERE login = ? AND server = ?) WHERE id = ?").run(login, server, id);
}

interface Journal {
  note: string | null;
  tags: string[];
  source: string | null;
}

interface Item {
  line: number;
  body: unknown;
  journal: Journal | null;
}

async function importCsv(job: ImportJob): Promise<ImportResult | "needs_mapping"> {
  const progress = progressWriter(job.id);
  let parser: ReturnType<typeof createCsvParser> | null = null;
  let header: CsvRecord | null = null;
  let readTrade: ReturnType<typeof createCsvTradeReader> | null = null;
  const result = emptyResult(null);
  let pending: Item[] = [];
  let row = 1;

  const take = async (records: CsvRecord[]) => {
    for (const record of records) {
      if (header === null) {
        header = record;
        const layout = detectCsvLayout(header);
        if (layout.kind === "mapped" && job.mapping === null) {
          savePreview(job.id, { format: "csv", layout: "mapped", columns: layout.columns, suggested: layout.suggested });
          return false;
        }
        savePreview(job.id, { format: "csv", layout: layout.kind, columns: header.map((name) => name ?? "") });
        readTrade = createCsvTradeReader(header, layout, job.mapping ?? undefined);
        continue;
      }
      row += 1;
      if (record.every((cell) => cell === null || cell.trim() === "")) continue;
      const read = readTrade!(record, row);
      if (!read.ok) reject(result, result.trades, { line: read.line, reason: read.reason });
      else pending.push({ line: row, body: read.body, journal: read.journal });
      if (pending.length >= storeChunk) {
        await storeItems(job, pending, (item) => item, result, () => {});
        pending = [];
      }
    }
    return true;
  };

  for await (const text of decodeText(readFile(job.filePath, (bytes) => progress(bytes / job.fileSize)))) {
    parser ??= createCsvParser({ delimiter: sniffDelimiter(text) });
    try {
      if (!(await take(parser.push(text)))) return "needs_mapping";
    } catch (error) {
      throw asFailure(error);
    }
  }
  if (parser === null) throw new ImportFailure("The file is empty");
  try {
    if (!(await take(parser.end()))) return "needs_mapping";
  } catch (error) {
    throw asFailure(error);
  }
  if (header === null) throw new ImportFailure("The file has no header line");
  await storeItems(job, pending, (item) => item, result, () => {});
  return result;
}

function asFailure(error: unknown): unknown {
  return error instanceof Error && error.name === "CsvParseError" ? new ImportFailure(`${error.message}: nothing after it was read`) : error;
}

/** The delimiter the header line uses most: exports from European Excel use semicolons. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  return counts.reduce((best, candidate) => (candidate.count > best.count ? candidate : best)).delimiter;
}

/** Validates and stores items in chunks (one transaction each), tallying what happened to each. */
async function storeItems<T>(
  job: ImportJob,
  sources: readonly T[],
  toItem: (source: T) => Item,
  result: ImportResult,
  onProgress: (fraction: number) => void,
) {
  for (let start = 0; start < sources.length; start += storeChunk) {
    const chunk = sources.slice(start, start + storeChunk).map(toItem);
    const valid: { item: Item; body: CreateTradeBody }[] = [];
    for (const item of chunk) {
      const parsed = safeValidate(createTradeBody, item.body);
      if (parsed.success) valid.push({ item, body: parsed.data });
      else reject(result, result.trades, { line: item.line, reason: describeIssues(parsed.error) });
    }
    // Rows of our own export keep the source they had; everything else is stored as "import".
    const bySource = new Map<Source, typeof valid>();
    for (const entry of valid) {
      const source = sourceOf(entry.item.journal);
      const group = bySource.get(source);
      if (group) group.push(entry);
      else bySource.set(source, [entry]);
    }
    for (const [source, group] of bySource) {
      const outcomes = storeTrades(
        group.map((entry) => entry.body),
        [],
        { importId: job.id, source },
      );
      outcomes.forEach((outcome, index) => tally(result, group[index]!.item, group[index]!.body, outcome));
      writeJournals(group.map((entry, index) => ({ journal: entry.item.journal, outcome: outcomes[index]! })));
    }
    onProgress(Math.min(1, (start + chunk.length) / sources.length));
    // Let requests in between chunks: the server stays responsive during a long import.
    await nextTurn();
  }
}

function sourceOf(journal: Journal | null): Source {
  const source = journal?.source;
  return source && (sources as readonly string[]).includes(source) ? (source as Source) : "import";
}

function tally(result: ImportResult, item: Item, body: CreateTradeBody, outcome: StoreOutcome): void {
  switch (outcome.status) {
    case "created":
      result.trades.new += 1;
      break;
    case "duplicate":
      result.trades.present += 1;
      break;
    case "enriched":
      result.trades.enriched += 1;
      break;
    case "conflict":
      reject(result, result.trades, {
        line: item.line,
        reason: outcome.differences.map((d) => `${d.field}: stored ${JSON.stringify(d.stored)}, file ${JSON.stringify(d.received)}`).join("; "),
      });
      return;
  }
  for (const difference of "kept" in outcome ? (outcome.kept ?? []) : []) {
    result.kept_total += 1;
    if (result.kept.length < listedKept) {
      result.kept.push({ line: item.line, deal_ticket: body.deal_ticket, field: difference.field, stored: difference.stored, imported: difference.received });
    }
  }
}

/** The note and tags of our own export: set on new rows, and on stored rows that have none. */
function writeJournals(entries: { journal: Journal | null; outcome: StoreOutcome }[]): void {
  const handle = sqlite();
  handle
    .transaction(() => {
      for (const { journal, outcome } of entries) {
        if (!journal || outcome.tradeId === null || outcome.status === "conflict") continue;
        if (journal.note) cached(handle, "UPDATE trades SET note = ? WHERE id = ? AND note IS NULL").run(journal.note, outcome.tradeId);
        if (journal.tags.length === 0) continue;
        const hasTags = cached(handle, "SELECT 1 FROM trade_tags WHERE trade_id = ? LIMIT 1").get(outcome.tradeId);
        if (hasTags) continue;
        const insert = cached(handle, "INSERT OR IGNORE INTO trade_tags (trade_id, tag) VALUES (?, ?)");
        for (const tag of journal.tags) insert.run(outcome.tradeId, tag);
      }
    })
    .immediate();
}

function emptyResult(reconciliation: ImportResult["reconciliation"]): ImportResult {
  const tally = () => ({ new: 0, present: 0, enriched: 0, rejected: 0 });
  return { trades: tally(), balance_operations: tally(), rejected: [], kept: [], kept_total: 0, reconciliation };
}

function reject(result: ImportResult, counts: Tally, rejection: Rejection): void {
  counts.rejected += 1;
  if (result.rejected.length < listedRejections) result.rejected.push(rejection);
}

function describeIssues(error: Parameters<typeof issueDetails>[0]): string {
  return issueDetails(error, [])
    .map((detail) => `${detail.field}: ${detail.message}`)
    .join("; ");
}
