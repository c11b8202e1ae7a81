import { describe, expect, it, vi } from "vitest";
import { GET as getCheck } from "@/app/api/v1/auth/check/route";
import { GET as getTrades, POST as postTrade } from "@/app/api/v1/trades/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { peerAddressHeader } from "@/lib/auth/client-address";
import { createSessionToken, isValidSessionToken, sessionCookieName } from "@/lib/auth/session";
import { safeNextPath, signIn } from "@/lib/auth/sign-in";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { callRoute } from "@/lib/test/call-route";

// Hoisted: the configuration is read when lib/db is first imported.
vi.hoisted(() => {
  process.env.JOURNAL_PASSWORD = "correct horse battery";
  process.env.JOURNAL_PEER_ADDRESS_HEADER = "1";
  process.env.RATE_LIMIT_PER_SECOND = "5";
});

const password = "correct horse battery";
let nextTicket = 1;
const legacy = () => ({ ...JSON.parse(legacyPayloadText), deal_ticket: nextTicket++ });
const from = (address: string) => new Headers({ [peerAddressHeader]: address });
// Each test speaks from its own address, so the rate limit of one does not spill into another.
const session = (address: string) => ({ Cookie: `theme=dark; ${sessionCookieName}=${createSessionToken(password)}`, [peerAddressHeader]: address });

describe("with JOURNAL_PASSWORD", () => {
  it("API reads need the session even before the first key; storing trades stays open until then", async () => {
    const anonymous = { [peerAddressHeader]: "192.0.2.1" };
    expect((await callRoute(getTrades, "/api/v1/trades", { headers: anonymous })).status).toBe(401);
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers: anonymous })).status).toBe(201);
    const read = await callRoute(getTrades, "/api/v1/trades", { headers: session("192.0.2.1") });
    expect(read.status).toBe(200);
    expect(read.body.page.total).toBe(1);
    const forged = { Cookie: `${sessionCookieName}=${createSessionToken("guessed password")}`, [peerAddressHeader]: "192.0.2.1" };
    expect((await callRoute(getTrades, "/api/v1/trades", { headers: forged })).status).toBe(401);
  });

  it("once a key exists the session still reads, but only keys write", async () => {
    createApiKey({ name: "EA", scope: "write", accountId: null });
    const headers = session("192.0.2.2");
    expect((await callRoute(getTrades, "/api/v1/trades", { headers })).status).toBe(200);
    expect((await callRoute(postTrade, "/api/v1/trades", { body: legacy(), headers })).status).toBe(401);
    const check = await callRoute(getCheck, "/api/v1/auth/check", { headers });
    expect(check.body.data).toMatchObject({ access: "session", password_set: true, keys_required: true, can_read: true, can_write: false });
  });

  it("answers 429 with Retry-After once a key goes over its rate (burst of twice the rate per second)", async () => {
    const { key } = createApiKey({ name: "Runaway", scope: "read", accountId: null });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof callRoute>> | undefined;
    for (let index = 0; index < 14; index += 1) {
      const response = await callRoute(getTrades, "/api/v1/trades?limit=1", { headers: { "X-API-Key": key } });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.at(-1)).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.error.code).toBe("rate_limited");
    // The limit is per key: another caller is not slowed down.
    expect((await callRoute(getTrades, "/api/v1/trades?limit=1", { headers: session("192.0.2.3") })).status).toBe(200);
  });
});

describe("signIn", () => {
  it("gives a session for the right password and a clear refusal for a wrong one", () => {
    const result = signIn(password, from("198.51.100.1"));
    expect(result.ok).toBe(true);
    expect(isValidSessionToken(result.ok ? result.token : "", password)).toBe(true);
    expect(signIn("wrong", from("198.51.100.1"))).toEqual({ ok: false, message: "Wrong password." });
  });

  it("locks an address out after 5 wrong passwords, even for the right one, and not other addresses", () => {
    const attacker = from("198.51.100.66");
    for (let attempt = 0; attempt < 5; attempt += 1) expect(signIn("guess", attacker)).toMatchObject({ ok: false, message: "Wrong password." });
    const locked = signIn(password, attacker);
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many wrong passwords\. Try again in 2 minutes\.$/) });
    expect(signIn(password, from("198.51.100.7")).ok).toBe(true);
  });

  it("only goes on to paths of this site", () => {
    expect(safeNextPath("/trades?symbol=EURUSD")).toBe("/trades?symbol=EURUSD");
    for (const next of ["//evil.example", "/\\evil.example", "https://evil.example", "", null, ["/"]]) expect(safeNextPath(next)).toBe("/");
  });
});
