import { beforeEach, describe, expect, it } from "vitest";
import { createBalanceOperation, importBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { deleteBalanceOperation } from "@/lib/balance-operations/delete-balance-operation";
import { listBalanceOperations } from "@/lib/balance-operations/list-balance-operations";
import { setStartingBalance } from "@/lib/balance-operations/starting-balance";
import { sqlite } from "@/lib/db";
import { issueDetails } from "@/lib/http/api-error";
import { safeValidate, validate } from "@/lib/http/validate";
import { createBalanceOperationBody, listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";
import { resetDatabase } from "@/lib/test/reset-database";

const body = (payload: Record<string, unknown>) => validate(createBalanceOperationBody, payload, "balance operation");
const list = (query: Record<string, unknown> = {}) => listBalanceOperations(validate(listBalanceOperationsQuery, query, "query"));
const account = { account_login: 5123456, account_server: "Broker-Live", account_currency: "USD" };
const deposit = { ...account, type: "deposit", amount: 10_000, time: "2026.01.05 09:00:00", ticket: 900001, comment: "" };

beforeEach(resetDatabase);

describe("balance operations", () => {
  it("stores a deposit for the account the EA names, creating it, and lists it", async () => {
    const result = createBalanceOperation(body(deposit));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      duplicate: false,
      data: { type: "deposit", amount: 10_000, time: "2026-01-05T09:00:00", ticket: 900001 },
    });
    expect(await list()).toEqual([result.body.data]);
    expect(sqlite().prepare("SELECT login, currency FROM accounts").all()).toEqual([{ login: 5123456, currency: "USD" }]);
  });

  it("treats the same ticket again as a duplicate, fills an empty comment, and refuses a different amount", () => {
    const first = createBalanceOperation(body({ ...deposit, comment: null }));
    expect(createBalanceOperation(body({ ...deposit, comment: null }))).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(createBalanceOperation(body({ ...deposit, comment: "Deposit via card" }))).toMatchObject({
      status: 200,
      body: { duplicate: true, enriched: ["comment"], data: { id: first.body.data.id, comment: "Deposit via card" } },
    });
    expect(() => createBalanceOperation(body({ ...deposit, amount: 9_000 }))).toThrow(/amount/);
    expect(sqlite().prepare("SELECT COUNT(*) AS n FROM balance_operations").get()).toEqual({ n: 1 });
  });

  it("keeps entries without a ticket apart, even when equal", () => {
    const accountId = createBalanceOperation(body(deposit)).body.data.account_id;
    const manual = { account_id: accountId, type: "withdrawal", amount: -500, time: "2026-02-01T12:00:00" };
    createBalanceOperation(body(manual));
    createBalanceOperation(body(manual));
    expect(sqlite().prepare("SELECT COUNT(*) AS n FROM balance_operations").get()).toEqual({ n: 3 });
  });

  it("refuses an unknown account_id with 422 naming it", () => {
    expect(() => createBalanceOperation(body({ account_id: 999, type: "credit", amount: 50, time: "2026.01.01 00:00" }))).toThrow(
      expect.objectContaining({ status: 422, details: [{ field: "account_id", message: expect.stringContaining("no account") }] }),
    );
  });

  it("stores adjustments of either sign (MT5's charges, corrections, bonuses, interest, dividends, taxes...)", async () => {
    const charge = createBalanceOperation(body({ ...deposit, type: "adjustment", amount: -12.5, ticket: 3, comment: "Monthly fee" }));
    const interest = createBalanceOperation(body({ ...deposit, type: "adjustment", amount: 3.2, ticket: 4, time: "2026.02.01 00:00" }));
    expect([charge.status, interest.status]).toEqual([201, 201]);
    expect((await list()).map((operation) => [operation.type, operation.amount])).toEqual([
      ["adjustment", -12.5],
      ["adjustment", 3.2],
    ]);
    expect(createBalanceOperation(body({ ...deposit, type: "adjustment", amount: -12.5, ticket: 3, comment: "Monthly fee" }))).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    expect(() => createBalanceOperation(body({ ...deposit, type: "deposit", amount: 12.5, ticket: 3 }))).toThrow(/type, amount/);
  });

  it.each([
    [{ ...deposit, type: "adjustment", amount: 0 }, "amount"],
    [{ ...deposit, type: "Adjustment" }, "type"],
    [{ ...deposit, amount: -1 }, "amount"],
    [{ ...deposit, type: "withdrawal", amount: 5 }, "amount"],
    [{ ...deposit, amount: 0 }, "amount"],
    [{ ...deposit, type: "bonus" }, "type"],
    [{ ...deposit, account_id: 1 }, "account_id"],
    [{ type: "credit", amount: 5, time: "2026.01.01 00:00" }, "account_id"],
    [{ ...deposit, time: "2026.02.30 00:00" }, "time"],
  ])("rejects %j naming %s", (payload, field) => {
    const result = safeValidate(createBalanceOperationBody, payload);
    expect(result.success ? [] : issueDetails(result.error).map((detail) => detail.field)).toContain(field);
  });

  it("lists by account and time range, in time order, and deletes", async () => {
    const a = createBalanceOperation(body(deposit)).body.data;
    const b = createBalanceOperation(body({ ...deposit, account_server: "Other", ticket: 1, time: "2026.01.01 00:00" })).body.data;
    createBalanceOperation(body({ ...deposit, ticket: 2, type: "credit", amount: -20, time: "2026.03.01 00:00" }));
    expect((await list()).map((operation) => operation.time)).toEqual(["2026-01-01T00:00:00", "2026-01-05T09:00:00", "2026-03-01T00:00:00"]);
    expect((await list({ account_id: String(b.account_id) })).map((operation) => operation.id)).toEqual([b.id]);
    expect((await list({ from: "2026-01-02", to: "2026-02-01" })).map((operation) => operation.id)).toEqual([a.id]);
    await deleteBalanceOperation(a.id);
    await expect(deleteBalanceOperation(a.id)).rejects.toMatchObject({ status: 404 });
    expect(await list()).toHaveLength(2);
  });

  it("replaces the starting balance instead of adding a second one", async () => {
    const accountId = createBalanceOperation(body(deposit)).body.data.account_id;
    const start = body({ account_id: accountId, type: "deposit", amount: 5_000, time: "2026.01.01 00:00:00" });
    setStartingBalance({ ...start, account_id: accountId });
    setStartingBalance({ ...start, amount: 7_500, account_id: accountId });
    expect((await list()).map((operation) => [operation.amount, operation.comment])).toEqual([
      [7_500, "Starting balance"],
      [10_000, ""],
    ]);
  });
});

describe("importBalanceOperation", () => {
  const importId = () =>
    (sqlite().prepare("INSERT INTO imports (format, file_name, file_size, status, created_at) VALUES ('mt5-html', 'r.html', 1, 'running', ?) RETURNING id").get(new Date().toISOString()) as { id: number }).id;
  const stored = () => sqlite().prepare("SELECT amount, comment, import_id AS importId FROM balance_operations").all();

  it("stores a new operation with its import, fills an empty comment, and keeps a differing value", () => {
    const id = importId();
    expect(importBalanceOperation(body({ ...deposit, comment: null }), id)).toBe("new");
    expect(importBalanceOperation(body({ ...deposit, comment: "Deposit" }), id)).toBe("enriched");
    expect(importBalanceOperation(body({ ...deposit, amount: 9_999 }), id)).toBe("present");
    expect(stored()).toEqual([{ amount: 10_000, comment: "Deposit", importId: id }]);
    // The API's rule is unchanged: the same difference sent by an EA is a conflict.
    expect(() => createBalanceOperation(body({ ...deposit, amount: 9_999 }))).toThrow(/already stored with different values/);
  });
});
