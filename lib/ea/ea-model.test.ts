import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import type { EaResponse } from "@/lib/ea/ea-model";
import { isExitDeal, type Deal } from "@/lib/mt5/trades-from-deals";
import { createTradeBody } from "@/lib/schemas/trade";
import { Network, Terminal, temporaryCommonFiles } from "@/lib/test/ea-harness";
import { at, hedgingDeals, nettingDeals } from "@/lib/test/mt5-deals";
import { resetDatabase } from "@/lib/test/reset-database";
import { createTrade } from "@/lib/trades/create-trade";

// The replay test of the EA (mql5/): deal streams go through the TypeScript model of its queue,
// batching, backoff and backfill (lib/ea/ea-model.ts, kept in step with Journal.mqh) into the real
// API, through outages, crashes and restarts. Every exit deal must be stored exactly once, with the
// side, prices and costs worked out by hand in lib/test/mt5-deals.ts.

beforeEach(resetDatabase);

interface StoredTrade {
  login: number;
  deal_ticket: number;
  source: string;
  side: string;
  lot_size: number;
  entry_price: number;
  exit_price: number;
  commission: number;
  entry_commission: number | null;
  swap: number;
  net_profit: number;
  magic_number: number | null;
  utc_offset_minutes: number | null;
}

function storedTrades(): StoredTrade[] {
  return sqlite()
    .prepare(
      `SELECT a.login, t.deal_ticket, t.source, t.side, t.lot_size, t.entry_price, t.exit_price, t.commission,
              t.entry_commission, t.swap, t.net_profit, t.magic_number, t.utc_offset_minutes
         FROM trades t JOIN accounts a ON a.id = t.account_id ORDER BY a.login, t.deal_ticket`,
    )
    .safeIntegers(false)
    .all() as StoredTrade[];
}

function storedOperations() {
  return sqlite()
    .prepare(
      `SELECT a.login, o.ticket, o.type, o.amount FROM balance_operations o JOIN accounts a ON a.id = o.account_id
        ORDER BY a.login, o.ticket`,
    )
    .safeIntegers(false)
    .all() as { login: number; ticket: number; type: string; amount: number }[];
}

/** Side, lots, entry, exit, commission (entry part), swap and net of every exit deal, by hand. */
const expectedTrades: Omit<StoredTrade, "source" | "magic_number" | "utc_offset_minutes">[] = [
  { login: 5001, deal_ticket: 203, side: "BUY", lot_size: 0.4, entry_price: 1.08, exit_price: 1.082, commission: -5.6, entry_commission: -2.8, swap: 0, net_profit: 74.4 },
  { login: 5001, deal_ticket: 205, side: "BUY", lot_size: 0.6, entry_price: 1.08, exit_price: 1.083, commission: -8.4, entry_commission: -4.2, swap: -1.5, net_profit: 170.1 },
  { login: 5001, deal_ticket: 303, side: "BUY", lot_size: 0.3, entry_price: 2000.1, exit_price: 2001.5, commission: -1.5, entry_commission: -1.5, swap: 0, net_profit: 40.5 },
  { login: 5001, deal_ticket: 304, side: "SELL", lot_size: 0.3, entry_price: 2001.5, exit_price: 2001.5, commission: -1.5, entry_commission: -1.5, swap: 0, net_profit: -1.5 },
  { login: 5001, deal_ticket: 306, side: "BUY", lot_size: 0.2, entry_price: 2000.1, exit_price: 1999, commission: -2, entry_commission: -1, swap: 0, net_profit: -24 },
  { login: 5002, deal_ticket: 403, side: "BUY", lot_size: 0.5, entry_price: 1.101, exit_price: 1.103, commission: -3, entry_commission: -1.5, swap: 0, net_profit: 97 },
  { login: 5002, deal_ticket: 404, side: "BUY", lot_size: 1.5, entry_price: 1.101, exit_price: 1.104, commission: -9, entry_commission: -4.5, swap: 0, net_profit: 441 },
  { login: 5002, deal_ticket: 405, side: "SELL", lot_size: 1, entry_price: 1.104, exit_price: 1.101, commission: -6, entry_commission: -3, swap: -2, net_profit: 292 },
];

const dealsOf = (deals: Deal[], ...tickets: number[]) => deals.filter((deal) => tickets.includes(deal.ticket));
const start = at("2026.03.05 00:00:00");

describe("the EA, replayed against the API", () => {
  it("stores every exit deal exactly once through an outage, a crash, a backfill and a reconnect", async () => {
    const network = new Network();
    const common = temporaryCommonFiles(); // both terminals share Common/Files, as on one machine
    const hedging = new Terminal(5001, "Broker-Demo", common, start);
    const netting = new Terminal(5002, "Broker Netting #2", common, start);
    hedging.startEa(network);
    netting.startEa(network);

    // Running normally: the deposit and the first partial close arrive.
    hedging.execute(...dealsOf(hedgingDeals, 100, 201, 203));
    netting.execute(...dealsOf(nettingDeals, 400, 401, 402));
    // Deal 403's event comes before the history shows it: the EA waits for it.
    netting.historyLag.set(403, netting.seconds + 4);
    netting.execute(...dealsOf(nettingDeals, 403));
    await Promise.all([hedging.run(10), netting.run(10)]);
    expect(storedTrades().map((t) => t.deal_ticket)).toEqual([203, 403]);

    // The journal goes down: refused connections, then timeouts, then 503s. Trades keep closing.
    network.outage = "refused";
    hedging.execute(...dealsOf(hedgingDeals, 301, 302, 303, 304));
    await hedging.run(20);
    network.outage = "timeout";
    await hedging.run(20);
    network.outage = "unavailable";
    await hedging.run(60); // the backoff has reached 40 s
    expect(hedging.ea!.queue.count()).toBe(2);
    expect(hedging.ea!.status()).toMatchObject({ state: "retrying", queued: 2 });
    expect(hedging.ea!.status().lastError).toContain("HTTP 503");

    // The hedging terminal crashes while the journal is still down, and stays off while 205, 306
    // and 307 happen: no events for those.
    hedging.stopEa();
    hedging.execute(...dealsOf(hedgingDeals, 205, 306, 307));
    await hedging.run(5);

    // The netting terminal loses its broker connection while the reversal and the close happen.
    netting.online = false;
    netting.deals.push(...dealsOf(nettingDeals, 404, 405, 406)); // no OnTradeTransaction while disconnected
    await netting.run(5);

    // The hedging terminal comes back: the queue file still holds 303 and 304, and the backfill
    // (from the last acknowledged close minus a day) finds what happened while it was off.
    const restarted = hedging.startEa(network);
    await hedging.run(3);
    expect(restarted.queue.count()).toBeGreaterThanOrEqual(5);
    network.outage = "none";
    netting.online = true;
    await Promise.all([hedging.run(400), netting.run(60)]);

    const exitDeals = [...hedgingDeals, ...nettingDeals].filter(isExitDeal);
    const stored = storedTrades();
    expect(stored).toHaveLength(exitDeals.length);
    expect(stored).toMatchObject(expectedTrades);
    for (const trade of stored) {
      expect(trade).toMatchObject({ source: "ea", utc_offset_minutes: 120 });
    }
    expect(stored.filter((t) => t.login === 5001).map((t) => t.magic_number)).toEqual([1001, 1001, 0, 2002, 0]);
    expect(storedOperations()).toEqual([
      { login: 5001, ticket: 100, type: "deposit", amount: 10_000 },
      { login: 5001, ticket: 307, type: "adjustment", amount: -3.25 },
      { login: 5002, ticket: 400, type: "deposit", amount: 5_000 },
      { login: 5002, ticket: 406, type: "withdrawal", amount: -500 },
    ]);

    // Every cent of every closed position is in the journal once: net of the trades = sum of the deals.
    for (const [login, deals] of [[5001, hedgingDeals], [5002, nettingDeals]] as const) {
      const dealsNet = deals
        .filter((deal) => deal.type === "BUY" || deal.type === "SELL")
        .reduce((sum, deal) => sum + deal.profit + deal.commission + deal.swap + deal.fee, 0);
      const tradesNet = stored.filter((t) => t.login === login).reduce((sum, t) => sum + t.net_profit, 0);
      expect(tradesNet).toBeCloseTo(dealsNet, 8);
    }

    for (const terminal of [hedging, netting]) {
      expect(terminal.ea!.status()).toMatchObject({ queued: 0, refused: 0, state: "sending", backfilling: false });
      expect(terminal.ea!.queue.deadLetters()).toEqual([]);
    }
    // Re-sends (the backfill overlaps what was already acknowledged) were free: duplicates, not rows.
    expect(restarted.queue.sentCount()).toBeGreaterThan(stored.filter((t) => t.login === 5001).length);
    expect(restarted.queue.lastAcknowledgedClose()).toBe(at("2026.03.03 14:00:00"));
  });

  it("backs off 5 s, 10 s, 20 s ... while the journal is unreachable, and sends at once when it is back", async () => {
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network);
    await terminal.run(2);
    network.outage = "refused";
    terminal.execute(...dealsOf(hedgingDeals, 201, 203));
    await terminal.run(80);
    const attempts = network.requests.filter((r) => r.path === "/api/v1/trades/batch").length;
    // Tries at about 0, 5, 15, 35 and 75 s: five, not eighty.
    expect(attempts).toBe(5);
    expect(terminal.ea!.status().lastError).toContain("cannot connect to http://journal.test");
    network.outage = "none";
    await terminal.run(90);
    expect(storedTrades().map((t) => t.deal_ticket)).toEqual([203]);
  });

  it("sends a record the journal refuses to the dead-letter file with the journal's reason, and the rest on", async () => {
    // The journal already holds deal 203 with another profit (say, a hand-edited import).
    const account = { account_login: 5001, account_server: "Broker-Demo", account_currency: "USD" };
    const stored = { symbol: "EURUSD", deal_ticket: 203, position_type: "BUY", lot_size: 0.4, profit: 99, close_time: "2026.03.02 11:30:00", exit_price: 1.082 };
    await createTrade(validate(createTradeBody, { ...stored, ...account }, "trade"));
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network);
    terminal.execute(...dealsOf(hedgingDeals, 201, 203, 205));
    await terminal.run(10);
    const ea = terminal.ea!;
    expect(ea.queue.count()).toBe(0);
    expect(ea.status()).toMatchObject({ refused: 1, sent: 1 });
    const [letter] = ea.queue.deadLetters();
    expect(letter!.reason).toContain("conflict");
    expect(letter!.reason).toContain("trades.0.profit: stored 99, received 80");
    expect(JSON.parse(letter!.payload)).toMatchObject({ deal_ticket: 203, profit: 80 });
    expect(storedTrades().map((t) => [t.deal_ticket, t.net_profit])).toEqual([[203, 99], [205, 170.1]]);
  });

  it("stops sending on 401/403 and keeps the queue; reloaded with a good key, everything arrives", async () => {
    const first = createApiKey({ name: "VPS", scope: "write", accountId: null });
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network, { apiKey: first.key });
    terminal.execute(...dealsOf(hedgingDeals, 201, 203));
    await terminal.run(10);
    expect(storedTrades()).toHaveLength(1);

    revokeApiKey(first.record.id);
    terminal.execute(...dealsOf(hedgingDeals, 205));
    await terminal.run(60);
    const ea = terminal.ea!;
    expect(ea.status()).toMatchObject({ state: "stopped", queued: 1 });
    expect(ea.status().problem).toContain("HTTP 403 forbidden");
    expect(network.requests.filter((r) => r.status === 403)).toHaveLength(1); // it stopped: no hammering

    const second = createApiKey({ name: "VPS 2", scope: "write", accountId: null });
    terminal.startEa(network, { apiKey: second.key });
    await terminal.run(10);
    expect(storedTrades().map((t) => t.deal_ticket)).toEqual([203, 205]);
  });

  it("says what to do when the key is missing, unknown or read-only, before sending anything", async () => {
    createApiKey({ name: "VPS", scope: "write", accountId: null });
    const reader = createApiKey({ name: "Reader", scope: "read", accountId: null });
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.execute(...dealsOf(hedgingDeals, 201, 203));
    for (const [apiKey, problem] of [
      ["", "this journal requires an API key: create a write key in Settings > API keys"],
      ["mtj_not-a-key-this-journal-knows-of-at-all-xx", "the journal does not know this API key"],
      [reader.key, "this key may not send trades (a read key?)"],
    ] as const) {
      terminal.startEa(network, { apiKey });
      await terminal.run(3);
      expect(terminal.ea!.status()).toMatchObject({ state: "not connected", queued: 1 });
      expect(terminal.ea!.status().problem).toContain(problem);
    }
    expect(network.requests.filter((r) => r.path === "/api/v1/trades/batch")).toEqual([]);
  });

  it("tells the user to allow the URL (error 4014), and starts once it is allowed", async () => {
    const network = new Network();
    network.outage = "url-not-allowed";
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network);
    terminal.execute(...dealsOf(hedgingDeals, 201, 203));
    await terminal.run(5);
    expect(terminal.ea!.status().problem).toBe(
      "WebRequest is not allowed for http://journal.test: add it in Tools > Options > Expert Advisors > Allow WebRequest for listed URL",
    );
    network.outage = "none";
    await terminal.run(35); // the checks run again every 30 s
    expect(terminal.ea!.status()).toMatchObject({ state: "sending", problem: "", queued: 0 });
    expect(storedTrades()).toHaveLength(1);
  });

  it("halves the batch on 413 until the journal takes it, and waits as long as Retry-After says on 429", async () => {
    const network = new Network();
    let limited = 1;
    network.intercept = (_method, path, body): EaResponse | null => {
      if (path !== "/api/v1/trades/batch") return null;
      if ((JSON.parse(body) as { trades: unknown[] }).trades.length > 1) {
        return { status: 413, error: 0, body: '{"error":{"code":"payload_too_large","message":"Body over 2 MiB"}}', headers: {} };
      }
      if (limited-- > 0) return { status: 429, error: 0, body: '{"error":{"code":"rate_limited","message":"Slow down"}}', headers: { "retry-after": "40" } };
      return null;
    };
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network, { batchSize: 8 });
    terminal.execute(...hedgingDeals);
    await terminal.run(30);
    expect(storedTrades()).toHaveLength(0); // 413 (5 trades), 413 (2), then 429 (1): wait 40 s
    await terminal.run(30);
    expect(storedTrades()).toHaveLength(5);
    const batches = network.requests.filter((r) => r.path === "/api/v1/trades/batch");
    expect(batches.slice(0, 3).map((r) => r.status)).toEqual([413, 413, 429]);
    expect(batches.slice(3).every((r) => r.status === 200 && (JSON.parse(r.body) as { trades: unknown[] }).trades.length === 1)).toBe(true);
    expect(terminal.ea!.queue.deadLetters()).toEqual([]);
  });

  it("journals only the chosen magic numbers, and manual trades only when asked", async () => {
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network, { magicNumbers: " 1001, 7", journalManualTrades: false });
    terminal.execute(...hedgingDeals);
    await terminal.run(10);
    // 303 and 306 are manual (magic 0), 304 is magic 2002; balance operations always go.
    expect(storedTrades().map((t) => t.deal_ticket)).toEqual([203, 205]);
    expect(storedOperations().map((o) => o.ticket)).toEqual([100, 307]);
  });

  it("sends the same payload for a deal whenever it is built, so a backfill over sent trades adds nothing", async () => {
    const network = new Network();
    const terminal = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    terminal.startEa(network);
    terminal.execute(...hedgingDeals);
    await terminal.run(10);
    const sentTrades = () =>
      network.requests
        .filter((r) => r.path === "/api/v1/trades/batch")
        .flatMap((r) => (JSON.parse(r.body) as { trades: { deal_ticket: number }[] }).trades)
        .toSorted((a, b) => a.deal_ticket - b.deal_ticket)
        .map((trade) => JSON.stringify(trade));
    const fromEvents = sentTrades();
    network.requests = [];
    // Another terminal of the same account, its state gone: the whole history again, from the backfill.
    const other = new Terminal(5001, "Broker-Demo", temporaryCommonFiles(), start);
    other.deals.push(...hedgingDeals);
    other.startEa(network);
    await other.run(10);
    expect(sentTrades()).toEqual(fromEvents);
    expect(storedTrades()).toHaveLength(5);
    expect(other.ea!.status()).toMatchObject({ sent: 7, refused: 0 }); // 5 trades, 2 balance operations: duplicates
  });
});
