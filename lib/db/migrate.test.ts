import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  diffSchemaAgainstMigrations,
  migrateDatabase,
  migrationsDir,
  pendingMigrations,
  readMigrationList,
} from "@/lib/db/migrate";
import { runScript } from "@/lib/test/run-script";

const directory = mkdtempSync(path.join(os.tmpdir(), "journal-migrate-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const names = readMigrationList().migrationDirectories.map((migration) => migration.path);

/** Integrity, applied migrations, schema and trades of a database file. */
function describeJournal(file: string) {
  const handle = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: handle.pragma("integrity_check", { simple: true }),
      migrations: handle.prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name").pluck().all(),
      schema: handle.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all(),
      tickets: handle.prepare("SELECT deal_ticket FROM trades ORDER BY deal_ticket").pluck().all(),
    };
  } finally {
    handle.close();
  }
}

describe("migrations", () => {
  it("match schema.prisma (a schema change without its migration fails here)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBeNull();
  });

  it("create the file, apply every migration once, and record them like prisma migrate deploy", async () => {
    const file = path.join(directory, "nested", "journal.db");
    expect(await migrateDatabase(`file:${file}`)).toEqual({ applied: names, backup: null });
    expect(await migrateDatabase(`file:${file}`)).toEqual({ applied: [], backup: null });

    const handle = new Database(file, { readonly: true });
    const applied = handle.prepare("SELECT migration_name, finished_at IS NOT NULL AS done FROM _prisma_migrations").all();
    expect(applied).toEqual(names.map((name) => ({ migration_name: name, done: 1 })));
    expect(handle.pragma("journal_mode", { simple: true })).toBe("wal");
    handle.close();
    expect(existsSync(path.join(directory, "nested", "backups"))).toBe(false);
  });

  it("leave an up-to-date journal alone, so scripts run beside a server that holds it open", async () => {
    const file = path.join(directory, "busy", "journal.db");
    await migrateDatabase(`file:${file}`);
    // The engine locks the file exclusively: with this connection open it would time out.
    const server = new Database(file);
    server.prepare("SELECT COUNT(*) FROM trades").get();
    try {
      expect(await migrateDatabase(`file:${file}`)).toEqual({ applied: [], backup: null });
    } finally {
      server.close();
    }
  });

  it("take no backup of a fresh install's empty file", async () => {
    const folder = path.join(directory, "empty");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "journal.db"), "");
    expect(await migrateDatabase(`file:${path.join(folder, "journal.db")}`)).toEqual({ applied: names, backup: null });
    expect(readdirSync(folder)).toEqual(["journal.db"]);
  });

  it("back up an existing journal before applying new ones, at start, and only then", { timeout: 30_000 }, async () => {
    // The previous release: every migration but the newest.
    const newest = names.at(-1)!;
    const olderMigrations = path.join(directory, "older-migrations");
    cpSync(migrationsDir, olderMigrations, { recursive: true, filter: (source) => !source.includes(newest) });
    const folder = path.join(directory, "upgrade");
    const file = path.join(folder, "journal.db");
    const url = `file:${file}`;
    expect(await migrateDatabase(url, { migrationsFolder: olderMigrations })).toEqual({
      applied: names.slice(0, -1),
      backup: null,
    });
    // A trade stored by that release (in SQL: today's writer follows today's schema).
    const handle = new Database(file);
    handle.exec(`
      INSERT INTO accounts (id, login, server, currency) VALUES (1, 5123456, 'Broker-Live', 'USD');
      INSERT INTO trades (account_id, source, symbol, deal_ticket, position_type, side, lot_size, profit, net_profit, close_time)
      VALUES (1, 'ea', 'EURUSD', 2001, 'BUY', 'BUY', 0.1, 40, 40, 1767261600);`);
    handle.close();
    const previousRelease = describeJournal(file);
    expect(pendingMigrations(file)).toEqual([newest]);

    // The path every start takes (npm start runs scripts/serve.ts, which runs this first).
    const { code, output } = runScript(file, "scripts/migrate.ts");
    expect(code).toBe(0);
    const backupFile = /backed up 1 trades to (.+) before migrating/.exec(output)?.[1] ?? "";
    expect(path.dirname(backupFile)).toBe(path.join(folder, "backups"));
    expect(path.basename(backupFile)).toMatch(new RegExp(`^journal-before-${newest}-\\d{8}-\\d{6}\\.db$`));
    expect(output).toContain(`applied ${newest}`);

    expect(describeJournal(backupFile)).toEqual(previousRelease);
    expect(describeJournal(file)).toMatchObject({ integrity: "ok", migrations: names, tickets: [2001] });
    expect(describeJournal(file).schema).not.toEqual(previousRelease.schema);

    expect(pendingMigrations(file)).toEqual([]);
    expect(await migrateDatabase(url)).toEqual({ applied: [], backup: null });
    expect(readdirSync(path.join(folder, "backups"))).toEqual([path.basename(backupFile)]);
  });
});
