import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { legacyPayloadText } from "@/lib/test/fixtures";

export { legacyPayloadText };

/** A deal ticket no other test uses. */
let nextTicket = Date.now() * 100;
export const uniqueTicket = () => ++nextTicket;

export function legacyPayload(changes: Record<string, unknown> = {}) {
  return { ...(JSON.parse(legacyPayloadText) as Record<string, unknown>), deal_ticket: uniqueTicket(), ...changes };
}

export async function postJson(request: APIRequestContext, path: string, body: unknown): Promise<APIResponse> {
  return request.post(path, { data: Buffer.from(JSON.stringify(body)), headers: { "Content-Type": "application/json" } });
}

/** Number of stored trades and accounts, to prove a rejected request wrote nothing. */
export async function counts(request: APIRequestContext) {
  const trades = await (await request.get("/api/v1/trades?limit=1")).json();
  const accounts = await (await request.get("/api/v1/accounts")).json();
  return { trades: trades.page.total as number, accounts: accounts.page.total as number };
}

export async function expectError(response: APIResponse, status: number, code: string, field?: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  if (field !== undefined) {
    expect(body.error.details.map((detail: { field: string }) => detail.field)).toContain(field);
  }
  return body;
}
