import { expect, test } from "@playwright/test";
import { expectError, legacyPayload, legacyPayloadText, postJson, uniqueTicket } from "./helpers";
import { ourEaFields } from "@/lib/test/fixtures";

test.describe("POST /api/v1/trades", () => {
  test("accepts the legacy EA's payload byte for byte, NUL terminator and all", async ({ request }) => {
    const ticket = uniqueTicket();
    const bytes = Buffer.from(`${legacyPayloadText.replace('"deal_ticket":2001', `"deal_ticket":${ticket}`)}\0`);
    const response = await request.post("/api/v1/trades", { data: bytes, headers: { "Content-Type": "application/json" } });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ trade_id: expect.any(Number), duplicate: false });
    expect(body.data).toMatchObject({
      source: "legacy",
      symbol: "EURUSD",
      order_ticket: 1001,
      deal_ticket: ticket,
      position_ticket: 3001,
      position_type: "SELL",
      side: "BUY",
      position_reason: "TAKE_PROFIT",
      lot_size: 0.1,
      entry_price: 1.08345,
      stop_loss: null,
      take_profit: 1.08745,
      profit: 40,
      net_profit: 40,
      open_time: "2026-01-02T10:11:12",
      close_time: "2026-01-02T14:00:00",
      duration_seconds: 13728,
      magic_number: 12345,
    });

    const stored = await (await request.get(`/api/v1/trades/${body.trade_id}`)).json();
    expect(stored.data).toEqual(body.data);
  });

  test("answers a re-post with 200 duplicate and keeps one row", async ({ request }) => {
    const payload = legacyPayload();
    const first = await postJson(request, "/api/v1/trades", payload);
    const again = await postJson(request, "/api/v1/trades", payload);
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ trade_id: (await first.json()).trade_id, duplicate: true });
    const list = await (await request.get(`/api/v1/trades?deal_ticket=${payload.deal_ticket}`)).json();
    expect(list.page.total).toBe(1);
  });

  test("twenty identical posts in parallel leave exactly one row", async ({ request }) => {
    const payload = legacyPayload();
    const responses = await Promise.all(Array.from({ length: 20 }, () => postJson(request, "/api/v1/trades", payload)));
    const statuses = responses.map((response) => response.status()).sort();
    expect(statuses).toEqual([200, ...Array(18).fill(200), 201].sort());
    const ids = new Set(await Promise.all(responses.map(async (response) => (await response.json()).trade_id)));
    expect(ids.size).toBe(1);
    const list = await (await request.get(`/api/v1/trades?deal_ticket=${payload.deal_ticket}`)).json();
    expect(list.page.total).toBe(1);
  });

  test("lets our EA's richer payload fill a legacy row, then refuses a differing value with 409", async ({ request }) => {
    const payload = legacyPayload();
    const { trade_id: id } = await (await postJson(request, "/api/v1/trades", payload)).json();
    const richer = { ...payload, position_type: "BUY", exit_price: 1.08745, commission: -0.7, swap: -0.25, fee: 0, comment: "tp hit" };
    const enriched = await postJson(request, "/api/v1/trades", richer);
    expect(enriched.status()).toBe(200);
    expect(await enriched.json()).toEqual({
      trade_id: id,
      duplicate: true,
      enriched: ["exit_price", "commission", "swap", "fee", "comment"],
    });
    const stored = (await (await request.get(`/api/v1/trades/${id}`)).json()).data;
    expect(stored).toMatchObject({ net_profit: 39.05, exit_price: 1.08745, side: "BUY", source: "legacy" });

    const conflict = await postJson(request, "/api/v1/trades", { ...payload, profit: 12.5 });
    const body = await expectError(conflict, 409, "conflict", "profit");
    expect(body.error.details).toEqual([{ field: "profit", message: "stored 40, received 12.5" }]);
    expect((await (await request.get(`/api/v1/trades/${id}`)).json()).data).toEqual(stored);
  });

  test("stores the extended payload in its account with ISO times and the offset as a hint", async ({ request }) => {
    const payload = {
      ...legacyPayload(),
      position_type: "BUY",
      open_time: "2026-03-02T09:00:00+02:00",
      close_time: "2026-03-02T17:30:00+02:00",
      exit_price: 1.0912,
      commission: -3.5,
      swap: 0,
      fee: -0.1,
      comment: "breakout",
      account_login: 99000001,
      account_server: "E2E-Ingest",
      account_currency: "usd",
    };
    const response = await postJson(request, "/api/v1/trades", payload);
    expect(response.status()).toBe(201);
    const { data } = await response.json();
    expect(data).toMatchObject({
      source: "ea",
      side: "BUY",
      open_time: "2026-03-02T09:00:00",
      close_time: "2026-03-02T17:30:00",
      utc_offset_minutes: 120,
      duration_seconds: 30600,
      net_profit: 36.4,
    });
    const accounts = (await (await request.get("/api/v1/accounts")).json()).data;
    expect(accounts).toContainEqual(
      expect.objectContaining({ id: data.account_id, login: 99000001, server: "E2E-Ingest", currency: "USD", is_default: false, trade_count: 1 }),
    );
  });

  test("our EA's initial SL/TP and entry commission: stored, answered, compared on a re-send", async ({ request }) => {
    const payload = { ...legacyPayload({ account_login: 99000002, account_server: "E2E-Ingest", account_currency: "USD" }), ...ourEaFields };
    const response = await postJson(request, "/api/v1/trades", payload);
    expect(response.status()).toBe(201);
    const { data } = await response.json();
    const stored = { stop_loss: 1.08345, initial_stop_loss: 1.08045, initial_take_profit: null, commission: -7, entry_commission: -3.5, net_profit: 33 };
    expect(data).toMatchObject(stored);
    expect((await (await request.get(`/api/v1/trades/${data.id}`)).json()).data).toMatchObject(stored);

    expect(await (await postJson(request, "/api/v1/trades", payload)).json()).toEqual({ trade_id: data.id, duplicate: true });
    const conflict = await expectError(await postJson(request, "/api/v1/trades", { ...payload, entry_commission: -3 }), 409, "conflict");
    expect(conflict.error.details).toEqual([{ field: "entry_commission", message: "stored -3.5, received -3" }]);
    const { commission: _commission, ...withoutCommission } = payload;
    const invalid = await expectError(await postJson(request, "/api/v1/trades", withoutCommission), 422, "validation_error");
    expect(invalid.error.details).toEqual([{ field: "entry_commission", message: "needs commission" }]);
  });
});

test.describe("POST /api/v1/trades/batch", () => {
  test("stores valid items, reports invalid and conflicting ones, in one request", async ({ request }) => {
    const a = legacyPayload();
    const b = legacyPayload({ symbol: "XAUUSD" });
    const items = [
      a,
      { ...a },
      { ...b, lot_size: -1 },
      b,
      { ...b, profit: 1 },
      { ...legacyPayload(), position_type: "BUY", exit_price: 1.1 },
      { ...a, position_type: "BUY", exit_price: 1.08745, fee: -0.05 },
      [],
    ];
    const response = await postJson(request, "/api/v1/trades/batch", { trades: items });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.counts).toEqual({ created: 3, duplicate: 1, enriched: 1, conflict: 1, invalid: 2 });
    expect(body.results.map((result: { status: string }) => result.status)).toEqual([
      "created",
      "duplicate",
      "invalid",
      "created",
      "conflict",
      "created",
      "enriched",
      "invalid",
    ]);
    expect(body.results[2].errors).toEqual([{ field: "trades.2.lot_size", message: expect.any(String) }]);
    expect(body.results[4].errors).toEqual([{ field: "trades.4.profit", message: "stored 40, received 1" }]);
    expect(body.results[6].enriched).toEqual(["exit_price", "fee"]);
    const xau = await (await request.get(`/api/v1/trades?deal_ticket=${b.deal_ticket}`)).json();
    expect(xau.data).toHaveLength(1);
    expect(xau.data[0].profit).toBe(40);
  });

  test("refuses an empty batch, one over 1,000 items and a non-array", async ({ request }) => {
    await expectError(await postJson(request, "/api/v1/trades/batch", { trades: [] }), 422, "validation_error", "trades");
    const tooMany = Array.from({ length: 1001 }, () => ({ deal_ticket: 1 }));
    await expectError(await postJson(request, "/api/v1/trades/batch", { trades: tooMany }), 422, "validation_error", "trades");
    await expectError(await postJson(request, "/api/v1/trades/batch", [legacyPayload()]), 422, "validation_error");
  });
});
