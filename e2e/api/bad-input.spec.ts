import { expect, test } from "@playwright/test";
import { counts, expectError, legacyPayload } from "./helpers";

type Bad = { name: string; path?: string; body?: string | Buffer; type?: string | null; status: number; code: string; field?: string };

const valid = legacyPayload();
const change = (changes: Record<string, unknown>) => JSON.stringify({ ...valid, ...changes });
const without = (key: string) => {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[key];
  return JSON.stringify(copy);
};

// Every one of these is answered 4xx with the error envelope, and none writes anything.
const cases: Bad[] = [
  { name: "malformed JSON", body: '{"symbol":"EURUSD",', status: 400, code: "invalid_json" },
  { name: "empty body", body: "", status: 400, code: "invalid_json" },
  { name: "only a NUL byte", body: "\0", status: 400, code: "invalid_json" },
  { name: "invalid UTF-8", body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), status: 400, code: "invalid_json" },
  { name: "form content type", body: change({}), type: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type" },
  { name: "text content type", body: change({}), type: "text/plain", status: 415, code: "unsupported_media_type" },
  { name: "body over 64 KiB", body: change({ comment: "x".repeat(70_000) }), status: 413, code: "payload_too_large" },
  { name: "batch over 2 MiB", path: "/api/v1/trades/batch", body: JSON.stringify({ trades: [{ pad: "x".repeat(2_200_000) }] }), status: 413, code: "payload_too_large" },
  { name: "JSON array", body: "[1,2]", status: 422, code: "validation_error" },
  { name: "JSON string", body: '"trade"', status: 422, code: "validation_error" },
  { name: "null", body: "null", status: 422, code: "validation_error" },
  { name: "missing symbol", body: without("symbol"), status: 422, code: "validation_error", field: "symbol" },
  { name: "missing deal_ticket", body: without("deal_ticket"), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "missing close_time", body: without("close_time"), status: 422, code: "validation_error", field: "close_time" },
  { name: "empty symbol", body: change({ symbol: "" }), status: 422, code: "validation_error", field: "symbol" },
  { name: "numeric symbol", body: change({ symbol: 5 }), status: 422, code: "validation_error", field: "symbol" },
  { name: "deal_ticket 0", body: change({ deal_ticket: 0 }), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "negative deal_ticket", body: change({ deal_ticket: -5 }), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "fractional deal_ticket", body: change({ deal_ticket: 12.5 }), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "string deal_ticket", body: change({ deal_ticket: "12" }), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "huge deal_ticket", body: change({ deal_ticket: 1e20 }), status: 422, code: "validation_error", field: "deal_ticket" },
  { name: "lower-case position_type", body: change({ position_type: "buy" }), status: 422, code: "validation_error", field: "position_type" },
  { name: "unknown position_reason", body: change({ position_reason: "MAGIC" }), status: 422, code: "validation_error", field: "position_reason" },
  { name: "zero lot_size", body: change({ lot_size: 0 }), status: 422, code: "validation_error", field: "lot_size" },
  { name: "string lot_size", body: change({ lot_size: "0.10" }), status: 422, code: "validation_error", field: "lot_size" },
  { name: "negative entry_price", body: change({ entry_price: -1.1 }), status: 422, code: "validation_error", field: "entry_price" },
  { name: "profit as string", body: change({ profit: "40" }), status: 422, code: "validation_error", field: "profit" },
  { name: "February 30th", body: change({ close_time: "2026.02.30 10:00:00" }), status: 422, code: "validation_error", field: "close_time" },
  { name: "hour 25", body: change({ close_time: "2026.01.02 25:00:00" }), status: 422, code: "validation_error", field: "close_time" },
  { name: "day-first date", body: change({ close_time: "02.01.2026 14:00:00" }), status: 422, code: "validation_error", field: "close_time" },
  { name: "epoch number as time", body: change({ close_time: 1767362400 }), status: 422, code: "validation_error", field: "close_time" },
  { name: "open after close", body: change({ open_time: "2026.01.03 00:00:00" }), status: 422, code: "validation_error", field: "open_time" },
  { name: "misspelt field", body: change({ comission: -1 }), status: 422, code: "validation_error", field: "comission" },
  { name: "login without server", body: change({ account_login: 123 }), status: 422, code: "validation_error", field: "account_server" },
  { name: "bad currency", body: change({ account_login: 1, account_server: "S", account_currency: "US Dollar" }), status: 422, code: "validation_error", field: "account_currency" },
  { name: "negative magic_number", body: change({ magic_number: -1 }), status: 422, code: "validation_error", field: "magic_number" },
  { name: "offsets disagree", body: change({ close_time: "2026-01-02T14:00:00+02:00", utc_offset_minutes: 0 }), status: 422, code: "validation_error", field: "utc_offset_minutes" },
  { name: "batch without trades", path: "/api/v1/trades/batch", body: "{}", status: 422, code: "validation_error", field: "trades" },
];

test.describe("bad input", () => {
  test(`${cases.length} bad requests are each answered 4xx naming the cause, writing nothing`, async ({ request }) => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const before = await counts(request);
    for (const bad of cases) {
      await test.step(bad.name, async () => {
        const type = bad.type === undefined ? "application/json" : bad.type;
        // A Buffer is sent as is (Playwright would JSON-encode a string that does not parse).
        const response = await request.post(bad.path ?? "/api/v1/trades", {
          data: Buffer.from(bad.body ?? ""),
          headers: type === null ? {} : { "Content-Type": type },
        });
        await expectError(response, bad.status, bad.code, bad.field);
      });
    }
    expect(await counts(request)).toEqual(before);
  });

  test("bad queries and paths are 4xx in the envelope", async ({ request }) => {
    await expectError(await request.get("/api/v1/trades?limit=0"), 422, "validation_error", "limit");
    await expectError(await request.get("/api/v1/trades?limit=501"), 422, "validation_error", "limit");
    await expectError(await request.get("/api/v1/trades?sort=price"), 422, "validation_error", "sort");
    await expectError(await request.get("/api/v1/trades?magic_number=abc"), 422, "validation_error", "magic_number.0");
    await expectError(await request.get("/api/v1/trades?from=2026.02.30"), 422, "validation_error", "from");
    await expectError(await request.get("/api/v1/trades?outcome=big"), 422, "validation_error", "outcome.0");
    await expectError(await request.get("/api/v1/trades?symbols=EURUSD"), 422, "validation_error", "symbols");
    await expectError(await request.get("/api/v1/trades?limit=5&limit=6"), 422, "validation_error", "limit");
    await expectError(await request.get("/api/v1/trades?cursor=garbage"), 422, "invalid_cursor", "cursor");
    await expectError(await request.get("/api/v1/analytics/summary?sort=net_profit"), 422, "validation_error", "sort");
    await expectError(await request.get("/api/v1/trades/abc"), 422, "validation_error", "id");
    await expectError(await request.get("/api/v1/trades/0"), 422, "validation_error", "id");
    await expectError(await request.get("/api/v1/trades/99999999"), 404, "not_found");
    await expectError(await request.get("/api/v1/no-such-endpoint"), 404, "not_found");
    // Percent-encoding that does not decode: Next.js alone answers a bare 500 (proxy.ts).
    await expectError(await request.get("/api/v1/trades/%E0%A4%A"), 404, "not_found");
    await expectError(await request.patch("/api/v1/trades/1%", { data: Buffer.from("{}") }), 404, "not_found");
    await expectError(await request.get("/api/v1/no%FFsuch"), 404, "not_found");
    // Pages too; a path that decodes still reaches its page.
    for (const path of ["/trades/%E0%A4%A", "/%FF", "/settings%"]) expect((await request.get(path)).status()).toBe(404);
    expect((await request.get("/trades?symbol=EUR%55SD")).status()).toBe(200);
  });
});
