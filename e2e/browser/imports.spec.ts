import { expect, test } from "@playwright/test";
import { writeReportHtml } from "@/lib/test/mt5-report-writer";
import { sampleReportFixture } from "@/lib/test/sample-report-fixture";

// A report of an account of its own, undone at the end, so the other browser specs see nothing of it.
const account = { ...sampleReportFixture("en").account, login: 66000701, server: "E2E-Browser-Import" };
const report = writeReportHtml({ ...sampleReportFixture("en", 3), account }, { encoding: "utf16le", bom: true });

test("the Import page uploads a report, shows the account, progress and result, and undoes it", async ({ page }) => {
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
  await page.getByLabel("File to import").setInputFiles({ name: "ReportHistory-66000701.html", mimeType: "text/html", buffer: report });
  await page.getByLabel("Broker time zone (UTC offset)").fill("+2");
  await page.getByRole("button", { name: "Upload and import" }).click();

  await expect(page.getByTestId("import-status")).toHaveText("Done", { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Detected: MT5 report (HTML)" })).toBeVisible();
  await expect(page.getByText("66000701", { exact: true })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  const counts = page.getByRole("row", { name: /^Trades/ });
  await expect(counts.getByRole("cell")).toHaveText(["3", "0", "0", "0"]);
  await expect(page.getByRole("heading", { name: "Reconciliation with the report" })).toBeVisible();

  await page.getByRole("button", { name: "Undo this import" }).click();
  await page.getByRole("alertdialog", { name: "Confirm undo" }).getByRole("button", { name: "Yes, undo the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone:" })).toContainText("3 trades deleted");
  await expect(page.getByTestId("import-status")).toHaveText("Undone");
});
