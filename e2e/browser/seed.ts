import { expect, type APIRequestContext } from "@playwright/test";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { postJson } from "../api/helpers";

// The browser specs' own account, so the API specs' trades do not change what they see.
export const browserAccount = { login: 66000001, server: "E2E-Browser", currency: "USD" };
export const browserTrades = generateDemoTrades({ seed: 31, positionsPerAccount: 70, accounts: [browserAccount] });

let seeding: Promise<number> | undefined;

/** Stores the trades once per run and answers the account's id (its `account_id` filter value). */
export function seedBrowserAccount(request: APIRequestContext): Promise<number> {
  seeding ??= (async () => {
    const response = await postJson(request, "/api/v1/trades/batch", { trades: browserTrades });
    expect(response.status()).toBe(200);
    const accounts = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number | null; server: string | null }[];
    return accounts.find((account) => account.login === browserAccount.login && account.server === browserAccount.server)!.id;
  })();
  return seeding;
}
