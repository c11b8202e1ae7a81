import { expect, test, type Page } from "@playwright/test";
import { expectError, legacyPayload, postJson } from "../api/helpers";
import { securePassword } from "./credentials";

// One server with JOURNAL_PASSWORD and OPEN_INGEST_FROM=10.0.0.0/8, taken from open to closed step by
// step: the tests depend on each other's keys, so they run in order.
test.describe.configure({ mode: "serial" });

let apiKey = "";

async function signIn(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Password").fill(securePassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("before the first key: storing trades is open, reading needs the session", async ({ request }) => {
  expect((await postJson(request, "/api/v1/trades", legacyPayload())).status()).toBe(201);
  await expectError(await request.get("/api/v1/trades"), 401, "unauthorized");
  // Pages and server actions are behind the login too.
  const page = await request.get("/trades", { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toContain("/login?next=%2Ftrades");
  const action = await request.post("/settings", { headers: { "Next-Action": "0123456789abcdef" }, data: Buffer.from("[]") });
  expect(action.status()).toBe(401);
});

test("the login page refuses a wrong password and signs in with the right one", async ({ page }) => {
  await page.goto("/trades?symbol=EURUSD");
  await expect(page).toHaveURL(/\/login\?next=%2Ftrades%3Fsymbol%3DEURUSD$/);
  await expect(page.getByRole("link", { name: "Journal", exact: true })).toHaveCount(0);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "password" })).toHaveText("Wrong password.");

  await page.getByLabel("Password").fill(securePassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/trades\?symbol=EURUSD$/);
  await expect(page.getByTestId("open-api-banner")).toContainText("The API is open");
  const [cookie] = (await page.context().cookies()).filter((each) => each.name === "journal_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // The UI's session reads the API, so its CSV link works.
  expect((await page.request.get("/api/v1/trades.csv")).status()).toBe(200);
});

test("a key created in the settings is shown once and closes the API", async ({ page, request }) => {
  await signIn(page, "/settings");
  await expect(page.getByRole("region", { name: "Journal EA" })).toContainText("No key exists yet, so the API is open");
  const keys = page.getByRole("region", { name: "API keys" });
  await keys.getByLabel("Name (what uses it)").fill("E2E EA");
  await keys.getByRole("button", { name: "Create key" }).click();
  apiKey = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(apiKey).toMatch(/^mtj_[A-Za-z0-9_-]{43}$/);

  await page.reload();
  await expect(page.getByTestId("open-api-banner")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Journal EA" })).toContainText(
    "The API takes keys: create a write key tied to the account under API keys above and paste it into InpApiKey.",
  );
  await expect(page.getByTestId("api-key-row")).toHaveCount(1);
  await expect(page.getByTestId("api-key-row")).toContainText(`E2E EA${apiKey.slice(0, 10)}…writeall accounts`);
  expect(await page.content()).not.toContain(apiKey);

  await expectError(await postJson(request, "/api/v1/trades", legacyPayload()), 401, "unauthorized");
  const stored = await request.post("/api/v1/trades", {
    data: Buffer.from(JSON.stringify(legacyPayload())),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
  });
  expect(stored.status()).toBe(201);
  const check = await request.get("/api/v1/auth/check", { headers: { "X-API-Key": apiKey } });
  expect((await check.json()).data).toMatchObject({ access: "key", can_write: true, can_manage_accounts: true, key: { name: "E2E EA" } });
});

test("a client cannot claim an OPEN_INGEST_FROM address: the server sets the peer address itself", async ({ request }) => {
  const claimed = await request.post("/api/v1/trades", {
    data: Buffer.from(JSON.stringify(legacyPayload())),
    headers: { "Content-Type": "application/json", "X-Journal-Peer-Address": "10.0.0.5", "X-Forwarded-For": "10.0.0.5" },
  });
  await expectError(claimed, 401, "unauthorized");
});

test("revoking the key in the settings refuses it; signing out ends the session", async ({ page, request }) => {
  await signIn(page, "/settings");
  const row = page.getByTestId("api-key-row");
  await row.getByRole("button", { name: "Revoke…" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("revoked");
  await expectError(await request.get("/api/v1/trades", { headers: { Authorization: `Bearer ${apiKey}` } }), 403, "forbidden");
  // Still closed with every key revoked.
  await expectError(await postJson(request, "/api/v1/trades", legacyPayload()), 401, "unauthorized");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.request.get("/api/v1/trades")).status()).toBe(401);
});
