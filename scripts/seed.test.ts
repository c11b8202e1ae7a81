import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "@/lib/test/run-script";

const directory = mkdtempSync(path.join(os.tmpdir(), "journal-seed-"));
const file = path.join(directory, "journal.db");
afterAll(() => rmSync(directory, { recursive: true, force: true }));


const seed = (...args: string[]) => runScript(file, "scripts/seed.ts", ...args);

const count = () => {
  const handle = new Database(file, { readonly: true });
  const row = handle
    .prepare(
      `SELECT COUNT(*) AS trades, COUNT(DISTINCT account_id) AS accounts,
              (SELECT COUNT(*) FROM balance_operations) AS operations FROM trades`,
    )
    .get();
  handle.close();
  return row;
};

describe("npm run db:seed", () => {
  it("seeds an empty database, refuses a non-empty one, and replaces it with --force", { timeout: 60_000 }, () => {
    const first = seed();
    expect(first).toMatchObject({ code: 0, output: expect.stringMatching(/seeded \d+ trades and 10 balance operations in 2 accounts/) });
    const seeded = count();
    expect(seeded).toMatchObject({ accounts: 2, operations: 10 });
    expect((seeded as { trades: number }).trades).toBeGreaterThan(700);

    expect(seed()).toMatchObject({ code: 1, output: expect.stringContaining("--force") });
    expect(count()).toEqual(seeded);

    expect(seed("--force")).toMatchObject({ code: 0, output: expect.stringContaining("deleted") });
    expect(count()).toEqual(seeded);
  });
});
