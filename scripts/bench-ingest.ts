// npm run bench:ingest -- [--url http://127.0.0.1:3000] [--seconds 10] [--rows 1000000]
//                         [--list-requests 200] [--only ceiling,single,batch,list]
// Benchmarks an already running production server (npm run build && PORT=3000 npm start): the
// HTTP ceiling, single trade posts, 1,000-trade batches, then the trade list over --rows trades.
// It writes trades into that server's database, so it only talks to loopback addresses.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  computeRate,
  describeError,
  runLoad,
  isLoopbackHost,
  summarizeLatencies,
  type LatencySummary,
  type LoadPlan,
  type LoadResult,
} from "@/lib/bench/load";
import { createRandom } from "@/lib/seed/demo-trades";
import { formatMt5Time } from "@/lib/time/broker-time";

const steps = ["ceiling", "single", "batch", "list"] as const;
type Step = (typeof steps)[number];

interface Options {
  origin: string;
  seconds: number;
  rows: number;
  listRequests: number;
  only: Set<Step>;
  /** An API key with the write scope (a journal with keys refuses requests without one). */
  key: string;
}

const usage = `usage: npm run bench:ingest -- [options]
  --url <url>              server to benchmark, loopback only (default http://127.0.0.1:3000)
  --seconds <n>            duration of each timed step (default 10)
  --rows <n>               trades the database must hold for the list step (default 1000000; 0 skips it)
  --list-requests <n>      timed requests per list query (default 200)
  --key <key>              API key with the write scope, sent as Authorization: Bearer (default: JOURNAL_API_KEY)
  --only <steps>           comma list of ${steps.join(",")} (default all)`;

const batchSize = 1000;
const ceilingConcurrency = 16;
const singleConcurrencies = [1, 16] as const;
const batchConcurrency = 2;
const fillConcurrency = 2;
const listWarmups = 10;
const batchWarmups = 2;
const cursorPages = 20;
const listPageSize = 50;
const fillProgressEvery = 100_000;
const fillTimeLimitMs = 30 * 60_000;
const listTimeLimitMs = 5 * 60_000;
// Request budgets: far above what a run can reach, so the time limit is what normally ends a step.
const maxRequestsPerSecond = 100_000;
// Batch bodies are built before timing (~0.5 MB each), so their budget is kept realistic: 2.5x the target.
const maxBatchesPerSecond = 50;

const targets = { singleShareOfCeiling: 0.8, batchTradesPerSecond: 20_000, listMedianMs: 30 };

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: "string", default: "http://127.0.0.1:3000" },
        seconds: { type: "string", default: "10" },
        rows: { type: "string", default: "1000000" },
        "list-requests": { type: "string", default: "200" },
        only: { type: "string", default: steps.join(",") },
        key: { type: "string", default: process.env.JOURNAL_API_KEY ?? "" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }

  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url: not a valid URL: ${values.url}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError("--url: must be http:// or https://");
  if (!isLoopbackHost(url.hostname)) {
    throw new UsageError(
      `--url: refusing ${url.hostname}: the benchmark writes thousands of trades, so it only runs against ` +
        "a loopback address (127.0.0.0/8, localhost, ::1)",
    );
  }

  const only = new Set<Step>();
  for (const name of values.only.split(",").map((part) => part.trim()).filter(Boolean)) {
    if (!(steps as readonly string[]).includes(name)) {
      throw new UsageError(`--only: unknown step "${name}" (use ${steps.join(",")})`);
    }
    only.add(name as Step);
  }
  if (only.size === 0) throw new UsageError("--only: name at least one step");

  return {
    origin: url.origin,
    seconds: parseNumber("--seconds", values.seconds, { min: 0.1, max: 3600, integer: false }),
    rows: parseNumber("--rows", values.rows, { min: 0, max: 100_000_000, integer: true }),
    listRequests: parseNumber("--list-requests", values["list-requests"], { min: 1, max: 100_000, integer: true }),
    only,
    key: values.key,
  };
}

function parseNumber(name: string, text: string, rules: { min: number; max: number; integer: boolean }): number {
  const value = Number(text.replaceAll("_", ""));
  const valid = text.trim() !== "" && Number.isFinite(value) && (!rules.integer || Number.isInteger(value));
  if (!valid || value < rules.min || value > rules.max) {
    const kind = rules.integer ? "a whole number" : "a number";
    throw new UsageError(`${name}: expected ${kind} from ${rules.min} to ${rules.max}, got "${text}"`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Trades

const symbols = [
  { symbol: "EURUSD", price: 1.085, digits: 5 },
  { symbol: "GBPUSD", price: 1.265, digits: 5 },
  { symbol: "USDJPY", price: 148.5, digits: 3 },
  { symbol: "XAUUSD", price: 2050, digits: 2 },
  { symbol: "US30", price: 38_500, digits: 1 },
  { symbol: "BTCUSD", price: 62_000, digits: 2 },
] as const;
const magicNumbers = [0, 1001, 1002, 2024, 3100, 7777, 12345, 424242] as const;
const listedMagicNumber = 1001;
const accounts = [
  { login: 5123456, server: "Bench-Server" },
  { login: 5123457, server: "Bench-Server" },
] as const;
const reasons = ["EXPERT", "EXPERT", "EXPERT", "STOP_LOSS", "TAKE_PROFIT", "CLIENT"] as const;
const lotSizes = [0.01, 0.05, 0.1, 0.2, 0.5, 1] as const;
const closeTimeFrom = Date.UTC(2023, 0, 1) / 1000;
const closeTimeSpan = 3 * 365 * 86_400;

// Microsecond-scale base: later runs start above every ticket an earlier run could have used.
const ticketBase = Date.now() * 1000;
let ticketCounter = 0;

function takeDealTicket(): number {
  return ticketBase + ticketCounter++;
}

const random = createRandom(ticketBase % 4_294_967_296);

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * "chronological": trades close in time order, as an EA sends them and as an import reads them.
 * "random": close times scattered over three years, the worst case for the close-time indexes.
 */
type CloseOrder = "chronological" | "random";

let clock = closeTimeFrom;

function takeCloseTime(order: CloseOrder): number {
  if (order === "random") return closeTimeFrom + Math.floor(random() * closeTimeSpan);
  clock += 1 + Math.floor(random() * 180);
  return clock;
}

/** A new closed trade in the extended payload, with a deal ticket no earlier run has used. */
function buildTrade(order: CloseOrder = "chronological"): Record<string, unknown> {
  const dealTicket = takeDealTicket();
  const { symbol, price, digits } = pick(symbols);
  const account = pick(accounts);
  const side = random() < 0.5 ? "BUY" : "SELL";
  const direction = side === "BUY" ? 1 : -1;
  const entry = price * (1 + (random() - 0.5) * 0.1);
  const exit = entry * (1 + (random() - 0.5) * 0.004);
  const lots = pick(lotSizes);
  const closeSeconds = takeCloseTime(order);
  const durationSeconds = 60 + Math.floor(random() ** 2 * 2 * 86_400);
  // One trade in 20 is an exact breakeven: zero profit and no costs, so its net is exactly 0.
  const breakeven = random() < 0.05;
  return {
    symbol,
    order_ticket: dealTicket,
    deal_ticket: dealTicket,
    position_ticket: dealTicket,
    position_type: side,
    position_reason: pick(reasons),
    lot_size: lots,
    entry_price: roundTo(entry, digits),
    exit_price: roundTo(exit, digits),
    stop_loss: roundTo(entry * (1 - direction * 0.005), digits),
    take_profit: roundTo(entry * (1 + direction * 0.005), digits),
    profit: breakeven ? 0 : roundTo(random() * 110 - 50, 2),
    commission: breakeven ? 0 : roundTo(-7 * lots, 2),
    swap: !breakeven && random() < 0.3 ? roundTo((random() - 0.6) * 5, 2) : 0,
    fee: 0,
    open_time: formatMt5Time(closeSeconds - durationSeconds),
    close_time: formatMt5Time(closeSeconds),
    magic_number: pick(magicNumbers),
    comment: "bench",
    account_login: account.login,
    account_server: account.server,
    account_currency: "USD",
  };
}

function buildBatchBody(size: number, order: CloseOrder = "chronological"): string {
  return JSON.stringify({ trades: Array.from({ length: size }, () => buildTrade(order)) });
}

// ---------------------------------------------------------------------------------------------
// HTTP

// Set once from --key (or JOURNAL_API_KEY): every request carries it.
const authHeaders: Record<string, string> = {};
const jsonHeaders: Record<string, string> = { "content-type": "application/json" };

interface TradePage {
  data: unknown[];
  page: { limit: number; next_cursor: string | null; prev_cursor: string | null; total: number };
}

interface BatchResponse {
  counts: { created: number; duplicate: number; enriched: number; conflict: number; invalid: number };
}

/** A one-line reason for a failed response: the status and the API's error code and message. */
function describeFailure(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error) return `HTTP ${status} ${body.error.code ?? ""}: ${body.error.message ?? ""}`.slice(0, 200);
  } catch {
    // not JSON: fall through to the raw text
  }
  return `HTTP ${status}: ${text.slice(0, 120)}`;
}

/** GETs a path and returns its JSON; throws on a network error or a non-2xx status. */
async function fetchJson<T>(origin: string, path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(origin + path, { headers: authHeaders, signal });
  const text = await response.text();
  if (!response.ok) throw new Error(describeFailure(response.status, text));
  return JSON.parse(text) as T;
}

async function postBatch(origin: string, body: string, size: number, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${origin}/api/v1/trades/batch`, { method: "POST", headers: jsonHeaders, body, signal });
  const text = await response.text();
  if (response.status !== 200) throw new Error(describeFailure(response.status, text));
  const { counts } = JSON.parse(text) as BatchResponse;
  if (counts.created !== size) {
    const others = Object.entries(counts)
      .filter(([status, count]) => status !== "created" && count > 0)
      .map(([status, count]) => `${status} ${count}`);
    throw new Error(`batch created ${counts.created} of ${size} (${others.join(", ")})`);
  }
}

async function readTotal(origin: string): Promise<number> {
  const page = await fetchJson<TradePage>(origin, "/api/v1/trades?limit=1", AbortSignal.timeout(60_000));
  return page.page.total;
}

// ---------------------------------------------------------------------------------------------
// Reporting

interface StepReport {
  name: string;
  concurrency: number;
  ok: number;
  errors: number;
  elapsedMs: number;
  rate: number;
  unit: string;
  latency: LatencySummary;
  errorKinds: Record<string, number>;
  target?: string;
  pass?: boolean;
}

function toReport(
  name: string,
  concurrency: number,
  result: LoadResult,
  unit: string,
  unitsPerRequest = 1,
): StepReport {
  return {
    name,
    concurrency,
    ok: result.ok,
    errors: result.errors,
    elapsedMs: roundTo(result.elapsedMs, 1),
    rate: roundTo(computeRate(result, unitsPerRequest), 1),
    unit,
    latency: roundLatency(summarizeLatencies(result.latenciesMs)),
    errorKinds: Object.fromEntries(result.errorKinds),
  };
}

function roundLatency(summary: LatencySummary): LatencySummary {
  const round = (value: number) => (Number.isNaN(value) ? value : roundTo(value, 3));
  return {
    count: summary.count,
    meanMs: round(summary.meanMs),
    p50Ms: round(summary.p50Ms),
    p90Ms: round(summary.p90Ms),
    p99Ms: round(summary.p99Ms),
    maxMs: round(summary.maxMs),
  };
}

function formatMs(value: number): string {
  if (Number.isNaN(value)) return "-";
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

function printStep(report: StepReport): void {
  const verdict = report.target ? `  [${report.pass ? "PASS" : "FAIL"} ${report.target}]` : "";
  console.log(
    `  ${report.name} (c=${report.concurrency}): ${formatCount(report.rate)} ${report.unit}, ` +
      `p50 ${formatMs(report.latency.p50Ms)} ms, p99 ${formatMs(report.latency.p99Ms)} ms, ` +
      `${formatCount(report.ok)} ok, ${formatCount(report.errors)} errors ` +
      `in ${(report.elapsedMs / 1000).toFixed(1)} s${verdict}`,
  );
  for (const [message, count] of Object.entries(report.errorKinds)) console.log(`    ${count} x ${message}`);
}

function printTable(reports: StepReport[]): void {
  const header = ["step", "conc", "ok", "errors", "rate", "unit", "p50 ms", "p99 ms", "target"];
  const rows = reports.map((report) => [
    report.name,
    String(report.concurrency),
    formatCount(report.ok),
    formatCount(report.errors),
    formatCount(report.rate),
    report.unit,
    formatMs(report.latency.p50Ms),
    formatMs(report.latency.p99Ms),
    report.target ? `${report.pass ? "PASS" : "FAIL"} ${report.target}` : "",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  // Text columns left-aligned, figures right-aligned.
  const leftAligned = new Set([0, 5, 8]);
  const formatRow = (row: string[]) =>
    row
      .map((cell, column) => (leftAligned.has(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  console.log(formatRow(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(formatRow(row));
}

// ---------------------------------------------------------------------------------------------
// Steps

/** A short unrecorded run first (JIT, connection pool, SQLite cache), so a cold start is not measured. */
function warmupMs(options: Options): number {
  return Math.min(2000, Math.max(200, (options.seconds * 1000) / 5));
}

/** Runs `plan` for the warm-up, then for the timed `--seconds`. */
async function runWarmedUp(options: Options, plan: Pick<LoadPlan, "concurrency" | "send">): Promise<LoadResult> {
  const durationMs = warmupMs(options);
  await runLoad({ ...plan, maxRequests: Math.ceil((durationMs / 1000) * maxRequestsPerSecond), durationMs });
  return runLoad({
    ...plan,
    maxRequests: Math.ceil(options.seconds * maxRequestsPerSecond),
    durationMs: options.seconds * 1000,
  });
}

async function measureCeiling(options: Options): Promise<StepReport> {
  const url = `${options.origin}/api/v1`;
  const result = await runWarmedUp(options, {
    concurrency: ceilingConcurrency,
    send: async (_index, signal) => {
      const response = await fetch(url, { headers: authHeaders, signal });
      const text = await response.text();
      if (!response.ok) throw new Error(describeFailure(response.status, text));
    },
  });
  return toReport("GET /api/v1", ceilingConcurrency, result, "req/s");
}

async function measureSingles(options: Options, concurrency: number): Promise<StepReport> {
  const url = `${options.origin}/api/v1/trades`;
  const result = await runWarmedUp(options, {
    concurrency,
    send: async (_index, signal) => {
      const body = JSON.stringify(buildTrade());
      const response = await fetch(url, { method: "POST", headers: jsonHeaders, body, signal });
      const text = await response.text();
      if (response.status !== 201) throw new Error(describeFailure(response.status, text));
    },
  });
  return toReport("POST /api/v1/trades", concurrency, result, "trades/s");
}

async function measureBatches(options: Options, order: CloseOrder): Promise<StepReport> {
  const count = Math.ceil(options.seconds * maxBatchesPerSecond);
  const buildStarted = performance.now();
  const warmups = Array.from({ length: batchWarmups }, () => buildBatchBody(batchSize, order));
  const bodies = Array.from({ length: count }, () => buildBatchBody(batchSize, order));
  const megabytes = bodies.reduce((sum, body) => sum + body.length, 0) / 1e6;
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  console.log(`  built ${count} batch bodies (${megabytes.toFixed(0)} MB) in ${buildSeconds.toFixed(1)} s`);
  await runLoad({
    concurrency: 1,
    maxRequests: batchWarmups,
    durationMs: options.seconds * 1000,
    graceMs: 120_000,
    send: (index, signal) => postBatch(options.origin, warmups[index]!, batchSize, signal),
  });
  const result = await runLoad({
    concurrency: batchConcurrency,
    maxRequests: count,
    durationMs: options.seconds * 1000,
    graceMs: 120_000,
    send: (index, signal) => postBatch(options.origin, bodies[index]!, batchSize, signal),
  });
  if (result.ok + result.errors >= count) {
    console.log(`  note: all ${count} pre-built batches were used before the time limit`);
  }
  const label = order === "random" ? "batch, random close times" : `POST /api/v1/trades/batch (${batchSize})`;
  const report = toReport(label, batchConcurrency, result, "trades/s", batchSize);
  // The target is for the real workload (trades in close-time order); the random order is reported as the worst case.
  if (order === "chronological") {
    report.target = `>= ${formatCount(targets.batchTradesPerSecond)} trades/s`;
    report.pass = report.rate >= targets.batchTradesPerSecond;
  }
  return report;
}

interface FillReport {
  totalBefore: number;
  totalAfter: number;
  added: number;
  elapsedMs: number;
  tradesPerSecond: number;
  errors: number;
}

/** Tops the database up to `rows` trades through the batch endpoint, printing progress. */
async function fillTrades(options: Options): Promise<FillReport> {
  const totalBefore = await readTotal(options.origin);
  let total = totalBefore;
  const started = performance.now();
  const deadline = started + fillTimeLimitMs;
  let added = 0;
  let errors = 0;
  let nextMark = fillProgressEvery;
  const wanted = Math.max(0, options.rows - totalBefore);
  if (wanted > 0) {
    console.log(
      `  filling ${formatCount(wanted)} trades (${formatCount(totalBefore)} present, ${formatCount(options.rows)} wanted)`,
    );
  }

  // A few rounds, so batches lost to errors are made up for; each round re-reads the real total.
  for (let round = 0; round < 3 && total < options.rows && performance.now() < deadline; round++) {
    const missing = options.rows - total;
    const batches = Math.ceil(missing / batchSize);
    const result = await runLoad({
      concurrency: fillConcurrency,
      maxRequests: batches,
      durationMs: deadline - performance.now(),
      graceMs: 120_000,
      send: async (index, signal) => {
        const size = index === batches - 1 ? missing - batchSize * (batches - 1) : batchSize;
        await postBatch(options.origin, buildBatchBody(size), size, signal);
        added += size;
        while (added >= nextMark) {
          const rate = added / ((performance.now() - started) / 1000);
          console.log(`  fill: ${formatCount(nextMark)} / ${formatCount(wanted)} added (${formatCount(rate)} trades/s)`);
          nextMark += fillProgressEvery;
        }
      },
    });
    errors += result.errors;
    for (const [message, count] of result.errorKinds) console.log(`    fill error ${count} x ${message}`);
    total = await readTotal(options.origin);
  }

  const elapsedMs = performance.now() - started;
  if (total < options.rows) {
    console.log(`  warning: the database holds ${formatCount(total)} trades, fewer than --rows ${formatCount(options.rows)}`);
  }
  return {
    totalBefore,
    totalAfter: total,
    added,
    elapsedMs: roundTo(elapsedMs, 1),
    tradesPerSecond: elapsedMs > 0 && added > 0 ? roundTo((added * 1000) / elapsedMs, 1) : 0,
    errors,
  };
}

/** Sequential GETs of one list query: warm-up requests first, then the timed ones. */
async function measureList(options: Options, name: string, path: string): Promise<StepReport> {
  const send = async (_index: number, signal: AbortSignal) => {
    const page = await fetchJson<TradePage>(options.origin, path, signal);
    if (!Array.isArray(page.data) || page.data.length === 0) throw new Error("the page is empty");
  };
  await runLoad({ concurrency: 1, maxRequests: listWarmups, durationMs: listTimeLimitMs, send });
  const result = await runLoad({
    concurrency: 1,
    maxRequests: options.listRequests,
    durationMs: listTimeLimitMs,
    send,
  });
  return toReport(name, 1, result, "req/s");
}

/** Follows next_cursor from the first page of `path`, timing each of the next `cursorPages` pages. */
async function measureCursorPages(options: Options, name: string, path: string): Promise<StepReport> {
  let cursor = (await fetchJson<TradePage>(options.origin, path, AbortSignal.timeout(60_000))).page.next_cursor;
  const result = await runLoad({
    concurrency: 1,
    maxRequests: cursorPages,
    durationMs: listTimeLimitMs,
    send: async (_index, signal) => {
      if (cursor === null) throw new Error("no next_cursor: reached the end of the list");
      const page = await fetchJson<TradePage>(options.origin, `${path}&cursor=${encodeURIComponent(cursor)}`, signal);
      if (page.data.length === 0) throw new Error("the page is empty");
      cursor = page.page.next_cursor;
    },
  });
  return toReport(name, 1, result, "pages/s");
}

// ---------------------------------------------------------------------------------------------
// Main

async function checkServer(origin: string): Promise<unknown> {
  try {
    return await fetchJson<unknown>(origin, "/api/v1/health", AbortSignal.timeout(5000));
  } catch (error) {
    console.error(
      `error: the server at ${origin} is not reachable or not healthy (GET /api/v1/health: ${describeError(error)}).`,
    );
    console.error("Start it first: npm run build && PORT=3000 npm start (and pass --url if it listens elsewhere).");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${usage}`);
    process.exit(2);
  }

  if (options.key !== "") authHeaders.authorization = jsonHeaders.authorization = `Bearer ${options.key}`;
  const startedAt = new Date();
  const cpus = os.cpus();
  console.log(`bench:ingest ${startedAt.toISOString()}`);
  const cpuModel = cpus[0]?.model.trim() ?? "unknown";
  console.log(`node ${process.version}, ${cpus.length} CPUs (${cpuModel}), ${os.platform()} ${os.arch()}`);
  console.log(
    `options: url ${options.origin}, seconds ${options.seconds}, rows ${formatCount(options.rows)}, ` +
      `list-requests ${options.listRequests}, only ${[...options.only].join(",")}, API key ${options.key === "" ? "none" : "sent"}`,
  );

  const health = await checkServer(options.origin);
  console.log(`server: ${JSON.stringify(health)}\n`);

  const reports: StepReport[] = [];
  const failures: string[] = [];
  // A step that cannot run (the server went away mid-run) is reported and skipped, not fatal.
  const run = async (title: string | null, measure: () => Promise<StepReport>) => {
    if (title) console.log(title);
    try {
      const report = await measure();
      printStep(report);
      reports.push(report);
      return report;
    } catch (error) {
      const failure = `${title?.trim() ?? "step"}: ${describeError(error)}`;
      console.log(`  failed: ${describeError(error)}`);
      failures.push(failure);
      return undefined;
    }
  };

  const timing = `${options.seconds} s after a ${(warmupMs(options) / 1000).toFixed(1)} s warm-up`;
  let ceiling: StepReport | undefined;
  if (options.only.has("ceiling")) {
    const title = `1. HTTP ceiling: GET /api/v1, concurrency ${ceilingConcurrency}, ${timing}`;
    ceiling = await run(title, () => measureCeiling(options));
  }

  let singleShareOfCeiling: number | undefined;
  if (options.only.has("single")) {
    for (const concurrency of singleConcurrencies) {
      const title = `2. single posts: POST /api/v1/trades, concurrency ${concurrency}, ${timing}`;
      const report = await run(title, () => measureSingles(options, concurrency));
      if (report && concurrency === ceilingConcurrency && ceiling && ceiling.rate > 0) {
        singleShareOfCeiling = report.rate / ceiling.rate;
        const share = `${(singleShareOfCeiling * 100).toFixed(1)}%`;
        report.target = `>= ${targets.singleShareOfCeiling * 100}% of ceiling (${share})`;
        report.pass = singleShareOfCeiling >= targets.singleShareOfCeiling;
        console.log(`  single posts at c=${concurrency} / ceiling: ${share} (target >= ${targets.singleShareOfCeiling * 100}%)`);
      }
    }
  }

  if (options.only.has("batch")) {
    const title =
      `3. batches: POST /api/v1/trades/batch x ${batchSize}, concurrency ${batchConcurrency}, ` +
      `${options.seconds} s after ${batchWarmups} warm-up batches`;
    await run(title, () => measureBatches(options, "chronological"));
    await run("3b. the same with close times in random order (worst case for the indexes)", () =>
      measureBatches(options, "random"),
    );
  }

  let fill: FillReport | undefined;
  if (options.only.has("list") && options.rows === 0) console.log("4. listing: skipped (--rows 0)");
  if (options.only.has("list") && options.rows > 0) {
    console.log(`4. listing at scale: at least ${formatCount(options.rows)} trades`);
    try {
      fill = await fillTrades(options);
      console.log(`  database holds ${formatCount(fill.totalAfter)} trades`);
    } catch (error) {
      console.log(`  failed to read the total or fill the database: ${describeError(error)}`);
      failures.push(`fill: ${describeError(error)}`);
    }
    if (fill) {
      const base = `/api/v1/trades?limit=${listPageSize}`;
      const symbolPath = `/api/v1/trades?symbol=EURUSD&limit=${listPageSize}`;
      const title = `  list: ${listWarmups} warm-ups + ${options.listRequests} sequential requests each`;
      const symbolReport = await run(title, () => measureList(options, "GET /trades?symbol=EURUSD", symbolPath));
      if (symbolReport) {
        symbolReport.target = `median < ${targets.listMedianMs} ms`;
        symbolReport.pass = symbolReport.latency.p50Ms < targets.listMedianMs;
      }
      await run(null, () => measureList(options, "GET /trades (no filter)", base));
      const magicQuery = `magic_number=${listedMagicNumber}`;
      await run(null, () => measureList(options, `GET /trades?${magicQuery}`, `${base}&${magicQuery}`));
      await run(`  cursor: ${cursorPages} pages after the first`, () =>
        measureCursorPages(options, "GET /trades?symbol=EURUSD next_cursor", symbolPath),
      );
    }
  }

  console.log("");
  printTable(reports);
  if (singleShareOfCeiling !== undefined) {
    const share = `${(singleShareOfCeiling * 100).toFixed(1)}%`;
    console.log(`\nsingle posts at c=${ceilingConcurrency} / ceiling: ${share} (target >= ${targets.singleShareOfCeiling * 100}%)`);
  }
  if (failures.length > 0) console.log(`\nsteps that could not run:\n${failures.map((line) => `  ${line}`).join("\n")}`);

  const directory = fileURLToPath(new URL("../bench-results/", import.meta.url));
  await mkdir(directory, { recursive: true });
  const file = `${directory}ingest-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
  const output = {
    startedAt: startedAt.toISOString(),
    node: process.version,
    cpus: cpus.length,
    cpuModel,
    platform: `${os.platform()} ${os.arch()}`,
    // Never the key itself in a file.
    options: { ...options, key: options.key === "" ? "none" : "sent", only: [...options.only] },
    server: health,
    targets,
    singleShareOfCeiling: singleShareOfCeiling ?? null,
    fill: fill ?? null,
    steps: reports,
    failures,
  };
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nresults written to ${file}`);
}

await main();
// Keep-alive sockets of fetch's pool would otherwise hold the process open for a few seconds.
process.exit(0);
