import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as mergeAccountRoute } from "@/app/api/v1/accounts/[id]/merge/route";
import { DELETE as deleteAccountRoute } from "@/app/api/v1/accounts/[id]/route";
import { GET as getAccounts } from "@/app/api/v1/accounts/route";
import { GET as getCheck } from "@/app/api/v1/auth/check/route";
import { POST as postBalanceOperation } from "@/app/api/v1/balance-operations/route";
import { GET as getHealth } from "@/app/api/v1/health/route";
import { GET as getSummary } from "@/app/api/v1/analytics/summary/route";
import { PUT as putStrategy } from "@/app/api/v1/strategies/[account_id]/[magic_number]/route";
import { GET as getTags } from "@/app/api/v1/tags/route";
import { POST as postBatch } from "@/app/api/v1/trades/batch/route";
import { DELETE as deleteTrade, GET as getTrade, PATCH as patchTrade } from "@/app/api/v1/trades/[id]/route";
import { GET as getTrades, POST as postTrade } from "@/app/api/v1/trades/route";
import { apiKeysRequired, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { peerAddressHeader } from "@/lib/auth/client-address";
import { sqlite } from "@/lib/db";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { callRoute } from "@/lib/test/call-route";

// No password here (access-password.test.ts has one); an old bridge EA's network may send without a key.
// Hoisted: the configuration is read when lib/db is first imported.
vi.hoisted(() => {
  process.env.OPEN_INGEST_FROM = "10.0.0.0/8";
  process.env.JOURNAL_PEER_ADDRESS_HEADER = "1";
});

let nextTicket = 1;
const legacy = (changes: Record<string, unknown> = {}) => ({ ...JSON.parse(legacyPayloadText), deal_ticket: nextTicket++, ...changes });
const ea = (login: number, changes: Record<string, unknown> = {}) =>
  legacy({ account_login: login, account_server: "Broker-Live", account_currency: "USD", ...changes });
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const fieldsOf = (body: { error: { details?: { field: string }[] } }) => body.error.details?.map((detail) => detail.field);
const count = (sql: string, ...params: unknown[]) => sqlite().prepare(sql).pluck().get(...params) as number;

describe("before the first key", () => {
  it("everything is open, so the old bridge EA works on a fresh install", async () => {
    expect(apiKeysRequired()).toBe(false);
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy() })).status).toBe(201);
    expect((await callRoute(getTrades, "/api/v1/trades")).status).toBe(200);
    const check = await callRoute(getCheck, "/api/v1/auth/check");
    expect(check.status).toBe(200);
    expect(check.body.data).toMatchObject({ access: "open", keys_required: false, can_read: true, can_write: true, can_manage_accounts: true });
  });

  it("a key that is sent must still be a real one", async () => {
    const response = await callRoute(getTrades, "/api/v1/trades", { headers: { "X-API-Key": "mtj_made_up" } });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: "unauthorized", message: "Unknown API key" });
  });
});

describe("once keys exist", () => {
  const keys = { write: "", read: "", scoped: "", revoked: "" };
  let live = 0;
  let demo = 0;

  beforeAll(async () => {
    await callRoute(postTrade, "/api/v1/trades", { body: ea(5001) });
    await callRoute(postTrade, "/api/v1/trades", { body: ea(5002) });
    live = count("SELECT id FROM accounts WHERE login = 5001");
    demo = count("SELECT id FROM accounts WHERE login = 5002");
    keys.write = createApiKey({ name: "VPS", scope: "write", accountId: null }).key;
    keys.read = createApiKey({ name: "Phone", scope: "read", accountId: null }).key;
    keys.scoped = createApiKey({ name: "Live EA", scope: "write", accountId: live }).key;
    const revoked = createApiKey({ name: "Old", scope: "write", accountId: null });
    keys.revoked = revoked.key;
    revokeApiKey(revoked.record.id);
  });

  it("stores only the key's SHA-256, never the key", () => {
    const stored = sqlite().prepare("SELECT prefix, hash FROM api_keys WHERE name = 'VPS'").get() as { prefix: string; hash: string };
    expect(keys.write).toMatch(/^mtj_[A-Za-z0-9_-]{43}$/);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.hash).not.toContain(keys.write);
    expect(keys.write.startsWith(stored.prefix)).toBe(true);
    expect(stored.prefix.length).toBeLessThan(12);
  });

  it("refuses requests without a key: 401 for writes and API reads, the public routes stay open", async () => {
    const write = await callRoute(postTrade, "/api/v1/trades", { body: legacy() });
    expect(write.status).toBe(401);
    expect(write.body.error.code).toBe("unauthorized");
    expect((await callRoute(getTrades, "/api/v1/trades")).status).toBe(401);
    expect((await callRoute(getSummary, "/api/v1/analytics/summary")).status).toBe(401);
    expect((await callRoute(getCheck, "/api/v1/auth/check")).status).toBe(401);
    expect((await callRoute(getHealth, "/api/v1/health")).status).toBe(200);
  });

  it("takes the key as a Bearer token or as X-API-Key, and refuses unknown, malformed and revoked keys", async () => {
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: bearer(keys.write) })).status).toBe(201);
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: { "X-API-Key": keys.write } })).status).toBe(201);
    expect((await callRoute(getTrades, "/api/v1/trades", { headers: bearer(`${keys.write}x`) })).status).toBe(401);
    const malformed = await callRoute(getTrades, "/api/v1/trades", { headers: { Authorization: `Basic ${keys.write}` } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toContain("Bearer");
    const revoked = await callRoute(getTrades, "/api/v1/trades", { headers: bearer(keys.revoked) });
    expect(revoked.status).toBe(403);
    expect(revoked.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining('"Old" was revoked') });
  });

  it("a read key reads but never writes", async () => {
    expect((await callRoute(getTrades, "/api/v1/trades", { headers: bearer(keys.read) })).status).toBe(200);
    const before = count("SELECT COUNT(*) FROM trades");
    const write = await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: bearer(keys.read) });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("may only read");
    expect(count("SELECT COUNT(*) FROM trades")).toBe(before);
    const check = await callRoute(getCheck, "/api/v1/auth/check", { headers: bearer(keys.read) });
    expect(check.body.data).toMatchObject({ access: "key", can_read: true, can_write: false, key: { name: "Phone", scope: "read", account_id: null } });
  });

  it("lets OPEN_INGEST_FROM store trades without a key, and nothing else", async () => {
    const fromLan = { [peerAddressHeader]: "10.1.2.3" };
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: fromLan })).status).toBe(201);
    expect((await callRoute(getTrades, "/api/v1/trades", { headers: fromLan })).status).toBe(401);
    expect((await callRoute(deleteTrade, "/api/v1/trades/1", { method: "DELETE", params: { id: "1" }, headers: fromLan })).status).toBe(401);
    // X-Forwarded-For is only believed with TRUST_PROXY: a client cannot claim to be on the network.
    const spoofed = { [peerAddressHeader]: "203.0.113.9", "X-Forwarded-For": "10.1.2.3" };
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: spoofed })).status).toBe(401);
  });

  it("an account-scoped key stores key-less payloads in its account and cannot touch another one", async () => {
    const headers = bearer(keys.scoped);
    const created = await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ account_id: live, source: "legacy" });
    expect((await callRoute(postTrade, "/api/v1/trades", { body: ea(5001), headers })).status).toBe(201);

    const elsewhere = await callRoute(postTrade, "/api/v1/trades", { body: ea(5002), headers });
    expect(elsewhere.status).toBe(403);
    expect(fieldsOf(elsewhere.body)).toEqual(["account_login"]);

    // One payload for another account refuses the whole batch: nothing is stored.
    const before = count("SELECT COUNT(*) FROM trades");
    const batch = await callRoute(postBatch, "/api/v1/trades/batch", { body: { trades: [legacy(), ea(5002), legacy()] }, headers });
    expect(batch.status).toBe(403);
    expect(fieldsOf(batch.body)).toEqual(["trades.1.account_login"]);
    expect(count("SELECT COUNT(*) FROM trades")).toBe(before);

    const operation = await callRoute(postBalanceOperation, "/api/v1/balance-operations", {
      body: { type: "deposit", amount: 1000, time: "2026.01.01 00:00:00", account_login: 5001, account_server: "Broker-Live" },
      headers,
    });
    expect(operation.status).toBe(201);
    expect(operation.body.data.account_id).toBe(live);
    const otherLogin = await callRoute(postBalanceOperation, "/api/v1/balance-operations", {
      body: { type: "deposit", amount: 1000, time: "2026.01.01 00:00:00", account_login: 5002, account_server: "Broker-Live" },
      headers,
    });
    expect(otherLogin.status).toBe(403);
    const otherOperation = await callRoute(postBalanceOperation, "/api/v1/balance-operations", {
      body: { type: "deposit", amount: 1000, time: "2026.01.01 00:00:00", account_id: demo },
      headers,
    });
    expect(otherOperation.status).toBe(403);
  });

  it("an account-scoped key reads only its account", async () => {
    const headers = bearer(keys.scoped);
    const list = await callRoute(getTrades, "/api/v1/trades?limit=500", { headers });
    expect(list.status).toBe(200);
    expect(new Set(list.body.data.map((trade: { account_id: number }) => trade.account_id))).toEqual(new Set([live]));
    expect(list.body.page.total).toBe(count("SELECT COUNT(*) FROM trades WHERE account_id = ?", live));
    expect((await callRoute(getTrades, `/api/v1/trades?account_id=${demo}`, { headers })).status).toBe(403);
    const summary = await callRoute(getSummary, "/api/v1/analytics/summary", { headers });
    expect(summary.body.data.total_trades).toBe(list.body.page.total);
    const accounts = await callRoute(getAccounts, "/api/v1/accounts", { headers });
    expect(accounts.body.data.map((account: { id: number }) => account.id)).toEqual([live]);
    expect((await callRoute(getTags, "/api/v1/tags", { headers })).status).toBe(200);

    const demoTrade = count("SELECT id FROM trades WHERE account_id = ? LIMIT 1", demo);
    const params = { id: String(demoTrade) };
    expect((await callRoute(getTrade, `/api/v1/trades/${demoTrade}`, { params, headers })).status).toBe(403);
    expect((await callRoute(patchTrade, `/api/v1/trades/${demoTrade}`, { method: "PATCH", params, headers, body: { note: "x" } })).status).toBe(403);
    expect((await callRoute(deleteTrade, `/api/v1/trades/${demoTrade}`, { method: "DELETE", params, headers })).status).toBe(403);
    const strategy = { account_id: String(demo), magic_number: "7" };
    expect((await callRoute(putStrategy, `/api/v1/strategies/${demo}/7`, { method: "PUT", params: strategy, headers, body: { name: "X" } })).status).toBe(403);
    expect(count("SELECT COUNT(*) FROM trades WHERE id = ?", demoTrade)).toBe(1);
  });

  it("only a write key for all accounts renames, deletes or merges accounts", async () => {
    const params = { id: String(demo) };
    const scoped = await callRoute(deleteAccountRoute, `/api/v1/accounts/${demo}`, { method: "DELETE", params, headers: bearer(keys.scoped) });
    expect(scoped.status).toBe(403);
    expect(scoped.body.error.message).toContain("needs a key for all accounts");
    expect((await callRoute(deleteAccountRoute, `/api/v1/accounts/${demo}`, { method: "DELETE", params, headers: bearer(keys.read) })).status).toBe(403);
    expect((await callRoute(deleteAccountRoute, `/api/v1/accounts/${demo}`, { method: "DELETE", params, headers: bearer(keys.write) })).status).toBe(204);
  });

  it("a key tied to a merged account follows its trades; deleting an account deletes its keys", async () => {
    await callRoute(postTrade, "/api/v1/trades", { body: ea(5003), headers: bearer(keys.write) });
    const old = count("SELECT id FROM accounts WHERE login = 5003");
    const { record } = createApiKey({ name: "Old terminal", scope: "write", accountId: old });
    const merged = await callRoute(mergeAccountRoute, `/api/v1/accounts/${old}/merge`, {
      params: { id: String(old) },
      headers: bearer(keys.write),
      body: { into_account_id: live },
    });
    expect(merged.status).toBe(200);
    expect(count("SELECT account_id FROM api_keys WHERE id = ?", record.id)).toBe(live);

    await callRoute(postTrade, "/api/v1/trades", { body: ea(5004), headers: bearer(keys.write) });
    const doomed = count("SELECT id FROM accounts WHERE login = 5004");
    createApiKey({ name: "Doomed", scope: "write", accountId: doomed });
    const params = { id: String(doomed) };
    expect((await callRoute(deleteAccountRoute, `/api/v1/accounts/${doomed}`, { method: "DELETE", params, headers: bearer(keys.write) })).status).toBe(204);
    expect(count("SELECT COUNT(*) FROM api_keys WHERE name = 'Doomed'")).toBe(0);
  });

  it("records when a key was last used (a revoked one too: something still sends it)", () => {
    const lastUsed = (name: string) => sqlite().prepare("SELECT last_used_at FROM api_keys WHERE name = ?").pluck().get(name) as string | null;
    expect(Date.now() - Date.parse(lastUsed("Live EA")!)).toBeLessThan(60_000);
    expect(lastUsed("Old")).not.toBeNull();
    const unused = createApiKey({ name: "Unused", scope: "read", accountId: null });
    expect(lastUsed("Unused")).toBeNull();
    revokeApiKey(unused.record.id);
  });

  it("revoking every key does not reopen the journal", async () => {
    for (const id of sqlite().prepare("SELECT id FROM api_keys").pluck().all() as number[]) revokeApiKey(id);
    expect(apiKeysRequired()).toBe(true);
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy() })).status).toBe(401);
  });
});
