import { describe, expect, it } from "vitest";
import { checkAnswer, decodeBody, type FuzzAnswer } from "@/lib/test/fuzz-answer";
import type { FuzzRequest } from "@/lib/test/fuzz-arbitraries";
import { byteOrderMark, tradeCsvHeader } from "@/lib/trades/trades-csv";

const post: FuzzRequest = { method: "POST", route: "trades", params: {}, path: "/api/v1/trades", contentType: "application/json", body: "{}" };
const summary: FuzzRequest = { method: "GET", route: "analytics/summary", params: {}, path: "/api/v1/analytics/summary" };
const csv: FuzzRequest = { method: "GET", route: "trades.csv", params: {}, path: "/api/v1/trades.csv" };
const json = (status: number, body: unknown): FuzzAnswer => ({ status, contentType: "application/json", body: JSON.stringify(body) });
const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code, message: "Bad", ...extra } });

// The fuzz tests are only as good as this judge: it must refuse every way an answer can break the contract.
describe("checkAnswer", () => {
  it("accepts 2xx JSON, a CSV download, and 4xx errors in the envelope with their table's status", () => {
    expect(() => checkAnswer(post, json(201, { trade_id: 1, duplicate: false }))).not.toThrow();
    expect(() => checkAnswer(post, json(422, error("validation_error", { details: [{ field: "symbol", message: "x" }] })))).not.toThrow();
    expect(() => checkAnswer(post, json(422, error("invalid_cursor")))).not.toThrow();
    expect(() => checkAnswer(post, { ...json(400, error("invalid_json")), contentType: "application/json; charset=utf-8" })).not.toThrow();
    expect(() =>
      checkAnswer(csv, { status: 200, contentType: "text/csv; charset=utf-8", body: byteOrderMark + tradeCsvHeader() }),
    ).not.toThrow();
    expect(() => checkAnswer(csv, json(422, error("validation_error")))).not.toThrow();
  });

  it.each<[string, FuzzRequest, FuzzAnswer, RegExp]>([
    ["a 500", post, json(500, error("internal_error")), /neither 2xx nor 4xx/],
    ["a 503", post, json(503, error("unavailable")), /neither 2xx nor 4xx/],
    ["a redirect", post, json(308, {}), /neither 2xx nor 4xx/],
    ["a code of another status", post, json(400, error("validation_error")), /does not go with status 400/],
    ["a code outside the table", post, json(418, error("teapot")), /unknown error code teapot/],
    ["an inherited name as a code", post, json(400, error("constructor")), /unknown error code/],
    ["no envelope", post, json(422, { message: "Bad" }), /not \{"error"/],
    ["members beside error", post, json(422, { ...error("validation_error"), ok: false }), /not \{"error"/],
    ["members inside error", post, json(422, error("validation_error", { stack: "at x" })), /unknown members: stack/],
    ["an empty message", post, json(422, { error: { code: "validation_error", message: "" } }), /no message/],
    ["details not a list", post, json(422, error("validation_error", { details: "symbol" })), /details/],
    ["a detail without field", post, json(422, error("validation_error", { details: [{ message: "x" }] })), /details/],
    ["an HTML error page", post, { status: 404, contentType: "text/html", body: "<html>" }, /not JSON/],
    ["no content type", post, { status: 413, contentType: "", body: "" }, /\(none\) is not JSON/],
    ["a body that is not JSON", post, { status: 400, contentType: "application/json", body: "{" }, /not JSON/],
    ["a 2xx array", post, json(200, []), /not a JSON object/],
    ["a 2xx carrying an error", post, json(200, error("conflict")), /2xx answer carries an error/],
    ["a 2xx of another shape", post, json(201, { id: 1 }), /not the documented one \(trade_id: /],
    ["a NaN turned null", summary, json(200, { data: { total_trades: null } }), /not the documented one \(data.currency: /],
    ["a CSV without its BOM", csv, { status: 200, contentType: "text/csv", body: tradeCsvHeader() }, /BOM and the header/],
    ["a CSV answered as JSON", csv, json(200, {}), /CSV export answered content-type application\/json/],
  ])("refuses %s", (_name, request, answer, message) => {
    expect(() => checkAnswer(request, answer)).toThrow(message);
  });

  it("keeps the byte order mark that Response.text() would drop", () => {
    expect(decodeBody(new TextEncoder().encode(`${byteOrderMark}id`))).toBe(`${byteOrderMark}id`);
  });
});
