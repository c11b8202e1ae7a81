import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import type { JournalServer } from "@/lib/bench/journal-server";
import { describeError, runLoad } from "@/lib/bench/load";
import { createPayloadFactory, type PayloadAccount } from "@/lib/bench/trade-payloads";

/**
 * Batches streamed at a server that is then killed with `kill -9`, and what must hold afterwards:
 * every batch answered 200 is stored whole with the ids it was given, a batch that got no answer is
 * stored whole or not at all (one transaction), and nothing else is stored.
 */
export interface Batch {
  index: number;
  tickets: number[];
  payloads: Record<string, unknown>[];
  /** "unanswered": sent, and the server died before answering: all or none of it may be stored. */
  state: "acknowledged" | "unanswered" | "refused";
  tradeIds?: number[];
  answer?: string;
}

export interface StreamRound {
  acknowledged: number;
  unanswered: number;
  /** Batch requests sent and not yet answered when the kill signal went out. */
  inFlightAtKill: number;
}

export interface StoredCheck {
  problems: string[];
  stored: number;
  /** Unanswered batches found whole / found absent. */
  unansweredWhole: number;
  unansweredAbsent: number;
}

export function createBatchCrashRun({ batchSize = 200, seed = 1, account }: { batchSize?: number; seed?: number; account: PayloadAccount }) {
  const factory = createPayloadFactory(seed);
  const firstTicket = Date.now() * 1000;
  const batches: Batch[] = [];
  const jsonHeaders = (server: JournalServer) => ({ ...server.headers, "content-type": "application/json" });

  function newBatch(): Batch {
    const index = batches.length;
    const tickets = Array.from({ length: batchSize }, (_, item) => firstTicket + index * batchSize + item);
    const batch: Batch = { index, tickets, payloads: tickets.map((ticket) => factory.extended(ticket, account)), state: "unanswered" };
    batches.push(batch);
    return batch;
  }

  async function post(server: JournalServer, batch: Batch, signal?: AbortSignal) {
    const response = await fetch(`${server.origin}/api/v1/trades/batch`, {
      method: "POST",
      headers: jsonHeaders(server),
      body: JSON.stringify({ trades: batch.payloads }),
      signal,
    });
    const text = await response.text();
    return { status: response.status, text };
  }

  /** Reads a 200 answer: every item must have the same status (all created, or all duplicate on a re-send). */
  function accept(batch: Batch, answer: { status: number; text: string }, allowed: readonly string[]) {
    if (answer.status !== 200) {
      batch.state = "refused";
      batch.answer = `${answer.status} ${answer.text.slice(0, 200)}`;
      return;
    }
    const body = JSON.parse(answer.text) as { results: { status: string; trade_id?: number }[] };
    const statuses = new Set(body.results.map((result) => result.status));
    const [status] = statuses;
    if (body.results.length !== batchSize || statuses.size !== 1 || !allowed.includes(status!)) {
      batch.state = "refused";
      batch.answer = `statuses ${[...statuses].join(", ")} for ${body.results.length} items`;
      return;
    }
    batch.state = "acknowledged";
    batch.tradeIds = body.results.map((result) => result.trade_id!);
  }

  return {
    batches,

    /**
     * `streams` concurrent streams of new batches; once `killAfter` batches of this round are
     * acknowledged, and while others are in flight, the server is killed (after a random few ms,
     * so the kill lands at different moments of a request: receiving, storing, answering).
     */
    async streamUntilKilled(server: JournalServer, { streams = 2, killAfter }: { streams?: number; killAfter: number }): Promise<StreamRound> {
      const round: StreamRound = { acknowledged: 0, unanswered: 0, inFlightAtKill: 0 };
      let inFlight = 0;
      let killed = false;
      let killing: Promise<void> | undefined;
      await runLoad({
        concurrency: streams,
        maxRequests: killAfter + 50,
        durationMs: 300_000,
        graceMs: 60_000,
        send: async (_index, signal) => {
          if (killed) return;
          const batch = newBatch();
          inFlight += 1;
          try {
            accept(batch, await post(server, batch, signal), ["created"]);
          } catch (error) {
            batch.state = "unanswered";
            batch.answer = describeError(error);
          } finally {
            inFlight -= 1;
          }
          if (batch.state === "acknowledged") round.acknowledged += 1;
          if (batch.state === "unanswered") round.unanswered += 1;
          if (round.acknowledged >= killAfter && !killing) {
            killing = sleep(Math.floor(factory.random() * 80)).then(() => {
              round.inFlightAtKill = inFlight;
              killed = true;
              return server.kill();
            });
          }
        },
      });
      if (!killing) throw new Error(`the stream ended before ${killAfter} batches were acknowledged`);
      await killing;
      return round;
    },

    /** After a restart, the EA sends again what got no answer: it must be all created or all duplicate. */
    async resendUnanswered(server: JournalServer): Promise<{ created: number; duplicate: number }> {
      const counts = { created: 0, duplicate: 0 };
      for (const batch of batches.filter((each) => each.state === "unanswered")) {
        const answer = await post(server, batch, AbortSignal.timeout(120_000));
        accept(batch, answer, ["created", "duplicate"]);
        if (batch.state === "acknowledged") counts[JSON.parse(answer.text).results[0].status as "created" | "duplicate"] += 1;
      }
      return counts;
    },

    /** Compares what is stored (deal ticket -> trade id) with the batches. */
    checkStored(stored: Map<number, number>): StoredCheck {
      const check: StoredCheck = { problems: [], stored: stored.size, unansweredWhole: 0, unansweredAbsent: 0 };
      const problem = (message: string) => {
        if (check.problems.length < 20) check.problems.push(message);
      };
      for (const batch of batches) {
        const present = batch.tickets.filter((ticket) => stored.has(ticket));
        if (batch.state === "refused") problem(`batch ${batch.index} was refused: ${batch.answer}`);
        if (batch.state === "acknowledged") {
          if (present.length !== batchSize) problem(`batch ${batch.index} was acknowledged, ${present.length} of ${batchSize} trades are stored`);
          const moved = batch.tickets.findIndex((ticket, item) => stored.has(ticket) && stored.get(ticket) !== batch.tradeIds![item]);
          if (moved >= 0) problem(`batch ${batch.index} item ${moved}: stored as trade ${stored.get(batch.tickets[moved]!)}, acknowledged as ${batch.tradeIds![moved]}`);
        }
        if (batch.state === "unanswered") {
          if (present.length === batchSize) check.unansweredWhole += 1;
          else if (present.length === 0) check.unansweredAbsent += 1;
          else problem(`batch ${batch.index} got no answer and is stored in part: ${present.length} of ${batchSize} trades`);
        }
      }
      const sent = batches.length * batchSize;
      for (const ticket of stored.keys()) {
        if (ticket < firstTicket || ticket >= firstTicket + sent) problem(`deal ${ticket} is stored but was never sent`);
      }
      return check;
    },

    /** The account's trades through the API, and the analytics' counts against the list's. */
    async readStoredOverApi(server: JournalServer): Promise<{ stored: Map<number, number>; countMismatches: string[] }> {
      const get = async <T>(path: string): Promise<T> => {
        const response = await fetch(server.origin + path, { headers: server.headers, signal: AbortSignal.timeout(120_000) });
        if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      };
      const accounts = await get<{ data: { id: number; login: number | null; server: string | null }[] }>("/api/v1/accounts");
      const accountId = accounts.data.find((each) => each.login === account.login && each.server === account.server)?.id;
      const stored = new Map<number, number>();
      const countMismatches: string[] = [];
      if (accountId === undefined) return { stored, countMismatches };
      let cursor: string | null = null;
      do {
        const path: string = `/api/v1/trades?account_id=${accountId}&sort=close_time&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = await get<{ data: { id: number; deal_ticket: number }[]; page: { next_cursor: string | null } }>(path);
        for (const trade of page.data) {
          if (stored.has(trade.deal_ticket)) countMismatches.push(`deal ${trade.deal_ticket} listed twice`);
          stored.set(trade.deal_ticket, trade.id);
        }
        cursor = page.page.next_cursor;
      } while (cursor);
      for (const selection of ["", `account_id=${accountId}`]) {
        const query = selection ? `?${selection}` : "";
        const total = (await get<{ page: { total: number } }>(`/api/v1/trades?limit=1${selection ? `&${selection}` : ""}`)).page.total;
        const summary = (await get<{ data: { total_trades: number } }>(`/api/v1/analytics/summary${query}`)).data.total_trades;
        const daily = (await get<{ data: { points: { trades: number }[] } }>(`/api/v1/analytics/daily${query}`)).data.points.reduce(
          (sum, point) => sum + point.trades,
          0,
        );
        if (summary !== total || daily !== total) countMismatches.push(`${selection || "all"}: list ${total}, summary ${summary}, daily ${daily}`);
      }
      if (stored.size !== (await get<{ page: { total: number } }>(`/api/v1/trades?limit=1&account_id=${accountId}`)).page.total) {
        countMismatches.push(`listed ${stored.size} trades, the list's total says otherwise`);
      }
      return { stored, countMismatches };
    },
  };
}

/**
 * Opens the SQLite file of a server that is down, read-only (so the next server start still does
 * its own recovery of the WAL): `PRAGMA integrity_check` and the account's trades.
 */
export function readStoredFromFile(databaseFile: string, account: PayloadAccount): { integrity: string; stored: Map<number, number> } {
  const handle = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(handle.pragma("integrity_check", { simple: true }));
    const rows = handle
      .prepare("SELECT t.deal_ticket AS ticket, t.id AS id FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = ? AND a.server = ?")
      .all(account.login, account.server) as { ticket: number; id: number }[];
    return { integrity, stored: new Map(rows.map((row) => [row.ticket, row.id])) };
  } finally {
    handle.close();
  }
}
