import { expect, test, type Page } from "@playwright/test";
import { formatInteger, formatMoney } from "@/lib/ui/format";
import { browserTrades, seedBrowserAccount } from "./seed";

let accountId = 0;
test.beforeEach(async ({ request }) => {
  accountId = await seedBrowserAccount(request);
});

/** The trade ids the table shows, top to bottom. */
const shownIds = async (page: Page) =>
  (await page.locator("tbody tr").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-trade-id")))));

async function pickFilter(page: Page, label: string, option: string | RegExp) {
  await page.getByRole("button", { name: new RegExp(`^${label}:`) }).click();
  await page.getByRole("group", { name: label }).getByLabel(option, { exact: typeof option === "string" }).click(); // checked once the URL changes
  await page.keyboard.press("Escape");
}

test("filtering by symbol and magic number from the controls changes the table, the URL and the totals", async ({ page, request }) => {
  const named = await request.put(`/api/v1/strategies/${accountId}/1001`, { data: { name: "Trend H4" } });
  expect(named.ok()).toBe(true);
  await page.goto(`/trades?account_id=${accountId}`);
  await expect(page.getByRole("heading", { name: "Journal" })).toBeVisible();
  await expect(page.getByTestId("total-trades")).toHaveText(formatInteger(browserTrades.length));

  await pickFilter(page, "Symbol", "EURUSD");
  await expect(page).toHaveURL(/symbol=EURUSD/);
  const bySymbol = await (await request.get(`/api/v1/trades?account_id=${accountId}&symbol=EURUSD&limit=50`)).json();
  const summary = (await (await request.get(`/api/v1/analytics/summary?account_id=${accountId}&symbol=EURUSD`)).json()).data;
  await expect(page.getByTestId("total-trades")).toHaveText(formatInteger(bySymbol.page.total));
  await expect(page.getByTestId("total-net")).toHaveText(`${formatMoney(summary.net_profit)} USD`);
  await expect.poll(() => shownIds(page)).toEqual(bySymbol.data.map((trade: { id: number }) => trade.id));
  await expect(page.locator("tbody tr td:nth-child(3)").filter({ hasNotText: "EURUSD" })).toHaveCount(0);

  await pickFilter(page, "Strategy", /^1001 · .*Trend H4/); // the number with the strategy's name
  await expect(page).toHaveURL(/magic_number=1001/);
  const both = await (await request.get(`/api/v1/trades?account_id=${accountId}&symbol=EURUSD&magic_number=1001&limit=50`)).json();
  await expect(page.getByTestId("total-trades")).toHaveText(formatInteger(both.page.total));
  await expect.poll(() => shownIds(page)).toEqual(both.data.map((trade: { id: number }) => trade.id));
  await page.screenshot({ path: "test-results/screenshots/journal-filtered.png", fullPage: true });
});

test("sorting by a column and paging follow the API's order", async ({ page, request }) => {
  await page.goto(`/trades?account_id=${accountId}&limit=25`);
  await page.getByRole("link", { name: /^Net/ }).click();
  await expect(page).toHaveURL(/sort=-net_profit/);
  const first = await (await request.get(`/api/v1/trades?account_id=${accountId}&sort=-net_profit&limit=25`)).json();
  await expect.poll(() => shownIds(page)).toEqual(first.data.map((trade: { id: number }) => trade.id));

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const second = await (await request.get(`/api/v1/trades?account_id=${accountId}&sort=-net_profit&limit=25&cursor=${first.page.next_cursor}`)).json();
  await expect.poll(() => shownIds(page)).toEqual(second.data.map((trade: { id: number }) => trade.id));
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect.poll(() => shownIds(page)).toEqual(first.data.map((trade: { id: number }) => trade.id));
});

test("the trade page shows the posted values, and the note and tags persist and filter the journal", async ({ page, request }) => {
  const posted = browserTrades[5]!;
  const { data } = await (await request.get(`/api/v1/trades?account_id=${accountId}&deal_ticket=${posted.deal_ticket}`)).json();
  const id = data[0].id as number;
  await page.goto(`/trades/${id}`);
  for (const field of ["symbol", "deal_ticket", "position_ticket", "lot_size", "entry_price", "exit_price", "profit", "commission", "swap"] as const) {
    await expect(page.locator(`[data-field="${field}"]`), field).toHaveText(String(posted[field]));
  }
  await expect(page.locator('[data-field="close_time"]')).toHaveText(String(posted.close_time).replaceAll(".", "-").replace(" ", "T"));

  const tag = `e2e-${Date.now()}`;
  await page.getByLabel("Notes").fill("Entered late; moved the stop to breakeven.");
  await page.getByLabel("Tags").fill(`${tag}, review`);
  await page.getByRole("button", { name: "Save journal" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue("Entered late; moved the stop to breakeven.");
  await expect(page.getByLabel("Tags")).toHaveValue(`${tag}, review`); // sorted

  await page.goto(`/trades?tag=${tag}`);
  await expect.poll(() => shownIds(page)).toEqual([id]);
  await page.screenshot({ path: "test-results/screenshots/trade-detail.png", fullPage: true });
});

test("the trade page shows the initial SL/TP beside those at close, the entry commission, and R from the initial stop", async ({ page, request }) => {
  // A position's second exit after a winning first one: its stop was moved to breakeven (demo data).
  const posted = browserTrades.find((trade) => trade.stop_loss !== trade.initial_stop_loss && trade.entry_commission !== 0)!;
  expect(posted, "a demo trade whose stop moved").toBeDefined();
  const { data } = await (await request.get(`/api/v1/trades?account_id=${accountId}&deal_ticket=${posted.deal_ticket}`)).json();
  await page.goto(`/trades/${data[0].id}`);
  const result = page.getByRole("region", { name: "Result" });
  const value = (label: string) => result.locator("div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  const price = (value: unknown) => String(Number((value as number).toFixed(5)));
  await expect(value("Initial SL / TP")).toHaveText(`${price(posted.initial_stop_loss)} / ${price(posted.initial_take_profit)}`);
  await expect(value("SL / TP at close")).toHaveText(`${price(posted.stop_loss)} / ${price(posted.take_profit)}`);
  await expect(value("Commission")).toHaveText(`${formatMoney(posted.commission as number)} (entry ${formatMoney(posted.entry_commission as number)})`);
  const direction = posted.position_type === "BUY" ? 1 : -1;
  const entry = posted.entry_price as number;
  const r = (((posted.exit_price as number) - entry) * direction) / Math.abs(entry - (posted.initial_stop_loss as number));
  await expect(value("R-multiple")).toHaveText(`${r.toFixed(2)}R from the initial stop loss`);
  await expect(page.locator('[data-field="initial_stop_loss"]')).toHaveText(String(posted.initial_stop_loss));
  await expect(page.locator('[data-field="entry_commission"]')).toHaveText(String(posted.entry_commission));
  await result.screenshot({ path: "test-results/screenshots/trade-detail-stops.png" });
});

test("the CSV export is exactly the filtered rows", async ({ page, request }) => {
  await page.goto(`/trades?account_id=${accountId}&symbol=GBPUSD&sort=-net_profit`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const lines = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  const header = lines[0]!.split(",");
  const expected = await (await request.get(`/api/v1/trades?account_id=${accountId}&symbol=GBPUSD&sort=-net_profit&limit=500`)).json();
  expect(lines).toHaveLength(expected.data.length + 1);
  const idColumn = header.indexOf("id");
  const netColumn = header.indexOf("net_profit");
  expect(lines.slice(1).map((line) => Number(line.split(",")[idColumn]))).toEqual(expected.data.map((trade: { id: number }) => trade.id));
  expect(lines.slice(1).map((line) => Number(line.split(",")[netColumn]))).toEqual(expected.data.map((trade: { net_profit: number }) => trade.net_profit));
});

test("the filters work from the keyboard", async ({ page }) => {
  await page.goto(`/trades?account_id=${accountId}`);
  const side = page.getByRole("button", { name: /^Side:/ });
  await side.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: "Side" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Side" }).getByLabel("Long")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/side=BUY/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("group", { name: "Side" })).toBeHidden();
  await expect(side).toBeFocused();
  await expect.poll(async () => page.locator("tbody tr td:nth-child(4)").allTextContents()).not.toContain("Short");
});
