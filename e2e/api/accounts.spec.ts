import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectError, legacyPayload, postJson, uniqueTicket } from "./helpers";

const source = { account_login: 99000901, account_server: "E2E-Accounts-Source" };
const target = { account_login: 99000902, account_server: "E2E-Accounts-Target" };

function send(request: APIRequestContext, method: "PATCH" | "POST", path: string, body: unknown) {
  return request.fetch(path, { method, data: Buffer.from(JSON.stringify(body)), headers: { "Content-Type": "application/json" } });
}

async function accountOf(request: APIRequestContext, login: number) {
  const accounts = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number | null }[];
  return accounts.find((account) => account.login === login);
}

test("accounts over HTTP: rename and set the currency, merge one into another, delete", async ({ request }) => {
  // The same deal in both accounts (the source's row has a comment the target's lacks), and one deal in each only.
  const shared = uniqueTicket();
  const trades = [
    legacyPayload({ ...source, deal_ticket: shared, comment: "sent twice", exit_price: 1.0795 }),
    legacyPayload({ ...source, profit: -12.5, exit_price: 1.0801 }),
    legacyPayload({ ...target, deal_ticket: shared, commission: -0.7, exit_price: 1.0795 }),
    legacyPayload({ ...target, profit: 25, commission: -0.7, exit_price: 1.0812 }),
  ];
  for (const trade of trades) expect((await postJson(request, "/api/v1/trades", trade)).status()).toBe(201);
  const [sourceId, targetId] = [(await accountOf(request, source.account_login))!.id, (await accountOf(request, target.account_login))!.id];

  // PATCH: name and currency; bad input and unknown ids.
  const renamed = await send(request, "PATCH", `/api/v1/accounts/${targetId}`, { name: " E2E target ", currency: "usd" });
  expect(renamed.status()).toBe(200);
  expect((await renamed.json()).data).toEqual({
    id: targetId,
    login: target.account_login,
    server: target.account_server,
    currency: "USD",
    name: "E2E target",
    is_default: false,
    trade_count: 2,
  });
  expect(await accountOf(request, target.account_login)).toMatchObject({ name: "E2E target", currency: "USD" });
  await expectError(await send(request, "PATCH", `/api/v1/accounts/${targetId}`, { name: "" }), 422, "validation_error", "name");
  await expectError(await send(request, "PATCH", `/api/v1/accounts/${targetId}`, { currency: "US" }), 422, "validation_error", "currency");
  await expectError(await send(request, "PATCH", "/api/v1/accounts/999999999", { name: "x" }), 404, "not_found");

  // Merge: a different currency is refused; the same one merges.
  expect((await send(request, "PATCH", `/api/v1/accounts/${sourceId}`, { currency: "EUR" })).status()).toBe(200);
  await expectError(await send(request, "POST", `/api/v1/accounts/${sourceId}/merge`, { into_account_id: targetId }), 409, "conflict", "currency");
  expect((await send(request, "PATCH", `/api/v1/accounts/${sourceId}`, { currency: "USD" })).status()).toBe(200);
  await expectError(await send(request, "POST", `/api/v1/accounts/${sourceId}/merge`, { into_account_id: sourceId }), 422, "validation_error", "into_account_id");
  await expectError(await send(request, "POST", `/api/v1/accounts/${sourceId}/merge`, {}), 422, "validation_error", "into_account_id");
  expect((await postJson(request, "/api/v1/balance-operations", { account_id: sourceId, type: "deposit", amount: 1000, time: "2026.01.01 00:00" })).status()).toBe(201);

  const merged = await send(request, "POST", `/api/v1/accounts/${sourceId}/merge`, { into_account_id: targetId });
  expect(merged.status()).toBe(200);
  expect((await merged.json()).data).toEqual({
    account: expect.objectContaining({ id: targetId, currency: "USD", trade_count: 3 }),
    moved: 1,
    duplicates: 1,
    enriched: 1,
    conflicts: 0,
    balance_operations: { moved: 1, duplicates: 0, enriched: 0, conflicts: 0 },
    strategies: 0,
  });
  expect(await accountOf(request, source.account_login)).toBeUndefined();
  const list = await (await request.get(`/api/v1/trades?account_id=${targetId}&deal_ticket=${shared}`)).json();
  expect(list.data).toEqual([expect.objectContaining({ comment: "sent twice", commission: -0.7 })]);
  const summary = (await (await request.get(`/api/v1/analytics/summary?account_id=${targetId}`)).json()).data;
  expect(summary).toMatchObject({ currency: "USD", total_trades: 3, net_profit: 51.1 }); // 40 - 0.7 (kept), 25 - 0.7, -12.5 (moved)
  await expectError(await send(request, "POST", `/api/v1/accounts/${sourceId}/merge`, { into_account_id: targetId }), 404, "not_found");

  // Delete: the account and everything in it.
  expect((await request.delete(`/api/v1/accounts/${targetId}`)).status()).toBe(204);
  expect(await accountOf(request, target.account_login)).toBeUndefined();
  expect((await (await request.get(`/api/v1/trades?account_id=${targetId}`)).json()).page.total).toBe(0);
  expect((await (await request.get(`/api/v1/balance-operations?account_id=${targetId}`)).json()).data).toEqual([]);
  expect((await (await request.get(`/api/v1/analytics/summary?account_id=${targetId}`)).json()).data.total_trades).toBe(0);
  await expectError(await request.delete(`/api/v1/accounts/${targetId}`), 404, "not_found");
  await expectError(await request.delete("/api/v1/accounts/abc"), 422, "validation_error", "id");
});
