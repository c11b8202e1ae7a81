import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations, migrateDatabase, readMigrationList } from "@/lib/db/migrate";

const directory = mkdtempSync(path.join(os.tmpdir(), "journal-migrate-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("migrations", () => {
  it("match schema.prisma (a schema change without its migration fails here)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBeNull();
  });

  it("create the file, apply every migration once, and record them like prisma migrate deploy", async () => {
    const file = path.join(directory, "nested", "journal.db");
    const names = readMigrationList().migrationDirectories.map((migration) => migration.path);
    expect(await migrateDatabase(`file:${file}`)).toEqual(names);
    expect(await migrateDatabase(`file:${file}`)).toEqual([]);

    const handle = new Database(file, { readonly: true });
    const applied = handle.prepare("SELECT migration_name, finished_at IS NOT NULL AS done FROM _prisma_migrations").all();
    expect(applied).toEqual(names.map((name) => ({ migration_name: name, done: 1 })));
    expect(handle.pragma("journal_mode", { simple: true })).toBe("wal");
    handle.close();
  });
});
