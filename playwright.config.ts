import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { securePassword } from "./e2e/secure/credentials";

const port = Number(process.env.E2E_PORT ?? 3197);
const baseURL = `http://127.0.0.1:${port}`;
// A second server for the access specs: a password, and API keys that close its API.
const securePort = port + 1;
const secureURL = `http://127.0.0.1:${securePort}`;

// Playwright cannot download its own browser everywhere: use the system Chromium when there is one
// (CHROMIUM_PATH, or Debian's /usr/bin/chromium); elsewhere Playwright's own browser is used.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  // One server and one database for the whole run: specs run one after the other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  // Per port, so runs on other ports (other checkouts, CI jobs) never share a folder or a database.
  outputDir: `test-results/playwright-${port}`,
  use: { baseURL },
  webServer: [
    {
      // Serves the production build (`npm run test:e2e` builds first) on a throwaway database.
      command: "tsx e2e/start-server.ts",
      url: `${baseURL}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:./test-results/e2e-${port}/journal.db`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
    {
      command: "tsx e2e/start-server.ts",
      url: `${secureURL}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(securePort),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:./test-results/e2e-${securePort}/journal.db`,
        JOURNAL_PASSWORD: securePassword,
        OPEN_INGEST_FROM: "10.0.0.0/8",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    {
      name: "secure",
      testMatch: "secure/**/*.spec.ts",
      use: { baseURL: secureURL, ...chromium },
    },
    {
      name: "browser",
      testMatch: "browser/**/*.spec.ts",
      use: chromium,
    },
    {
      // Load and kill -9: each spec starts its own servers (lib/bench/journal-server.ts) on these ports.
      name: "reliability",
      testMatch: "reliability/**/*.spec.ts",
      metadata: { loadPort: port + 2, crashPort: port + 3 },
    },
  ],
});
