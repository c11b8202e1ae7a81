import { beforeEach, describe, expect, it } from "vitest";
import { POST as postMerge } from "@/app/api/v1/accounts/[id]/merge/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/accounts/[id]/route";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { getSummary } from "@/lib/analytics/get-summary";
import { freshenGroups, freshenSegments, rebuildSegments, type StreamKind } from "@/lib/analytics/trade-segments";
import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { listBalanceOperations } from "@/lib/balance-operations/list-balance-operations";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { setStrategyNameBody, strategyParams } from "@/lib/schemas/strategy";
import { createTradeBody } from "@/lib/schemas/trade";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { createRandom, generateDemoBalanceOperations, generateDemoTrades, type DemoAccount } from "@/lib/seed/demo-trades";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { setStrategyName } from "@/lib/strategies/set-strategy-name";
import { resetDatabase } from "@/lib/test/reset-database";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";
import { storeTrades } from "@/lib/trades/store-trades";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

type Payload = Record<string, unknown>;

const body = (payload: Payload) => validate(createTradeBody, payload, "trade");
const store = (payloads: Payload[]) => storeTrades(payloads.map(body));
const addBalanceOperation = (payload: Payload) => createBalanceOperation(validate(createBalanceOperationBody, payload, "balance operation"));
const nameStrategy = (accountId: number, magic: number, name: string) =>
  setStrategyName(validate(strategyParams, { account_id: String(accountId), magic_number: String(magic) }, "path"), validate(setStrategyNameBody, { name }, "strategy"));
const count = (sql: string, ...params: unknown[]) => sqlite().prepare(sql).pluck().get(...params) as number;
const accountIdOf = (login: number) => count("SELECT id FROM accounts WHERE login = ?", login);
const defaultAccountId = () => count("SELECT id FROM accounts WHERE is_default = 1");
const cents = (value: number) => Math.round(value * 100) / 100;

/** Calls a route handler as Next.js does; answers the status and the parsed body (null for 204). */
async function call(
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  id: string | number,
  method: string,
  payload?: unknown,
) {
  const request = new Request(`http://journal.test/api/v1/accounts/${id}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: payload === undefined ? undefined : typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  const response = await handler(request, { params: Promise.resolve({ id: String(id) }) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}
const patch = (id: string | number, payload: unknown) => call(patchRoute, id, "PATCH", payload);
const remove = (id: string | number) => call(deleteRoute, id, "DELETE");
const merge = (id: string | number, payload: unknown) => call(postMerge, id, "POST", payload);
const fields = (response: { body: { error: { details?: { field: string }[] } } }) =>
  response.body.error.details?.map((detail) => detail.field);

/** The segments table after every stale one was recomputed, in a stable order, with stats parsed. */
function segments(): Record<string, unknown>[] {
  for (const kind of ["all", "symbol", "magic", "account"] satisfies StreamKind[]) freshenSegments(sqlite(), kind);
  const streams = sqlite().prepare("SELECT DISTINCT kind, key FROM trade_segments").all() as { kind: StreamKind; key: string }[];
  for (const { kind, key } of streams) freshenGroups(sqlite(), kind, key, -1e9, 1e9);
  const rows = sqlite().prepare("SELECT * FROM trade_segments ORDER BY kind, key, currency, day").all() as { stats: string }[];
  // Group sums are added per write, not in one pass: compare them to 6 decimals.
  const groups = (sqlite().prepare("SELECT * FROM segment_groups ORDER BY kind, key, dimension, day, currency, group_key").all() as Payload[]).map(
    (row) => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, typeof value === "number" ? Number(value.toFixed(6)) : value])),
  );
  return [...rows.map((row) => ({ ...row, stats: JSON.parse(row.stats) })), ...groups];
}

/** The kept segments equal a rebuild from the trades. */
function expectSegmentsExact(): void {
  const kept = segments();
  expect(kept.length).toBeGreaterThan(0);
  rebuildSegments(sqlite());
  expect(segments()).toEqual(kept);
}

const summary = (query: Payload = {}) => getSummary(validate(tradeFiltersQuery, query, "query"));
type Summary = ReturnType<typeof summary>;
/** Balance figures need whole accounts, which the forced pass below is not: compare the rest. */
function tradeFigures(result: Summary) {
  const strip = ({ balance: _b, gain_percent: _g, max_drawdown_percent: _m, ...rest }: Omit<Summary, "by_currency">) => rest;
  const { by_currency: byCurrency, ...top } = result;
  return { ...strip(top), by_currency: byCurrency.map(strip) };
}

/** From the segments (the streams they serve) equals one ordered pass over the trades (a no-op outcome filter). */
function expectSummariesFromTrades(queries: Payload[]): void {
  for (const query of queries) {
    expect(tradeFigures(summary(query)), JSON.stringify(query)).toEqual(tradeFigures(summary({ ...query, outcome: ["win", "loss", "breakeven"] })));
  }
}

/** Trades and net per currency of payloads, computed here, to the cent: [currency, trades, net]. */
function totalsOf(trades: { currency: string | null; payload: Payload }[]) {
  const totals = new Map<string | null, [number, number]>();
  for (const { currency, payload } of trades) {
    const [n, net] = totals.get(currency) ?? [0, 0];
    const costs = ["profit", "commission", "swap", "fee"].reduce((sum, field) => sum + Number(payload[field] ?? 0), 0);
    totals.set(currency, [n + 1, net + costs]);
  }
  return [...totals]
    .sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""))
    .map(([currency, [n, net]]) => [currency, n, cents(net)]);
}
const summaryTotals = (result: Summary) => result.by_currency.map((group) => [group.currency, group.total_trades, cents(group.net_profit!)]);

/** The old bridge EA's 14 keys for the same deal: no account, no exit price, no costs, position_type of the exit deal. */
function legacyOf(trade: Payload): Payload {
  const keys = ["symbol", "order_ticket", "deal_ticket", "position_ticket", "position_reason", "lot_size", "entry_price", "stop_loss", "take_profit", "profit", "open_time", "close_time", "magic_number"];
  return { ...Object.fromEntries(keys.map((key) => [key, trade[key]])), position_type: trade.position_type === "BUY" ? "SELL" : "BUY" };
}

/** Stores in shuffled batches, so some days are appended to and others go stale, as in real use. */
function storeShuffled(payloads: Payload[], seed: number): void {
  const random = createRandom(seed);
  const shuffled = [...payloads].sort(() => random() - 0.5);
  for (let start = 0; start < shuffled.length; start += 23) store(shuffled.slice(start, start + 23));
}

beforeEach(resetDatabase);

describe("PATCH /api/v1/accounts/{id}", () => {
  const live: DemoAccount = { login: 4100001, server: "Patch-Live", currency: "USD" };
  let demo: Payload[];
  let legacy: Payload[];

  beforeEach(() => {
    demo = generateDemoTrades({ seed: 12, positionsPerAccount: 40, accounts: [live] });
    legacy = generateDemoTrades({ seed: 13, positionsPerAccount: 25, accounts: [{ ...live, login: 1 }] }).map(legacyOf);
    storeShuffled([...demo, ...legacy], 3);
  });

  it("renames an account, and null gives the default label back", async () => {
    const id = accountIdOf(live.login);
    const renamed = await patch(id, { name: "  Prop firm challenge  " });
    expect(renamed).toEqual({
      status: 200,
      body: {
        data: { id, login: live.login, server: live.server, currency: "USD", name: "Prop firm challenge", is_default: false, trade_count: demo.length },
      },
    });
    expect((await listAccounts()).find((account) => account.id === id)).toEqual(renamed.body.data);
    expect(await patch(id, { name: null })).toMatchObject({ status: 200, body: { data: { name: `${live.login} @ ${live.server}` } } });
    expect((await patch(id, { name: "x".repeat(100) })).status).toBe(200);

    const defaultId = defaultAccountId();
    expect(await patch(defaultId, { name: "Old EA" })).toMatchObject({ status: 200, body: { data: { name: "Old EA", is_default: true, login: null } } });
    expect(await patch(defaultId, { name: null })).toMatchObject({ status: 200, body: { data: { name: "Default account", trade_count: legacy.length } } });
  });

  it("sets a currency and moves the account's trades to that currency's figures", async () => {
    const defaultId = defaultAccountId();
    expect(summaryTotals(summary())).toEqual(totalsOf([...demo.map((payload) => ({ currency: "USD", payload })), ...legacy.map((payload) => ({ currency: null, payload }))]));
    segments(); // every day fresh: what is stale after the change, the change marked

    // The default account's currency was unknown: its trades join the USD figures.
    expect(await patch(defaultId, { currency: "usd" })).toMatchObject({ status: 200, body: { data: { id: defaultId, currency: "USD" } } });
    expect(summaryTotals(summary())).toEqual(totalsOf([...demo, ...legacy].map((payload) => ({ currency: "USD", payload }))));
    expect(count("SELECT COUNT(*) FROM trade_segments WHERE stale = 1")).toBeGreaterThan(0); // marked, not rebuilt
    expectSegmentsExact();

    // A known currency changes: its trades leave the USD figures.
    const id = accountIdOf(live.login);
    expect(await patch(id, { currency: "EUR", name: "Euro account" })).toMatchObject({ status: 200, body: { data: { currency: "EUR", name: "Euro account" } } });
    expect(summaryTotals(summary())).toEqual(
      totalsOf([...demo.map((payload) => ({ currency: "EUR", payload })), ...legacy.map((payload) => ({ currency: "USD", payload }))]),
    );
    expect(await patch(id, { currency: "EUR" })).toMatchObject({ status: 200, body: { data: { currency: "EUR" } } });
    expectSegmentsExact();
    expectSummariesFromTrades([{}, { account_id: String(id) }, { account_id: String(defaultId) }, { symbol: "XAUUSD" }, { magic_number: "1001" }]);
    expect([...new Set(segments().map((segment) => segment.currency))].sort()).toEqual(["EUR", "USD"]);
  });

  it("answers 404 for an unknown account and 422 naming each bad field", async () => {
    const id = accountIdOf(live.login);
    expect(await patch(999, { name: "x" })).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    for (const [payload, field] of [
      [{}, "(body)"],
      [{ name: "" }, "name"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: 5 }, "name"],
      [{ currency: "US" }, "currency"],
      [{ currency: "US1" }, "currency"],
      [{ currency: null }, "currency"],
      [{ nickname: "x" }, "nickname"],
    ] as const) {
      const response = await patch(id, payload);
      expect(response.status, JSON.stringify(payload)).toBe(422);
      expect(response.body.error.code).toBe("validation_error");
      expect(fields(response), JSON.stringify(payload)).toContain(field);
    }
    expect(fields(await patch("abc", { name: "x" }))).toEqual(["id"]);
    expect(await patch(id, "{not json")).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    expect((await listAccounts()).find((account) => account.id === id)).toMatchObject({ name: `${live.login} @ ${live.server}`, currency: "USD" });
  });
});

describe("DELETE /api/v1/accounts/{id}", () => {
  const keep: DemoAccount = { login: 4200001, server: "Keep-Live", currency: "USD" };
  const gone: DemoAccount = { login: 4200002, server: "Gone-Live", currency: "USD" };
  const euro: DemoAccount = { login: 4200003, server: "Euro-Live", currency: "EUR" };
  const ofAccount = (account: DemoAccount) => ({ account_login: account.login, account_server: account.server, account_currency: account.currency });

  it("deletes the account with its trades, balance operations and names, and keeps every segment exact", async () => {
    const demo = generateDemoTrades({ seed: 31, positionsPerAccount: 70, accounts: [keep, gone, euro] });
    const legacy = generateDemoTrades({ seed: 32, positionsPerAccount: 20, accounts: [{ ...keep, login: 1 }] }).map(legacyOf);
    // A day on which only the deleted account traded, with its own symbol and magic number: it must lose its segments.
    const lonely = { ...demo.find((trade) => trade.account_login === gone.login)!, deal_ticket: 1, symbol: "ONLYX", magic_number: 999, open_time: "2024.03.05 09:00", close_time: "2024.03.05 12:00" };
    storeShuffled([...demo, ...legacy, lonely], 7);
    for (const operation of generateDemoBalanceOperations(demo)) addBalanceOperation(operation);
    const [keepId, goneId] = [accountIdOf(keep.login), accountIdOf(gone.login)];
    await nameStrategy(keepId, 1001, "Keep breakout");
    await nameStrategy(goneId, 1001, "Gone breakout");
    segments(); // every day fresh: what is stale after the delete, the delete marked
    // The last write before the delete shares a day with the deleted account: the writer remembers that day's segments.
    const lastDay = { ...demo.find((trade) => trade.account_login === keep.login)!, open_time: "2027.01.04 08:00", close_time: "2027.01.04 10:00" };
    store([
      { ...lastDay, deal_ticket: 2, ...ofAccount(gone) },
      { ...lastDay, deal_ticket: 3, close_time: "2027.01.04 11:00" },
    ]);
    const lonelyDay = Math.floor(Date.UTC(2024, 2, 5) / 86_400_000);
    expect(count("SELECT COUNT(*) FROM trade_segments WHERE day = ? AND kind <> 'account'", lonelyDay)).toBe(3);

    expect(await remove(goneId)).toEqual({ status: 204, body: null });
    const accounts = await listAccounts();
    expect(accounts).toHaveLength(3);
    expect(accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: keepId, trade_count: demo.filter((trade) => trade.account_login === keep.login).length + 1 }),
        expect.objectContaining({ id: accountIdOf(euro.login) }),
        expect.objectContaining({ is_default: true, trade_count: legacy.length }),
      ]),
    );
    expect(count("SELECT COUNT(*) FROM trades WHERE account_id = ?", goneId)).toBe(0);
    expect(count("SELECT COUNT(*) FROM balance_operations WHERE account_id = ?", goneId)).toBe(0);
    expect((await listBalanceOperations({})).length).toBe(10);
    expect((await listStrategies()).map((strategy) => strategy.name)).toEqual(["Keep breakout"]);
    // Its own stream is gone at once; the shared streams' days were marked stale, not rebuilt.
    expect(count("SELECT COUNT(*) FROM trade_segments WHERE kind = 'account' AND key = ?", String(goneId))).toBe(0);
    expect(count("SELECT COUNT(*) FROM segment_groups WHERE kind = 'account' AND key = ?", String(goneId))).toBe(0);
    expect(count("SELECT COUNT(*) FROM trade_segments WHERE stale = 1 AND day = ?", lonelyDay)).toBe(3);

    // An append to a day the deleted account shared must not reuse what the writer remembered of it.
    store([{ ...lastDay, deal_ticket: 4, close_time: "2027.01.04 12:00" }]);
    expectSegmentsExact();
    expect(count("SELECT COUNT(*) FROM trade_segments WHERE day = ?", lonelyDay)).toBe(0);
    expect(count("SELECT COUNT(*) FROM segment_groups WHERE day = ?", lonelyDay)).toBe(0);

    const remaining = [
      ...demo.filter((trade) => trade.account_login !== gone.login).map((payload) => ({ currency: payload.account_currency as string, payload })),
      ...[3, 4].map((ticket) => ({ currency: "USD", payload: { ...lastDay, deal_ticket: ticket } })),
      ...legacy.map((payload) => ({ currency: null, payload })),
    ];
    expect(summary().total_trades).toBe(remaining.length);
    expect(summaryTotals(summary())).toEqual(totalsOf(remaining));
    expectSummariesFromTrades([{}, { account_id: String(keepId) }, { account_id: String(goneId) }, { symbol: "XAUUSD" }, { symbol: "ONLYX" }, { magic_number: "999" }, { magic_number: "1001" }]);
    expect(summary({ account_id: String(goneId) })).toMatchObject({ total_trades: 0, by_currency: [] });
  });

  it("answers 404 for an unknown account and 422 for a bad id", async () => {
    store([{ ...generateDemoTrades({ seed: 2, positionsPerAccount: 1, accounts: [keep] })[0]! }]);
    const id = accountIdOf(keep.login);
    expect(await remove(id)).toEqual({ status: 204, body: null });
    expect(await remove(id)).toMatchObject({ status: 404, body: { error: { code: "not_found", message: `Account ${id} does not exist` } } });
    expect(fields(await remove("0"))).toEqual(["id"]);
    expect(count("SELECT COUNT(*) FROM trade_segments")).toBe(3); // all, symbol, magic: stale until read; its own stream is gone
    expect(segments()).toEqual([]);
  });
});

describe("POST /api/v1/accounts/{id}/merge", () => {
  const real: DemoAccount = { login: 5550001, server: "Real-Live", currency: "USD" };

  it("moves the default account's legacy trades into the real account: duplicates kept, empty fields filled, conflicts counted", async () => {
    const demo = generateDemoTrades({ seed: 17, positionsPerAccount: 60, accounts: [real] });
    const onlyDefault = demo.slice(0, 15);
    const enrichable = demo.slice(15, 20); // the real account's rows lack the magic number (as an import would)
    const differing = demo.slice(20, 23); // the old EA reported another profit
    const plain = demo.slice(23, 40);
    const realRows = demo.slice(15).map((trade) => (enrichable.includes(trade) ? { ...trade, magic_number: null } : trade));
    const legacyRows = demo.slice(0, 40).map((trade) => (differing.includes(trade) ? { ...legacyOf(trade), profit: Number(trade.profit) + 1 } : legacyOf(trade)));
    storeShuffled(realRows, 5);
    storeShuffled(legacyRows, 6);
    const [realId, defaultId] = [accountIdOf(real.login), defaultAccountId()];
    const ticketId = (ticket: unknown, accountId: number) => count("SELECT id FROM trades WHERE deal_ticket = ? AND account_id = ?", ticket, accountId);

    // The trader's journal on the default account's rows goes along.
    const journalled = plain[0]!.deal_ticket;
    updateTradeJournal(ticketId(journalled, defaultId), validate(updateTradeJournalBody, { note: "Old EA, checked", tags: ["imported", "review"] }, "journal"));
    updateTradeJournal(ticketId(journalled, realId), validate(updateTradeJournalBody, { tags: ["review", "a+"] }, "journal"));
    const movedId = ticketId(onlyDefault[0]!.deal_ticket, defaultId);
    updateTradeJournal(movedId, validate(updateTradeJournalBody, { note: "Moved with its note" }, "journal"));

    // Balance operations: the same ticket fills an empty comment or differs; the rest moves.
    const [deposit, credit, topUp, withdrawal] = generateDemoBalanceOperations(realRows) as [Payload, Payload, Payload, Payload];
    for (const operation of [{ ...deposit, comment: null }, credit, topUp, withdrawal]) addBalanceOperation(operation);
    const onDefault = (operation: Payload) => {
      const { account_login: _l, account_server: _s, account_currency: _c, ...rest } = operation;
      return addBalanceOperation({ ...rest, account_id: defaultId });
    };
    onDefault(deposit);
    onDefault({ ...topUp, amount: 4_999 });
    onDefault({ type: "withdrawal", amount: -100, time: "2026.06.01 12:00" });
    onDefault({ type: "deposit", amount: 50, time: "2026.06.02 12:00", ticket: 777 });

    await nameStrategy(realId, 1001, "Real breakout");
    await nameStrategy(defaultId, 1001, "Legacy breakout");
    await nameStrategy(defaultId, 3003, "Legacy scalper");

    const response = await merge(defaultId, { into_account_id: realId });
    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          account: { id: realId, login: real.login, server: real.server, currency: "USD", name: `${real.login} @ ${real.server}`, is_default: false, trade_count: demo.length },
          moved: 15,
          duplicates: 25,
          enriched: 5,
          conflicts: 3,
          balance_operations: { moved: 2, duplicates: 2, enriched: 1, conflicts: 1 },
          strategies: 1,
        },
      },
    });

    // The source account is gone; every deal is stored once, in the real account.
    expect((await listAccounts()).map((account) => account.id)).toEqual([realId]);
    expect(count("SELECT COUNT(*) FROM trades")).toBe(demo.length);
    expect(count("SELECT COUNT(DISTINCT deal_ticket) FROM trades WHERE account_id = ?", realId)).toBe(demo.length);
    const trade = (ticket: unknown) => getTradeOrThrow(ticketId(ticket, realId));
    for (const moved of onlyDefault) {
      expect(trade(moved.deal_ticket)).toMatchObject({ source: "legacy", side: moved.position_type, commission: null, exit_price: null, profit: moved.profit });
    }
    expect(getTradeOrThrow(movedId)).toMatchObject({ account_id: realId, note: "Moved with its note" });
    for (const filled of enrichable) expect(trade(filled.deal_ticket)).toMatchObject({ source: "ea", magic_number: filled.magic_number, commission: filled.commission });
    for (const kept of differing) expect(trade(kept.deal_ticket)).toMatchObject({ source: "ea", profit: kept.profit, exit_price: kept.exit_price });
    expect(trade(journalled)).toMatchObject({ note: "Old EA, checked", tags: ["a+", "imported", "review"] });

    const operations = await listBalanceOperations({});
    expect(operations.map((operation) => [operation.ticket, operation.amount, operation.comment]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [withdrawal.ticket, -3_000, "Withdrawal"],
      [null, -100, null],
      [777, 50, null],
      [credit.ticket, 500, "Bonus"],
      [topUp.ticket, 5_000, "Top-up"],
      [deposit.ticket, 10_000, "Initial deposit"],
    ]);
    expect(operations.every((operation) => operation.account_id === realId)).toBe(true);
    expect((await listStrategies()).map((strategy) => [strategy.account_id, strategy.magic_number, strategy.name])).toEqual([
      [realId, 1001, "Real breakout"],
      [realId, 3003, "Legacy scalper"],
    ]);

    // Segments equal a rebuild, and the figures equal what the merged trades add up to.
    expectSegmentsExact();
    expect([...new Set(segments().map((segment) => segment.currency))]).toEqual(["USD"]);
    const merged = [...onlyDefault.map(legacyOf), ...realRows].map((payload) => ({ currency: "USD", payload }));
    expect(summaryTotals(summary())).toEqual(totalsOf(merged));
    expectSummariesFromTrades([{}, { account_id: String(realId) }, { account_id: String(defaultId) }, { symbol: "EURUSD" }, { magic_number: "1001" }, { magic_number: "0" }]);
    const net = totalsOf(merged)[0]![2] as number;
    expect(summary({ account_id: String(realId) }).balance).toMatchObject({ closing: cents(net + 10_000 + 5_000 - 3_000 - 100 + 50) });
  });

  it("refuses accounts of different currencies with 409 and changes nothing", async () => {
    const euro = { account_login: 6, account_server: "Euro", account_currency: "EUR" };
    const bare = { account_login: 7, account_server: "Bare", account_currency: null };
    const [trade] = generateDemoTrades({ seed: 3, positionsPerAccount: 1, accounts: [real] });
    store([trade!, { ...trade!, ...euro }, { ...trade!, ...bare }]);
    const [realId, euroId, bareId] = [real.login, 6, 7].map(accountIdOf) as [number, number, number];
    const before = segments();

    for (const [from, into] of [
      [euroId, realId],
      [realId, bareId], // a known currency into an unknown one: set the target's currency first
    ]) {
      const response = await merge(from!, { into_account_id: into });
      expect(response).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
      expect(fields(response)).toEqual(["currency"]);
    }
    expect(count("SELECT COUNT(*) FROM trades")).toBe(3);
    expect(count("SELECT COUNT(*) FROM accounts")).toBe(3);
    expect(segments()).toEqual(before);

    // An unknown currency joins the target's.
    expect(await merge(bareId, { into_account_id: euroId })).toMatchObject({ status: 200, body: { data: { duplicates: 1, moved: 0, account: { trade_count: 1 } } } });
    expectSegmentsExact();
  });

  it("answers 404 for an unknown account and 422 naming the bad field", async () => {
    store(generateDemoTrades({ seed: 4, positionsPerAccount: 1, accounts: [real] }));
    const realId = accountIdOf(real.login);
    expect(await merge(999, { into_account_id: realId })).toMatchObject({ status: 404, body: { error: { code: "not_found", message: "Account 999 does not exist" } } });
    for (const [id, payload, field] of [
      [realId, { into_account_id: realId }, "into_account_id"],
      [realId, { into_account_id: 999 }, "into_account_id"],
      [realId, {}, "into_account_id"],
      [realId, { into_account_id: "2" }, "into_account_id"],
      [realId, { into_account_id: 0 }, "into_account_id"],
      [realId, { into_account_id: 2, also: true }, "also"],
      ["x", { into_account_id: 2 }, "id"],
    ] as const) {
      const response = await merge(id, payload);
      expect(response.status, JSON.stringify(payload)).toBe(422);
      expect(fields(response), JSON.stringify(payload)).toEqual([field]);
    }
    expect(count("SELECT COUNT(*) FROM accounts")).toBe(1);
  });
});
