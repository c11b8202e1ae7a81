import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readMigrationList } from "@/lib/db/migrate";
import { startTradeWriter } from "@/lib/test/start-trade-writer";
import { runScript } from "@/lib/test/run-script";

const directory = mkdtempSync(path.join(os.tmpdir(), "journal-backup-cli-"));
const file = path.join(directory, "journal.db");
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const newestMigration = readMigrationList().migrationDirectories.at(-1)!.path;

const run = (script: string, ...args: string[]) => runScript(file, script, ...args);

describe("npm run db:backup and db:restore", () => {
  it("back up, refuse a restore while another process has the database open, then restore", { timeout: 60_000 }, async () => {
    copyFileSync(inject("templateDatabase"), file);
    const writer = startTradeWriter(file, ["--first", "1", "--count", "40"]);
    expect(await writer.exited).toMatchObject({ code: 0 });

    expect(run("scripts/backup.ts", "--keep", "0")).toMatchObject({ code: 2, output: expect.stringContaining("usage:") });
    const backup = run("scripts/backup.ts");
    expect(backup).toMatchObject({
      code: 0,
      output: expect.stringMatching(
        new RegExp(`^backup \\S+journal-\\d{8}-\\d{6}\\.db: 40 trades, [\\d.]+ MB, integrity ok, migration ${newestMigration}, \\d+ ms\\n$`),
      ),
    });
    const backupFile = /^backup (\S+):/.exec(backup.output)![1]!;

    const server = new Database(file);
    server.prepare("SELECT COUNT(*) FROM trades").get();
    expect(run("scripts/restore.ts", backupFile, "--force")).toMatchObject({
      code: 1,
      output: expect.stringContaining("is in use by another process (is the server running?)"),
    });
    server.close();

    expect(run("scripts/restore.ts")).toMatchObject({ code: 2, output: expect.stringContaining("usage:") });
    const restore = run("scripts/restore.ts", backupFile, "--force");
    expect(restore.code).toBe(0);
    expect(restore.output).toMatch(/^saved the replaced database \(40 trades\) to \S+journal-before-restore-\d{8}-\d{6}\.db$/m);
    expect(restore.output).toContain(`restored ${file} from ${backupFile}: 40 trades, migration ${newestMigration}`);
    expect(restore.output).toMatch(/^to undo: npm run db:restore -- \S+ --force$/m);
  });
});
