import { expect, test, type APIRequestContext } from "@playwright/test";
import { legacyPayload, postJson } from "../api/helpers";

// Its own accounts (a server name of this run), so the other specs' accounts do not change what it sees.
const server = `E2E-Settings-${Date.now()}`;
const magicNumber = 4242;

/** Posts one closed trade for login @ server, as an EA naming its account does; answers the account's id. */
async function createAccount(request: APIRequestContext, login: number): Promise<number> {
  const response = await postJson(
    request,
    "/api/v1/trades",
    legacyPayload({
      account_login: login,
      account_server: server,
      account_currency: "USD",
      magic_number: magicNumber,
      open_time: "2026.03.02 10:00:00",
      close_time: "2026.03.02 14:00:00",
    }),
  );
  expect(response.status()).toBe(201);
  return (await response.json()).data.account_id as number;
}

async function getData(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

test("the settings rename an account, set its starting balance and a strategy name, and delete an account after confirmation", async ({
  page,
  request,
}) => {
  const accountId = await createAccount(request, 88000001);
  const throwawayId = await createAccount(request, 88000002);
  const name = `Settings e2e ${Date.now()}`;

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  // Rename: the section is then found by the new name, and the API answers it.
  await page.getByRole("region", { name: `88000001 @ ${server}` }).getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("region", { name: `88000001 @ ${server}` }).getByRole("button", { name: "Rename" }).click();
  const account = page.getByRole("region", { name });
  await expect(account.getByRole("status").filter({ hasText: "Renamed" })).toHaveText(`Renamed to “${name}”.`);
  const accounts = (await getData(request, "/api/v1/accounts")) as { id: number; name: string; currency: string }[];
  expect(accounts.find((each) => each.id === accountId)).toMatchObject({ name, currency: "USD" });

  // A refused value is named beside its field, kept in the field, and changes nothing.
  await account.getByLabel("Currency", { exact: true }).fill("U$D");
  await account.getByRole("button", { name: "Set currency" }).click();
  await expect(account.getByRole("alert")).toHaveText("Not saved: see the marked fields.");
  await expect(account.getByLabel("Currency", { exact: true })).toHaveValue("U$D");
  await expect(account.getByLabel("Currency", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(account.getByText("must be a currency code such as USD")).toBeVisible();
  expect(((await getData(request, "/api/v1/accounts")) as { id: number; currency: string }[]).find((each) => each.id === accountId)?.currency).toBe(
    "USD",
  );

  // Starting balance: dated one second before the first trade closed, unless changed; setting it again replaces it.
  await expect(account.getByLabel("Dated (broker time)")).toHaveValue("2026-03-02T13:59:59");
  await account.getByLabel("Starting balance", { exact: true }).fill("10000");
  await account.getByRole("button", { name: "Set starting balance" }).click();
  await expect(account.getByRole("status").filter({ hasText: "Starting balance set" })).toHaveText(
    "Starting balance set: 10,000.00 on 2026-03-02 13:59:59.",
  );
  await expect(account.getByRole("table")).toContainText("+10,000.00");
  await account.getByLabel("Starting balance", { exact: true }).fill("12500.50");
  await account.getByRole("button", { name: "Set starting balance" }).click();
  await expect(account.getByRole("status").filter({ hasText: "Starting balance set" })).toHaveText(
    "Starting balance set: 12,500.50 on 2026-03-02 13:59:59.",
  );
  expect(await getData(request, `/api/v1/balance-operations?account_id=${accountId}`)).toEqual([
    expect.objectContaining({ account_id: accountId, type: "deposit", amount: 12500.5, time: "2026-03-02T13:59:59", ticket: null, comment: "Starting balance" }),
  ]);

  // A strategy name for the magic number the account's trade carries.
  await account.getByLabel(`Strategy name for magic ${magicNumber}`).fill("  Breakout M15 ");
  await account.getByRole("form", { name: `Magic ${magicNumber}` }).getByRole("button", { name: "Save name" }).click();
  await expect(account.getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved “Breakout M15”.");
  expect(await getData(request, "/api/v1/strategies")).toContainEqual(
    expect.objectContaining({ account_id: accountId, magic_number: magicNumber, name: "Breakout M15" }),
  );

  // Deleting asks first, saying what goes; Cancel keeps it, "Yes, delete" deletes it.
  const throwaway = page.getByRole("region", { name: `88000002 @ ${server}` });
  await throwaway.getByRole("button", { name: "Delete account…" }).click();
  await expect(throwaway.getByRole("alertdialog", { name: "Confirm delete" })).toContainText(`Delete 88000002 @ ${server} with its 1 trade`);
  await throwaway.getByRole("button", { name: "Cancel" }).click();
  await expect(throwaway.getByRole("alertdialog")).toHaveCount(0);
  await throwaway.getByRole("button", { name: "Delete account…" }).click();
  await throwaway.getByRole("button", { name: "Yes, delete" }).click();
  await expect(throwaway).toHaveCount(0);
  const remaining = ((await getData(request, "/api/v1/accounts")) as { id: number }[]).map((each) => each.id);
  expect(remaining).toContain(accountId);
  expect(remaining).not.toContain(throwawayId);

  await page.screenshot({ path: "test-results/screenshots/settings-light.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screenshots/settings-dark.png", fullPage: true });
});

test("an adjustment typed in the settings keeps its sign, unlike a withdrawal", async ({ page, request }) => {
  const accountId = await createAccount(request, 88000003);
  await page.goto("/settings");
  const account = page.getByRole("region", { name: `88000003 @ ${server}` });
  const form = account.getByRole("form", { name: "Add a balance operation" });
  for (const [type, amount, time] of [["Withdrawal", "200", "2026-03-03T10:00:00"], ["Adjustment", "-12.5", "2026-03-04T10:00:00"]] as const) {
    await form.getByLabel("Type").selectOption({ label: type });
    await form.getByLabel("Amount").fill(amount);
    await form.getByLabel("Time (broker)").fill(time);
    await form.getByRole("button", { name: "Add operation" }).click();
    await expect(account.getByRole("status").filter({ hasText: "Added" })).toHaveText(`Added: ${type.toLowerCase()} of ${type === "Withdrawal" ? "−200.00" : "−12.50"}.`);
  }
  await expect(account.getByRole("table")).toContainText("adjustment−12.50"); // shown capitalised by CSS
  const operations = (await getData(request, `/api/v1/balance-operations?account_id=${accountId}`)) as { type: string; amount: number }[];
  expect(operations.map((operation) => [operation.type, operation.amount])).toEqual([
    ["withdrawal", -200],
    ["adjustment", -12.5],
  ]);
});

test("the settings show the URL MetaTrader must allow, the key to paste and the journal EA's inputs", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/settings");
  const ea = page.getByRole("region", { name: "Journal EA" });
  await expect(ea.getByTestId("webrequest-url")).toHaveText(origin);
  await expect(ea).toContainText("Tools → Options → Expert Advisors → tick Allow WebRequest for listed URL");
  await expect(ea).toContainText("mql5/Experts/TradeJournal.mq5");
  await expect(ea).toContainText("mql5/Include/TradeJournal/");
  await expect(ea).toContainText("mql5/README.md");
  // This server has no key: the API is open, and a key tied to the account is still recommended.
  await expect(ea).toContainText("No key exists yet, so the API is open");
  await expect(ea.getByRole("link", { name: "create a write key tied to the account" })).toHaveAttribute("href", "#api-keys");

  const inputs = [
    ["InpServerUrl string", "http://127.0.0.1:3000", "The journal's base URL, no path"],
    ["InpApiKey string", "empty", "A write key"],
    ["InpBackfillDays int", "90", "Days of history sent on the first run"],
    ["InpSendIntervalSeconds int", "5", "How often queued records are sent"],
    ["InpMagicNumbers string", "empty", "Comma-separated magic numbers to journal; empty = all"],
    ["InpJournalManualTrades bool", "true", "Journal trades opened by hand (magic 0)"],
    ["InpBatchSize int", "100", "Trades per request (halved automatically on 413)"],
    ["InpTimeoutMs int", "5000", "WebRequest timeout"],
  ];
  const rows = ea.getByTestId("ea-input");
  await expect(rows).toHaveCount(inputs.length);
  for (const [index, cells] of inputs.entries()) await expect(rows.nth(index).getByRole("cell")).toHaveText(cells);

  // The legacy bridge EA still works; the first steps point at the journal's own EA.
  await expect(page.getByRole("region", { name: "Legacy bridge EA" })).toContainText(`${origin}/api/v1/trades`);
  const steps = page.getByRole("region", { name: "Connect your Expert Advisor" });
  await expect(steps).toContainText("mql5/Experts/TradeJournal.mq5");
  await expect(steps).not.toContainText("later release");
  await ea.screenshot({ path: "test-results/screenshots/settings-journal-ea.png" });
});
