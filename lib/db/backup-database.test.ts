import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "@/lib/db/backup-database";
import { readMigrationList } from "@/lib/db/migrate";
import { startTradeWriter } from "@/lib/test/start-trade-writer";

const directory = mkdtempSync(path.join(os.tmpdir(), "journal-backup-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const newestMigration = readMigrationList().migrationDirectories.at(-1)!.path;

/** A migrated, empty journal of its own, in a folder of its own. */
function freshDatabase(name: string): string {
  const folder = path.join(directory, name);
  mkdirSync(folder);
  const file = path.join(folder, "journal.db");
  copyFileSync(inject("templateDatabase"), file);
  return file;
}

/** What a backup file holds, read the way a stranger would: integrity, shape, whole rows. */
function inspect(file: string) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const trades = copy
      .prepare(
        `SELECT COUNT(*) AS count, MIN(deal_ticket) AS first, MAX(deal_ticket) AS last,
                SUM(ABS(net_profit - (profit + COALESCE(commission, 0) + COALESCE(swap, 0) + COALESCE(fee, 0))) > 1e-9) AS torn
         FROM trades`,
      )
      .get() as { count: number; first: number | null; last: number | null; torn: number | null };
    return {
      integrity: copy.pragma("integrity_check", { simple: true }),
      foreignKeyProblems: (copy.pragma("foreign_key_check") as unknown[]).length,
      journalMode: copy.pragma("journal_mode", { simple: true }),
      migration: copy.prepare("SELECT MAX(migration_name) FROM _prisma_migrations").pluck().get(),
      trades,
    };
  } finally {
    copy.close();
  }
}

describe("backupDatabase", () => {
  it("copies a consistent journal while another process keeps writing trades", { timeout: 30_000 }, async () => {
    const file = freshDatabase("live");
    const writer = startTradeWriter(file, ["--first", "1", "--fill", "20000"]);
    try {
      expect(await writer.ready).toBe(20_000);
      const live = new Database(file, { readonly: true });
      const count = () => live.prepare("SELECT COUNT(*) FROM trades").pluck().get() as number;
      const overlaps: boolean[] = [];
      const names = new Set<string>();
      for (let round = 0; round < 5; round += 1) {
        const before = count();
        const backup = backupDatabase(file);
        const after = count();
        overlaps.push(after > before);
        names.add(backup.file);

        expect(path.dirname(backup.file)).toBe(path.join(path.dirname(file), "backups"));
        expect(path.basename(backup.file)).toMatch(/^journal-\d{8}-\d{6}(-\d+)?\.db$/);
        expect(backup.trades).toBeGreaterThanOrEqual(before);
        expect(backup.trades).toBeLessThanOrEqual(after);
        expect(existsSync(`${backup.file}.partial`)).toBe(false);
        expect(existsSync(`${backup.file}-wal`)).toBe(false);
        expect(inspect(backup.file)).toEqual({
          integrity: "ok",
          foreignKeyProblems: 0,
          journalMode: "delete",
          migration: newestMigration,
          // Tickets 1..n without a gap, in whole batches of 20: one committed state, no torn row.
          trades: { count: backup.trades, first: 1, last: backup.trades, torn: 0 },
        });
        expect(backup.trades % 20).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      live.close();
      expect(names.size).toBe(5);
      // The writer committed while at least one backup ran, or this test proved nothing.
      expect(overlaps).toContain(true);
    } finally {
      writer.stop();
      await writer.exited;
    }
  });

  it("never overwrites: a second backup in the same second gets its own name, and --out must be new", () => {
    const file = freshDatabase("names");
    const now = new Date(Date.UTC(2026, 10, 24, 21, 5, 9));
    expect(path.basename(backupDatabase(file, { now }).file)).toBe("journal-20261124-210509.db");
    expect(path.basename(backupDatabase(file, { now }).file)).toBe("journal-20261124-210509-2.db");
    expect(path.basename(backupDatabase(file, { now, label: "before-restore" }).file)).toBe(
      "journal-before-restore-20261124-210509.db",
    );

    const out = path.join(directory, "names", "elsewhere", "mine.db");
    expect(backupDatabase(file, { out }).file).toBe(out);
    expect(() => backupDatabase(file, { out })).toThrow(/already exists/);
    expect(inspect(out).integrity).toBe("ok");
  });

  it("keeps the newest scheduled backups and deletes no other file", () => {
    const file = freshDatabase("prune");
    const folder = path.join(path.dirname(file), "backups");
    mkdirSync(folder);
    const others = [
      `journal-before-${newestMigration}-20200101-000000.db`,
      "journal-before-restore-20200101-000000.db",
      "journal-20200101-000000.db.partial",
      "journal-20200101-000000.db.bak",
      "other-20200101-000000.db",
      "notes.txt",
    ];
    const scheduled = ["journal-20200101-000000.db", "journal-20200102-000000.db", "journal-20200102-000000-2.db"];
    for (const name of [...others, ...scheduled]) writeFileSync(path.join(folder, name), "not a database");

    const backup = backupDatabase(file, { keep: 2, now: new Date(Date.UTC(2021, 0, 1)) });
    expect(backup.pruned.map((pruned) => path.basename(pruned))).toEqual([
      "journal-20200102-000000.db",
      "journal-20200101-000000.db",
    ]);
    expect(readdirSync(folder).sort()).toEqual(
      [...others, "journal-20200102-000000-2.db", "journal-20210101-000000.db"].sort(),
    );
  });

  it("refuses a file that holds no journal and leaves nothing behind", () => {
    const folder = path.join(directory, "foreign");
    mkdirSync(folder);
    const file = path.join(folder, "journal.db");
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE notes (text TEXT)");
    foreign.close();
    expect(() => backupDatabase(file)).toThrow(/not a journal database \(no _prisma_migrations, trades table\)/);
    expect(existsSync(path.join(folder, "backups"))).toBe(false);
  });
});
