// The 5 s version of `npm run load` (the same code, imported): 16 writers and 4 readers against a
// production server of its own, on its own port and throwaway database.
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { checkDatabaseFile, checkServerLog, formatLoadReport, runJournalLoad } from "@/lib/bench/journal-load";
import { createApiKeyFor, startJournalServer } from "@/lib/bench/journal-server";

test("16 writers and 4 readers for 5 s: no 5xx, no network error, no lost or doubled trade", async () => {
  // A slow 2-core machine: generous limits; the run itself is bounded to 5 s plus a grace period.
  test.setTimeout(300_000);
  const port = test.info().project.metadata.loadPort as number;
  const databaseFile = path.resolve(import.meta.dirname, `../../test-results/reliability-${port}/load/journal.db`);
  // The hook sees the migrated, still empty database, and gives it an API key: keys on, as a real journal runs.
  let tradesBeforeStart: number | undefined;
  const headers: Record<string, string> = {};
  const server = await startJournalServer({
    port,
    databaseFile,
    headers,
    beforeStart: (file) => {
      const handle = new Database(file, { readonly: true });
      tradesBeforeStart = (handle.prepare("SELECT COUNT(*) AS count FROM trades").get() as { count: number }).count;
      handle.close();
      headers.authorization = `Bearer ${createApiKeyFor(file, "load test")}`;
    },
  });
  expect(tradesBeforeStart).toBe(0);
  try {
    const report = await runJournalLoad({
      origin: server.origin,
      headers: server.headers,
      seconds: 5,
      writers: 16,
      readers: 4,
      maxWriteRequests: 5000,
      maxReadRequests: 2500,
    });
    await server.stop();
    checkDatabaseFile(report, server.databaseFile);
    checkServerLog(report, server.logFile);
    const text = formatLoadReport(report);
    await test.info().attach("load report", { body: text, contentType: "text/plain" });

    expect(report.checks.filter((check) => !check.ok), text).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.networkErrors).toBe(0);
    expect(report.trades).toMatchObject({ lost: 0, doubled: 0, storedUnacknowledged: 0, mismatched: 0 });
    expect(report.trades.stored).toBe(report.trades.acknowledged + report.trades.ambiguousStored);
    // The run did what it claims: trades written, every kind of request made, re-sends answered as duplicates.
    expect(report.trades.acknowledged).toBeGreaterThan(0);
    const kinds = report.kinds.map((kind) => kind.kind);
    const writes = ["POST /trades (ea)", "POST /trades (legacy)", "POST /trades/batch", "POST /trades (race pair)"];
    for (const kind of [...writes, "page /", "page /trades", "page /trades/{id}", "page /settings", "GET /trades.csv", "GET /analytics/summary"]) {
      expect(kinds).toContain(kind);
    }
    expect(report.pass).toBe(true);
  } finally {
    await server.stop();
  }
});
