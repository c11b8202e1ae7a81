import { closeSync, copyFileSync, existsSync, openSync, readdirSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/db/backup-database";
import { closeDatabase, sqlite } from "@/lib/db";
import { databaseFilePath } from "@/lib/db/database-file";
import { restoreDatabase } from "@/lib/db/restore-database";
import { resetDatabase } from "@/lib/test/reset-database";
import { startTradeWriter } from "@/lib/test/start-trade-writer";
import { testTrade } from "@/lib/test/test-trade";
import { storeTrades } from "@/lib/trades/store-trades";

// The test database itself (lib/test/setup-database.ts), written and read through the app's own code.
const file = databaseFilePath(process.env.DATABASE_URL!);
const tickets = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const store = (from: number, to: number) => storeTrades(tickets(from, to).map(testTrade));
const storedTickets = () => sqlite().prepare("SELECT deal_ticket FROM trades ORDER BY deal_ticket").pluck().all();

function inspect(databaseFile: string) {
  const handle = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: handle.pragma("integrity_check", { simple: true }),
      journalMode: handle.pragma("journal_mode", { simple: true }),
      tickets: handle.prepare("SELECT deal_ticket FROM trades ORDER BY deal_ticket").pluck().all(),
    };
  } finally {
    handle.close();
  }
}

beforeEach(resetDatabase);

describe("restoreDatabase", () => {
  it("puts a backup back: later trades are gone, the replaced database is kept, its -wal is not replayed", { timeout: 30_000 }, async () => {
    store(1, 10);
    const backup = backupDatabase(file);
    store(11, 15);

    // The app's connection is open (as a running server's would be): nothing is touched.
    expect(() => restoreDatabase(file, backup.file, { force: true })).toThrow(/in use by another process/);
    expect(storedTickets()).toEqual(tickets(1, 15));
    await closeDatabase();

    expect(() => restoreDatabase(file, backup.file)).toThrow(/holds 15 trades and the backup 10: run again with --force/);

    // Another process commits 7 more trades and dies: they are only in the -wal, as after a kill -9.
    const writer = startTradeWriter(file, ["--first", "16", "--count", "7", "--crash"]);
    // (tsx reports its child's SIGKILL as exit code 137.)
    expect(await writer.exited).toMatchObject({ code: 137, output: expect.stringContaining("done 7") });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const restored = restoreDatabase(file, backup.file, { force: true });
    expect(restored).toMatchObject({ database: file, trades: 10, previous: { trades: 22 } });
    expect(path.basename(restored.previous!.file)).toMatch(/-before-restore-\d{8}-\d{6}\.db$/);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}.restoring`)).toBe(false);
    expect(inspect(file)).toEqual({ integrity: "ok", journalMode: "wal", tickets: tickets(1, 10) });
    // The replaced database, its -wal included, is a backup like any other.
    expect(inspect(restored.previous!.file)).toEqual({ integrity: "ok", journalMode: "delete", tickets: tickets(1, 22) });
    expect(storedTickets()).toEqual(tickets(1, 10));

    // The app keeps writing to the restored file; then the restore is undone.
    store(30, 31);
    await closeDatabase();
    const undone = restoreDatabase(file, restored.previous!.file, { force: true });
    expect(undone).toMatchObject({ trades: 22, previous: { trades: 12 } });
    expect(storedTickets()).toEqual(tickets(1, 22));
    await closeDatabase();
  });

  it("refuses a damaged backup or a foreign database and leaves the journal as it was", () => {
    store(1, 3);
    const backup = backupDatabase(file);
    store(4, 4);
    const folder = path.dirname(backup.file);
    const before = readdirSync(folder).sort();

    const damaged = path.join(folder, "damaged.db");
    copyFileSync(backup.file, damaged);
    const pageSize = 4096;
    const descriptor = openSync(damaged, "r+");
    writeSync(descriptor, Buffer.alloc(pageSize, 0xa5), 0, pageSize, 2 * pageSize);
    closeSync(descriptor);
    expect(() => restoreDatabase(file, damaged, { force: true })).toThrow(/integrity_check|malformed/);

    const foreign = path.join(folder, "foreign.db");
    const handle = new Database(foreign);
    handle.exec("CREATE TABLE notes (text TEXT)");
    handle.close();
    expect(() => restoreDatabase(file, foreign, { force: true })).toThrow(/not a journal database/);
    expect(() => restoreDatabase(file, path.join(folder, "missing.db"))).toThrow(/no backup at/);
    expect(() => restoreDatabase(file, file, { force: true })).toThrow(/the database itself/);

    expect(readdirSync(folder).sort()).toEqual([...before, "damaged.db", "foreign.db"].sort());
    expect(existsSync(`${file}.restoring`)).toBe(false);
    expect(storedTickets()).toEqual(tickets(1, 4));
  });
});
