import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3197);
const baseURL = `http://127.0.0.1:${port}`;
// A run on another port gets its own database and output folder, so two runs never share files.
const runFolder = process.env.E2E_PORT ? `-${port}` : "";

// Playwright cannot download its own browser everywhere: use the system Chromium when there is one
// (CHROMIUM_PATH, or Debian's /usr/bin/chromium); elsewhere Playwright's own browser is used.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // One server and one database for the whole run: specs run one after the other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  outputDir: `test-results/playwright${runFolder}`,
  use: { baseURL },
  webServer: {
    // Serves the production build (`npm run test:e2e` builds first) on a throwaway database.
    command: "tsx e2e/start-server.ts",
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:./test-results/e2e${runFolder}/journal.db`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    {
      name: "browser",
      testMatch: "browser/**/*.spec.ts",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath,
          args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
        },
      },
    },
  ],
});
