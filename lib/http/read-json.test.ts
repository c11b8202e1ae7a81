import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json";

const post = (body: BodyInit | null, type: string | null = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/trades", {
    method: "POST",
    body,
    headers: { ...(type === null ? {} : { "content-type": type }), ...headers },
  });

async function failure(request: Request, limit = 64) {
  try {
    await readJsonBody(request, limit);
  } catch (error) {
    return { status: (error as ApiError).status, code: (error as ApiError).code, message: (error as ApiError).message };
  }
  throw new Error("expected a failure");
}

describe("readJsonBody", () => {
  it("tolerates the trailing NUL byte MQL5 leaves, a BOM and a charset", async () => {
    expect(await readJsonBody(post('{"a":0.10}\0', "application/json; charset=utf-8"), 64)).toEqual({ a: 0.1 });
    expect(await readJsonBody(post('\uFEFF{"a":1}'), 64)).toEqual({ a: 1 });
  });

  it.each([
    [post("{}", "text/plain"), 415, "unsupported_media_type"],
    [post("{}", "application/x-www-form-urlencoded"), 415, "unsupported_media_type"],
    [post("{}", null), 415, "unsupported_media_type"],
    [post("{bad"), 400, "invalid_json"],
    [post(""), 400, "invalid_json"],
    [post("\0"), 400, "invalid_json"],
    [post(new Uint8Array([0x7b, 0xff, 0x7d])), 400, "invalid_json"],
    [post(JSON.stringify({ a: "x".repeat(100) })), 413, "payload_too_large"],
    [post("{}", "application/json", { "content-length": "1000" }), 413, "payload_too_large"],
  ])("answers %#: %i %s", async (request, status, code) => {
    expect(await failure(request)).toMatchObject({ status, code });
  });

  // Found by the fuzz test: SQLite stored "X\ud800Y" as invalid UTF-8, read it back as "X\ufffd\ufffd\ufffdY",
  // and the same trade sent again was a 409 conflict on its symbol.
  it("refuses a lone surrogate escape, in a value or a key, and keeps a pair", async () => {
    expect(await failure(post('{"symbol":"X\\ud800Y"}'), 100)).toMatchObject({ status: 400, code: "invalid_json" });
    expect(await failure(post('{"note":"\\uDC00"}'), 100)).toMatchObject({ status: 400, code: "invalid_json" });
    expect(await failure(post('{"tags":["a","\\udbff"]}'), 100)).toMatchObject({ status: 400, code: "invalid_json" });
    expect(await failure(post('{"\\ud800":1}'), 100)).toMatchObject({ status: 400, code: "invalid_json" });
    expect(await readJsonBody(post('{"symbol":"\\ud83d\\ude80","path":"C:\\\\ud800"}'), 100)).toEqual({ symbol: "🚀", path: "C:\\ud800" });
  });

  it("counts the bytes that arrive, not the declared length", async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode("x".repeat(20)));
        controller.close();
      },
    });
    const request = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await failure(request)).toMatchObject({ status: 413 });
  });
});
