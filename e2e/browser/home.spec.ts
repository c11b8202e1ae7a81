import { expect, test } from "@playwright/test";

test("the start page shows what is stored and where the API is", async ({ page, request }) => {
  const { page: trades } = await (await request.get("/api/v1/trades?limit=1")).json();
  const { page: accounts } = await (await request.get("/api/v1/accounts")).json();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "MT5 Journal" })).toBeVisible();
  await expect(page.getByTestId("trade-count")).toHaveText(String(trades.total));
  await expect(page.getByTestId("account-count")).toHaveText(String(accounts.total));
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});
