import { expect, test } from "@playwright/test";
import { expectError, postJson } from "./helpers";

test("balance operations over HTTP: create, duplicate, conflict, list, delete", async ({ request }) => {
  const deposit = {
    account_login: 99000888,
    account_server: "E2E-Balance",
    account_currency: "EUR",
    type: "deposit",
    amount: 2500,
    time: "2026.04.01 08:00:00",
    ticket: 123456789,
  };
  const created = await postJson(request, "/api/v1/balance-operations", deposit);
  expect(created.status()).toBe(201);
  const { data } = await created.json();
  expect(data).toMatchObject({ type: "deposit", amount: 2500, time: "2026-04-01T08:00:00", ticket: 123456789 });

  const again = await postJson(request, "/api/v1/balance-operations", deposit);
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true, data: { id: data.id } });
  await expectError(await postJson(request, "/api/v1/balance-operations", { ...deposit, amount: 2400 }), 409, "conflict", "amount");
  await expectError(await postJson(request, "/api/v1/balance-operations", { ...deposit, amount: -5 }), 422, "validation_error", "amount");

  const list = await (await request.get(`/api/v1/balance-operations?account_id=${data.account_id}`)).json();
  expect(list.data).toEqual([data]);
  expect((await request.delete(`/api/v1/balance-operations/${data.id}`)).status()).toBe(204);
  await expectError(await request.delete(`/api/v1/balance-operations/${data.id}`), 404, "not_found");
});

test("an adjustment (a charge, correction, bonus, interest, dividend, tax...) takes either sign, never 0", async ({ request }) => {
  const account = { account_login: 99000889, account_server: "E2E-Balance", account_currency: "EUR" };
  const charge = await postJson(request, "/api/v1/balance-operations", { ...account, type: "adjustment", amount: -7.5, time: "2026.04.02 00:00:00", ticket: 5 });
  expect(charge.status()).toBe(201);
  expect((await charge.json()).data).toMatchObject({ type: "adjustment", amount: -7.5, time: "2026-04-02T00:00:00", ticket: 5 });
  const interest = await postJson(request, "/api/v1/balance-operations", { ...account, type: "adjustment", amount: 1.25, time: "2026.04.03 00:00:00" });
  expect(interest.status()).toBe(201);
  await expectError(
    await postJson(request, "/api/v1/balance-operations", { ...account, type: "adjustment", amount: 0, time: "2026.04.03 00:00:00" }),
    422,
    "validation_error",
    "amount",
  );
  await expectError(
    await postJson(request, "/api/v1/balance-operations", { ...account, type: "charge", amount: -1, time: "2026.04.03 00:00:00" }),
    422,
    "validation_error",
    "type",
  );
});
