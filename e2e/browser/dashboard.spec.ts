import { expect, test } from "@playwright/test";
import { formatAmount, formatDuration, formatInteger, formatMoney, formatRate, formatRatio } from "@/lib/ui/format";
import { seedBrowserAccount } from "./seed";

let accountId = 0;
test.beforeEach(async ({ request }) => {
  accountId = await seedBrowserAccount(request);
});

for (const filter of ["", "&symbol=EURUSD", "&magic_number=2002"]) {
  test(`the KPIs equal the API summary for the same filters (account${filter})`, async ({ page, request }) => {
    const query = `account_id=${accountId}${filter}`;
    const summary = (await (await request.get(`/api/v1/analytics/summary?${query}`)).json()).data;
    await page.goto(`/?${query}`);
    await expect(page.getByTestId("kpi-net-profit")).toHaveText(formatMoney(summary.net_profit));
    await expect(page.getByTestId("kpi-win-rate")).toHaveText(formatRate(summary.win_rate));
    await expect(page.getByTestId("kpi-profit-factor")).toHaveText(formatRatio(summary.profit_factor));
    await expect(page.getByTestId("kpi-expectancy")).toHaveText(formatMoney(summary.expected_payoff));
    await expect(page.getByTestId("kpi-max-drawdown")).toHaveText(formatAmount(summary.max_drawdown));
    await expect(page.getByTestId("kpi-trades")).toHaveText(formatInteger(summary.total_trades));
    await expect(page.getByTestId("kpi-holding-time")).toHaveText(formatDuration(summary.holding_time.all.average_seconds));
  });
}

test("the dashboard and the journal share the filters through the URL", async ({ page }) => {
  await page.goto(`/?account_id=${accountId}&symbol=USDJPY`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  await expect(page).toHaveURL(new RegExp(`/trades\\?account_id=${accountId}&symbol=USDJPY$`));
  await expect(page.getByRole("button", { name: /^Symbol: USDJPY/ })).toBeVisible();
});

test("screenshots of every page in light and dark", async ({ page, request }) => {
  const { data } = await (await request.get(`/api/v1/trades?account_id=${accountId}&limit=1`)).json();
  const pages = { dashboard: `/?account_id=${accountId}`, journal: `/trades?account_id=${accountId}`, trade: `/trades/${data[0].id}`, settings: "/settings", imports: "/imports" };
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?account_id=${accountId}`);
  await page.screenshot({ path: "test-results/screenshots/dashboard-phone.png", fullPage: true });
});
