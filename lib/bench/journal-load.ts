import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { serverLogErrors } from "@/lib/bench/journal-server";
import { describeError, runLoad, summarizeLatencies } from "@/lib/bench/load";
import { createPayloadFactory, payloadMagicNumbers, payloadSymbols, type PayloadAccount, type TradePayload } from "@/lib/bench/trade-payloads";

/**
 * The mixed load of `npm run load` and of the reliability spec: writers post trades (single
 * extended and legacy posts, batches, deliberate re-sends and racing identical posts, journal and
 * strategy edits) while readers request every page and every GET endpoint. Every trade sent is
 * kept in a ledger with what the server answered for it; afterwards the stored trades are read back
 * through the API and compared: every trade acknowledged as created is stored exactly once, with
 * the acknowledged id, and nothing is stored that was not acknowledged (requests that got no
 * answer are ambiguous and counted apart).
 */
export interface JournalLoadOptions {
  /** A running server, e.g. http://127.0.0.1:3000 (the caller checks that it is loopback). */
  origin: string;
  /** Sent with every request (e.g. an Authorization header). */
  headers?: Record<string, string>;
  seconds: number;
  writers: number;
  readers: number;
  /** Request budgets: the run stops at the deadline or when these are spent. */
  maxWriteRequests?: number;
  maxReadRequests?: number;
  seed?: number;
  /** Progress lines every 10 s. */
  progress?: (line: string) => void;
}

export interface KindFigures {
  kind: string;
  requests: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface JournalLoadReport {
  seconds: number;
  writers: number;
  readers: number;
  elapsedMs: number;
  kinds: KindFigures[];
  requests: number;
  serverErrors: number;
  networkErrors: number;
  unexpectedAnswers: number;
  trades: {
    sent: number;
    acknowledged: number;
    stored: number;
    lost: number;
    storedUnacknowledged: number;
    ambiguous: number;
    ambiguousStored: number;
    doubled: number;
    mismatched: number;
  };
  checks: LoadCheck[];
  /** Samples of what went wrong, for the report. */
  problems: string[];
  /** Deal tickets of this run are in [firstTicket, endTicket). */
  firstTicket: number;
  endTicket: number;
  pass: boolean;
}

type AccountKey = "default" | `account-${number}`;

interface LedgerEntry {
  ticket: number;
  account: AccountKey;
  profit: number;
  /** "created" answers for this trade: exactly one for a stored trade. */
  created: number;
  tradeId?: number;
  /** A request carrying it got no answer: it may or may not be stored. */
  ambiguous: boolean;
}

interface Sent {
  status: number;
  text: string;
}

class Unexpected extends Error {}

const maxProblems = 25;
const defaultGraceMs = 60_000;
const resendPoolSize = 5000;

export async function runJournalLoad(options: JournalLoadOptions): Promise<JournalLoadReport> {
  const seed = options.seed ?? Date.now() % 2_147_483_647;
  const factory = createPayloadFactory(seed);
  const { random, pick } = factory;
  const headers = options.headers ?? {};
  const origin = options.origin;

  // Tickets above every earlier run's (microsecond-scale base), accounts of their own per run.
  const firstTicket = Date.now() * 1000;
  let nextTicket = firstTicket;
  const runName = `Load-${firstTicket.toString(36)}`;
  const accounts: PayloadAccount[] = [
    { login: 7_100_001, server: runName, currency: "USD" },
    { login: 7_100_002, server: runName, currency: "EUR" },
  ];
  const accountKeys: AccountKey[] = ["account-0", "account-1"];
  const accountIds = new Map<AccountKey, number>();

  const ledger = new Map<number, LedgerEntry>();
  const resendPool: { payload: TradePayload; entry: LedgerEntry }[] = [];
  const acknowledgedIds: number[] = [];
  const stats = new Map<string, { statuses: Map<string, number>; latencies: number[] }>();
  const problems: string[] = [];
  let unexpectedAnswers = 0;

  function record(kind: string, status: string, latencyMs: number | null) {
    let kindStats = stats.get(kind);
    if (!kindStats) stats.set(kind, (kindStats = { statuses: new Map(), latencies: [] }));
    kindStats.statuses.set(status, (kindStats.statuses.get(status) ?? 0) + 1);
    if (latencyMs !== null) kindStats.latencies.push(latencyMs);
  }

  function problem(message: string) {
    if (problems.length < maxProblems) problems.push(message);
  }

  /** An answer the API must not give: counted, sampled, and thrown so the load runner counts it too. */
  function unexpected(kind: string, message: string): never {
    unexpectedAnswers += 1;
    problem(`${kind}: ${message}`);
    throw new Unexpected(`${kind}: ${message.slice(0, 120)}`);
  }

  /** One request, timed to its last byte; a network error is recorded and rethrown. */
  async function send(kind: string, method: string, path: string, body: unknown, signal: AbortSignal): Promise<Sent> {
    const requestHeaders: Record<string, string> = { ...headers };
    if (body !== undefined) requestHeaders["content-type"] = "application/json";
    const text = body === undefined ? undefined : JSON.stringify(body);
    const begin = performance.now();
    try {
      const response = await fetch(origin + path, { method, headers: requestHeaders, body: text, signal });
      const answer = await response.text();
      record(kind, String(response.status), performance.now() - begin);
      if (response.status >= 500) problem(`${kind} ${method} ${path}: ${response.status} ${answer.slice(0, 200)}`);
      return { status: response.status, text: answer };
    } catch (error) {
      record(kind, "network error", null);
      problem(`${kind} ${method} ${path}: ${describeError(error)}`);
      throw error;
    }
  }

  function expectJson<T>(kind: string, sent: Sent, status: number): T {
    if (sent.status !== status) unexpected(kind, `expected ${status}, got ${sent.status}: ${sent.text.slice(0, 200)}`);
    try {
      return JSON.parse(sent.text) as T;
    } catch {
      return unexpected(kind, `not JSON: ${sent.text.slice(0, 120)}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writers

  function newTrade(legacy: boolean): { payload: TradePayload; entry: LedgerEntry } {
    const ticket = nextTicket++;
    const accountIndex = Math.floor(random() * accounts.length);
    const payload = legacy ? factory.legacy(ticket) : factory.extended(ticket, accounts[accountIndex]!);
    const entry: LedgerEntry = {
      ticket,
      account: legacy ? "default" : accountKeys[accountIndex]!,
      profit: payload.profit,
      created: 0,
      ambiguous: false,
    };
    ledger.set(ticket, entry);
    return { payload, entry };
  }

  function acknowledge(kind: string, trade: { payload: TradePayload; entry: LedgerEntry }, tradeId: unknown, accountId?: unknown) {
    const { entry } = trade;
    if (typeof tradeId !== "number") unexpected(kind, `deal ${entry.ticket}: created without a trade_id`);
    entry.created += 1;
    if (entry.created > 1) problem(`${kind}: deal ${entry.ticket} was answered "created" twice`);
    entry.tradeId = tradeId;
    acknowledgedIds.push(tradeId);
    if (typeof accountId === "number" && entry.account !== "default") accountIds.set(entry.account, accountId);
    // A bounded pool of acknowledged trades to send again.
    if (resendPool.length < resendPoolSize) resendPool.push(trade);
    else resendPool[Math.floor(random() * resendPoolSize)] = trade;
  }

  function expectDuplicate(kind: string, entry: LedgerEntry, body: { trade_id?: unknown; duplicate?: unknown; enriched?: unknown }) {
    if (body.duplicate !== true || body.enriched !== undefined || body.trade_id !== entry.tradeId) {
      unexpected(kind, `deal ${entry.ticket} sent again: expected duplicate of trade ${entry.tradeId}, got ${JSON.stringify(body)}`);
    }
  }

  async function postSingle(kind: string, trade: { payload: TradePayload; entry: LedgerEntry }, signal: AbortSignal) {
    let sent: Sent;
    try {
      sent = await send(kind, "POST", "/api/v1/trades", trade.payload, signal);
    } catch (error) {
      trade.entry.ambiguous = true;
      throw error;
    }
    const body = expectJson<{ trade_id?: unknown; duplicate?: unknown; data?: { deal_ticket?: unknown; account_id?: unknown } }>(kind, sent, 201);
    if (body.duplicate !== false || body.data?.deal_ticket !== trade.entry.ticket) {
      unexpected(kind, `deal ${trade.entry.ticket}: unexpected 201 body ${sent.text.slice(0, 200)}`);
    }
    acknowledge(kind, trade, body.trade_id, body.data?.account_id);
  }

  async function resendSingle(signal: AbortSignal) {
    const kind = "POST /trades (re-send)";
    const trade = pick(resendPool);
    const sent = await send(kind, "POST", "/api/v1/trades", trade.payload, signal);
    expectDuplicate(kind, trade.entry, expectJson(kind, sent, 200));
  }

  /** The same new trade posted twice at once: one "created", one "duplicate" of it. */
  async function racePair(signal: AbortSignal) {
    const kind = "POST /trades (race pair)";
    const trade = newTrade(false);
    const answers = await Promise.allSettled([0, 1].map(() => send(kind, "POST", "/api/v1/trades", trade.payload, signal)));
    const failed = answers.find((answer) => answer.status === "rejected");
    if (failed) {
      trade.entry.ambiguous = true;
      throw failed.reason;
    }
    const both = answers.map((answer) => (answer as PromiseFulfilledResult<Sent>).value);
    // Each 201 is acknowledged, so two of them show up as a doubled trade.
    for (const created of both.filter((answer) => answer.status === 201)) {
      const body = expectJson<{ trade_id?: unknown; data?: { account_id?: unknown } }>(kind, created, 201);
      acknowledge(kind, trade, body.trade_id, body.data?.account_id);
    }
    const duplicate = both.find((answer) => answer.status !== 201);
    if (!duplicate || trade.entry.created !== 1) unexpected(kind, `deal ${trade.entry.ticket}: answers ${both.map((answer) => answer.status)}`);
    expectDuplicate(kind, trade.entry, expectJson(kind, duplicate, 200));
  }

  interface BatchItem {
    trade: { payload: TradePayload; entry: LedgerEntry };
    expect: "created" | "duplicate";
  }

  async function postBatch(signal: AbortSignal) {
    const size = 50 + Math.floor(random() * 151);
    const items: BatchItem[] = Array.from({ length: size }, () => ({ trade: newTrade(random() < 0.1), expect: "created" }));
    const created = items.length;
    // Some batches carry trades sent before (an EA re-sending after a timeout) and a key twice.
    const withResends = resendPool.length > 0 && random() < 0.3;
    if (withResends) {
      for (let count = 1 + Math.floor(random() * 10); count > 0; count--) {
        items.splice(Math.floor(random() * items.length), 0, { trade: pick(resendPool), expect: "duplicate" });
      }
    }
    if (random() < 0.1) items.push({ trade: items.find((item) => item.expect === "created")!.trade, expect: "duplicate" });
    const kind = withResends ? "POST /trades/batch (with re-sends)" : "POST /trades/batch";

    let sent: Sent;
    try {
      sent = await send(kind, "POST", "/api/v1/trades/batch", { trades: items.map((item) => item.trade.payload) }, signal);
    } catch (error) {
      for (const item of items) if (item.expect === "created") item.trade.entry.ambiguous = true;
      throw error;
    }
    type Result = { index: number; status: string; trade_id?: number };
    const body = expectJson<{ results: Result[]; counts: { created: number } }>(kind, sent, 200);
    if (body.counts?.created !== created || body.results?.length !== items.length) {
      unexpected(kind, `expected ${created} created of ${items.length}, got ${JSON.stringify(body.counts)}`);
    }
    items.forEach((item, index) => {
      const result = body.results[index]!;
      if (result.index !== index || result.status !== item.expect) {
        unexpected(kind, `item ${index} (deal ${item.trade.entry.ticket}): expected ${item.expect}, got ${JSON.stringify(result)}`);
      }
      if (item.expect === "created") acknowledge(kind, item.trade, result.trade_id);
      else if (result.trade_id !== item.trade.entry.tradeId) {
        unexpected(kind, `item ${index} (deal ${item.trade.entry.ticket}): duplicate of ${result.trade_id}, not ${item.trade.entry.tradeId}`);
      }
    });
  }

  async function patchJournal(signal: AbortSignal) {
    const kind = "PATCH /trades/{id}";
    const id = pick(acknowledgedIds);
    const tags = ["load", pick(["breakout", "news", "scalp", "revenge"])];
    const sent = await send(kind, "PATCH", `/api/v1/trades/${id}`, { note: `load note ${id}`, tags }, signal);
    const body = expectJson<{ data?: { id?: unknown; tags?: unknown } }>(kind, sent, 200);
    if (body.data?.id !== id || JSON.stringify([...(body.data.tags as string[])].sort()) !== JSON.stringify([...tags].sort())) {
      unexpected(kind, `trade ${id}: ${sent.text.slice(0, 200)}`);
    }
  }

  async function putStrategy(signal: AbortSignal) {
    const kind = "PUT /strategies/{account}/{magic}";
    const accountId = pick([...accountIds.values()]);
    const magic = pick(payloadMagicNumbers);
    const name = `Load ${magic} ${Math.floor(random() * 100)}`;
    const sent = await send(kind, "PUT", `/api/v1/strategies/${accountId}/${magic}`, { name }, signal);
    const body = expectJson<{ data?: { name?: unknown } }>(kind, sent, 200);
    if (body.data?.name !== name) unexpected(kind, sent.text.slice(0, 200));
  }

  // The first writes are one of each kind of new trades, so even a short run has them all.
  const firstRolls = [0, 0.5, 0.7, 0.9];

  async function write(index: number, signal: AbortSignal) {
    const roll = firstRolls[index] ?? random();
    if (roll < 0.4) return postSingle("POST /trades (ea)", newTrade(false), signal);
    if (roll < 0.6) return postSingle("POST /trades (legacy)", newTrade(true), signal);
    if (roll < 0.8) return postBatch(signal);
    if (roll < 0.88 && resendPool.length > 0) return resendSingle(signal);
    if (roll < 0.94) return racePair(signal);
    if (roll < 0.98 && acknowledgedIds.length > 0) return patchJournal(signal);
    if (accountIds.size > 0) return putStrategy(signal);
    return postSingle("POST /trades (ea)", newTrade(false), signal);
  }

  // -------------------------------------------------------------------------------------------
  // Readers: every page and every GET endpoint, in turn

  const anyId = () => (acknowledgedIds.length > 0 ? pick(acknowledgedIds) : null);
  const anyAccount = () => (accountIds.size > 0 ? pick([...accountIds.values()]) : null);
  const month = () => `2026-${String(1 + Math.floor(random() * 2)).padStart(2, "0")}-01`;

  /** A random combination of the list's filters, as a query string without "?". */
  function filters(): string {
    const parts: string[] = [];
    const account = anyAccount();
    if (random() < 0.4) parts.push(`symbol=${pick(payloadSymbols).symbol}`);
    if (random() < 0.3) parts.push(`magic_number=${pick(payloadMagicNumbers)}`);
    if (account !== null && random() < 0.3) parts.push(`account_id=${account}`);
    if (random() < 0.15) parts.push(`side=${pick(["BUY", "SELL"])}`);
    if (random() < 0.15) parts.push(`outcome=${pick(["win", "loss", "breakeven"])}`);
    if (random() < 0.1) parts.push("tag=load");
    if (random() < 0.2) parts.push(`from=2025-06-01&to=${month()}`);
    return parts.join("&");
  }
  const withQuery = (path: string, ...parts: string[]) => {
    const query = parts.filter(Boolean).join("&");
    return query ? `${path}?${query}` : path;
  };

  async function page(kind: string, path: string, signal: AbortSignal) {
    const sent = await send(kind, "GET", path, undefined, signal);
    if (sent.status !== 200) unexpected(kind, `${path}: ${sent.status} ${sent.text.slice(0, 200)}`);
    // A server component that fails after the shell was streamed still answers 200: look for the error boundary.
    if (sent.text.includes("This page could not be shown") || /data-dgst="(?!NEXT_HTTP_ERROR_FALLBACK|BAILOUT_TO_CLIENT_SIDE_RENDERING)/.test(sent.text)) {
      unexpected(kind, `${path}: the page rendered its error boundary`);
    }
  }

  async function getJson<T>(kind: string, path: string, signal: AbortSignal): Promise<T> {
    return expectJson<T>(kind, await send(kind, "GET", path, undefined, signal), 200);
  }

  type Page = { data: { id: number; deal_ticket: number }[]; page: { next_cursor: string | null; prev_cursor: string | null } };

  const readers: [string, (signal: AbortSignal) => Promise<unknown>][] = [
    ["page /", (signal) => page("page /", "/", signal)],
    ["page / (filtered)", (signal) => page("page / (filtered)", withQuery("/", filters()), signal)],
    ["page /trades", (signal) => page("page /trades", "/trades", signal)],
    [
      "page /trades (filtered)",
      (signal) => page("page /trades (filtered)", withQuery("/trades", filters(), `sort=${pick(["-net_profit", "symbol", "close_time"])}`, "limit=100"), signal),
    ],
    [
      "page /trades/{id}",
      (signal) => {
        const id = anyId();
        return page("page /trades/{id}", id === null ? "/trades" : withQuery(`/trades/${id}`, random() < 0.5 ? filters() : ""), signal);
      },
    ],
    ["page /settings", (signal) => page("page /settings", "/settings", signal)],
    [
      "GET /trades",
      async (signal) => {
        const query = [filters(), `sort=${pick(["-close_time", "net_profit", "-lot_size", "duration_seconds"])}`, `limit=${pick([10, 50, 200])}`]
          .filter(Boolean)
          .join("&");
        const first = await getJson<Page>("GET /trades", `/api/v1/trades?${query}`, signal);
        if (!first.page.next_cursor) return;
        const next = await getJson<Page>("GET /trades (next_cursor)", `/api/v1/trades?${query}&cursor=${encodeURIComponent(first.page.next_cursor)}`, signal);
        if (next.page.prev_cursor) {
          await getJson<Page>("GET /trades (prev_cursor)", `/api/v1/trades?${query}&cursor=${encodeURIComponent(next.page.prev_cursor)}`, signal);
        }
      },
    ],
    [
      "GET /trades/{id}",
      async (signal) => {
        const id = anyId();
        if (id === null) return getJson("GET /trades/{id}", "/api/v1/trades?limit=1", signal);
        const body = await getJson<{ data: { id: number } }>("GET /trades/{id}", `/api/v1/trades/${id}`, signal);
        if (body.data.id !== id) unexpected("GET /trades/{id}", `asked for ${id}, got ${body.data.id}`);
      },
    ],
    [
      "GET /trades.csv",
      async (signal) => {
        const kind = "GET /trades.csv";
        // A narrow window keeps the export small however long the run is.
        const from = `2026-01-${String(1 + Math.floor(random() * 20)).padStart(2, "0")}`;
        const others = filters().replace(/(^|&)(from|to)=[^&]*/g, "").replace(/^&/, "");
        const path = withQuery("/api/v1/trades.csv", others, `from=${from}`, `to=${from}T06:00:00`, "sort=-net_profit");
        const sent = await send(kind, "GET", path, undefined, signal);
        // fetch's text() drops the byte order mark.
        if (sent.status !== 200 || !sent.text.replace(/^\uFEFF/, "").startsWith("id,account_id,")) {
          unexpected(kind, `${sent.status} ${sent.text.slice(0, 120)}`);
        }
      },
    ],
    ["GET /tags", (signal) => getJson("GET /tags", "/api/v1/tags", signal)],
    ["GET /accounts", (signal) => getJson("GET /accounts", "/api/v1/accounts", signal)],
    ["GET /strategies", (signal) => getJson("GET /strategies", "/api/v1/strategies", signal)],
    ["GET /balance-operations", (signal) => getJson("GET /balance-operations", "/api/v1/balance-operations", signal)],
    ["GET /analytics/summary", (signal) => getJson("GET /analytics/summary", withQuery("/api/v1/analytics/summary", filters()), signal)],
    ["GET /analytics/equity", (signal) => getJson("GET /analytics/equity", withQuery("/api/v1/analytics/equity", filters(), "points=200"), signal)],
    [
      "GET /analytics/daily",
      (signal) => getJson("GET /analytics/daily", withQuery("/api/v1/analytics/daily", filters(), `period=${pick(["day", "week", "month"])}`), signal),
    ],
    [
      "GET /analytics/breakdown",
      (signal) =>
        getJson(
          "GET /analytics/breakdown",
          withQuery("/api/v1/analytics/breakdown", filters(), `by=${pick(["symbol", "strategy", "side", "position_reason", "weekday", "hour", "account_id"])}`),
          signal,
        ),
    ],
    ["GET /analytics/distribution", (signal) => getJson("GET /analytics/distribution", withQuery("/api/v1/analytics/distribution", filters()), signal)],
    ["GET /health", (signal) => getJson("GET /health", "/api/v1/health", signal)],
    ["GET /openapi.json", (signal) => getJson("GET /openapi.json", "/api/v1/openapi.json", signal)],
    ["GET /api/v1", (signal) => getJson("GET /api/v1", "/api/v1", signal)],
  ];

  // -------------------------------------------------------------------------------------------
  // Run

  // One deposit per account before the trades, so the summaries compute balance figures too.
  for (const account of accounts) {
    const sent = await send(
      "POST /balance-operations (setup)",
      "POST",
      "/api/v1/balance-operations",
      {
        account_login: account.login,
        account_server: account.server,
        account_currency: account.currency,
        type: "deposit",
        amount: 100_000,
        time: "2024.12.01 00:00:00",
      },
      AbortSignal.timeout(60_000),
    );
    const body = expectJson<{ data: { account_id: number } }>("POST /balance-operations (setup)", sent, 201);
    accountIds.set(accountKeys[accounts.indexOf(account)]!, body.data.account_id);
  }

  const durationMs = options.seconds * 1000;
  const startedAt = performance.now();
  const maxReadRequests = options.maxReadRequests ?? Math.ceil(options.seconds * 500);
  const readOne = async (index: number, signal: AbortSignal) => {
    await readers[index % readers.length]![1](signal);
  };
  // Every page and endpoint once, however slow they are, then in turn until the deadline.
  async function read() {
    if (options.readers === 0) return;
    const sweep = Math.min(readers.length, maxReadRequests);
    await runLoad({ concurrency: options.readers, maxRequests: sweep, durationMs: durationMs + defaultGraceMs, send: readOne });
    await runLoad({
      concurrency: options.readers,
      maxRequests: maxReadRequests - sweep,
      durationMs: durationMs - (performance.now() - startedAt),
      graceMs: defaultGraceMs,
      send: (index, signal) => readOne(sweep + index, signal),
    });
  }
  const ticker = options.progress
    ? setInterval(() => {
        const acknowledged = [...ledger.values()].filter((entry) => entry.created > 0).length;
        const requests = [...stats.values()].reduce((sum, kind) => sum + kind.latencies.length, 0);
        options.progress!(`  ${((performance.now() - startedAt) / 1000).toFixed(0)} s: ${requests} answers, ${acknowledged} trades acknowledged`);
      }, 10_000)
    : undefined;
  try {
    await Promise.all([
      runLoad({
        concurrency: options.writers,
        maxRequests: options.maxWriteRequests ?? Math.ceil(options.seconds * 1000),
        durationMs,
        graceMs: defaultGraceMs,
        send: write,
      }),
      read(),
    ]);
  } finally {
    if (ticker) clearInterval(ticker);
  }
  const elapsedMs = performance.now() - startedAt;

  // -------------------------------------------------------------------------------------------
  // Verify through the API

  const checks: LoadCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const verify = async <T>(path: string): Promise<T> => {
    const response = await fetch(origin + path, { headers, signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`verification: GET ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };

  const listed = await verify<{ data: { id: number; login: number | null; server: string | null; is_default: boolean }[] }>("/api/v1/accounts");
  const touched = new Map<number, AccountKey>();
  for (const account of listed.data) {
    if (account.is_default) touched.set(account.id, "default");
    const index = accounts.findIndex((each) => each.login === account.login && each.server === account.server);
    if (index >= 0) touched.set(account.id, accountKeys[index]!);
  }

  const storedCount = new Map<number, number>();
  let stored = 0;
  let storedUnacknowledged = 0;
  let ambiguousStored = 0;
  let mismatched = 0;
  for (const [accountId, accountKey] of touched) {
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/trades?account_id=${accountId}&sort=close_time&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await verify<{ data: { id: number; deal_ticket: number; profit: number }[]; page: { next_cursor: string | null } }>(path);
      for (const trade of page.data) {
        if (trade.deal_ticket < firstTicket || trade.deal_ticket >= nextTicket) continue; // not this run's
        stored += 1;
        storedCount.set(trade.deal_ticket, (storedCount.get(trade.deal_ticket) ?? 0) + 1);
        const entry = ledger.get(trade.deal_ticket);
        if (!entry || entry.account !== accountKey) {
          mismatched += 1;
          problem(`deal ${trade.deal_ticket} stored in account ${accountId}, sent to ${entry?.account ?? "nobody"}`);
        } else if (entry.created === 0) {
          if (entry.ambiguous) ambiguousStored += 1;
          else {
            storedUnacknowledged += 1;
            problem(`deal ${trade.deal_ticket} is stored (trade ${trade.id}) but was never acknowledged`);
          }
        } else if (trade.id !== entry.tradeId || trade.profit !== entry.profit) {
          mismatched += 1;
          problem(`deal ${trade.deal_ticket}: stored as trade ${trade.id} with profit ${trade.profit}, acknowledged as ${entry.tradeId} with ${entry.profit}`);
        }
      }
      cursor = page.page.next_cursor;
    } while (cursor);
  }

  let acknowledged = 0;
  let lost = 0;
  let ambiguous = 0;
  let doubled = 0;
  for (const entry of ledger.values()) {
    const copies = storedCount.get(entry.ticket) ?? 0;
    if (entry.created > 0) acknowledged += 1;
    if (entry.ambiguous && entry.created === 0) ambiguous += 1;
    if (entry.created > 0 && copies === 0) {
      lost += 1;
      problem(`deal ${entry.ticket} was acknowledged as trade ${entry.tradeId} but is not stored`);
    }
    if (copies > 1 || entry.created > 1) {
      doubled += 1;
      problem(`deal ${entry.ticket}: stored ${copies} times, answered "created" ${entry.created} times`);
    }
  }

  // The analytics come from the per-day segments written in the same transactions as the trades.
  type Summary = { data: { total_trades: number } };
  type Daily = { data: { points: { trades: number }[] } };
  const selections = ["", ...[...touched.keys()].map((id) => `account_id=${id}`), `symbol=${payloadSymbols[0].symbol}`];
  const mismatches: string[] = [];
  for (const selection of selections) {
    const total = (await verify<{ page: { total: number } }>(withQuery("/api/v1/trades", selection, "limit=1"))).page.total;
    const summary = (await verify<Summary>(withQuery("/api/v1/analytics/summary", selection))).data.total_trades;
    const daily = (await verify<Daily>(withQuery("/api/v1/analytics/daily", selection))).data.points.reduce((sum, point) => sum + point.trades, 0);
    if (summary !== total || daily !== total) mismatches.push(`${selection || "all"}: list ${total}, summary ${summary}, daily ${daily}`);
  }

  const serverErrors = [...stats.values()].reduce(
    (sum, kind) => sum + [...kind.statuses].reduce((count, [status, n]) => count + (Number(status) >= 500 ? n : 0), 0),
    0,
  );
  const networkErrors = [...stats.values()].reduce((sum, kind) => sum + (kind.statuses.get("network error") ?? 0), 0);
  check("no 5xx answers", serverErrors === 0, String(serverErrors));
  check("no network errors", networkErrors === 0, String(networkErrors));
  check("every answer as the API promises", unexpectedAnswers === 0, String(unexpectedAnswers));
  check("every acknowledged trade is stored", lost === 0, `${lost} lost of ${acknowledged}`);
  check("no trade stored without acknowledgement", storedUnacknowledged === 0, `${storedUnacknowledged} (ambiguous and stored: ${ambiguousStored})`);
  check("no doubled trade", doubled === 0, String(doubled));
  check("stored trades as acknowledged (id, account, profit)", mismatched === 0, String(mismatched));
  if (options.readers > 0) {
    const missing = readers.map(([kind]) => kind).filter((kind) => !stats.has(kind));
    check("every page and GET endpoint was read", missing.length === 0, missing.join(", ") || `${readers.length} kinds`);
  }
  check("analytics count what the list counts", mismatches.length === 0, mismatches.join("; ") || `${selections.length} selections`);
  if (stored !== acknowledged + ambiguousStored) {
    check("stored = acknowledged + ambiguous-and-stored", false, `${stored} stored, ${acknowledged} acknowledged, ${ambiguousStored} ambiguous`);
  }

  const kinds = [...stats.entries()]
    .map(([kind, { statuses, latencies }]) => {
      latencies.sort((a, b) => a - b);
      const summary = summarizeLatencies(latencies);
      return {
        kind,
        requests: [...statuses.values()].reduce((sum, count) => sum + count, 0),
        statuses: Object.fromEntries([...statuses].sort()),
        p50Ms: summary.p50Ms,
        p99Ms: summary.p99Ms,
        maxMs: summary.maxMs,
      };
    })
    .sort((a, b) => (a.kind.startsWith("page") === b.kind.startsWith("page") ? 0 : a.kind.startsWith("page") ? 1 : -1));

  const report: JournalLoadReport = {
    seconds: options.seconds,
    writers: options.writers,
    readers: options.readers,
    elapsedMs,
    kinds,
    requests: kinds.reduce((sum, kind) => sum + kind.requests, 0),
    serverErrors,
    networkErrors,
    unexpectedAnswers,
    trades: { sent: ledger.size, acknowledged, stored, lost, storedUnacknowledged, ambiguous, ambiguousStored, doubled, mismatched },
    checks,
    problems,
    firstTicket,
    endTicket: nextTicket,
    pass: false,
  };
  report.pass = checks.every((each) => each.ok);
  return report;
}

/**
 * Checks on the SQLite file once the server is down: `PRAGMA integrity_check`, and that it holds
 * exactly the run's trades the API listed. Adds them to the report and updates its verdict.
 */
export function checkDatabaseFile(report: JournalLoadReport, databaseFile: string): void {
  const handle = new Database(databaseFile, { fileMustExist: true });
  try {
    const integrity = handle.pragma("integrity_check", { simple: true });
    report.checks.push({ name: "PRAGMA integrity_check", ok: integrity === "ok", detail: String(integrity) });
    const row = handle
      .prepare("SELECT COUNT(*) AS trades, COUNT(DISTINCT account_id || ':' || deal_ticket) AS distinct_trades FROM trades WHERE deal_ticket >= ? AND deal_ticket < ?")
      .get(report.firstTicket, report.endTicket) as { trades: number; distinct_trades: number };
    report.checks.push({
      name: "the database file holds what the API listed",
      ok: row.trades === report.trades.stored && row.distinct_trades === row.trades,
      detail: `${row.trades} rows, ${row.distinct_trades} distinct, ${report.trades.stored} listed`,
    });
  } finally {
    handle.close();
  }
  report.pass = report.checks.every((each) => each.ok);
}

/** The server's log must report no error (a 5xx the client may not see, a failed render). */
export function checkServerLog(report: JournalLoadReport, logFile: string): void {
  const errors = serverLogErrors(logFile);
  report.checks.push({ name: "no errors in the server log", ok: errors.length === 0, detail: errors.slice(0, 3).join(" | ").slice(0, 300) || "0" });
  report.pass = report.checks.every((each) => each.ok);
}

const formatMs = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(1) : value.toFixed(0));

export function formatLoadReport(report: JournalLoadReport): string {
  const rows = report.kinds.map((kind) => [
    kind.kind,
    String(kind.requests),
    Object.entries(kind.statuses).map(([status, count]) => `${status}:${count}`).join(" "),
    formatMs(kind.p50Ms),
    formatMs(kind.p99Ms),
    formatMs(kind.maxMs),
  ]);
  const header = ["request", "count", "statuses", "p50 ms", "p99 ms", "max ms"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  const { trades } = report;
  const out = [
    `${report.writers} writers, ${report.readers} readers, ${report.seconds} s (ran ${(report.elapsedMs / 1000).toFixed(1)} s): ` +
      `${report.requests} requests, ${(report.requests / (report.elapsedMs / 1000)).toFixed(0)} req/s`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `trades: ${trades.sent} sent, ${trades.acknowledged} acknowledged as created, ${trades.stored} stored; ` +
      `${trades.lost} lost, ${trades.doubled} doubled, ${trades.storedUnacknowledged} stored unacknowledged, ` +
      `${trades.ambiguous} ambiguous (no answer; ${trades.ambiguousStored} of them stored), ${trades.mismatched} mismatched`,
    "",
    ...report.checks.map((each) => `${each.ok ? "ok  " : "FAIL"}  ${each.name}: ${each.detail}`),
  ];
  if (report.problems.length > 0) out.push("", "problems (first ones):", ...report.problems.map((each) => `  ${each}`));
  out.push("", report.pass ? "PASS" : "FAIL");
  return out.join("\n");
}
