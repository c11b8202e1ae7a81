import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Runs before each test file's imports: point DATABASE_URL at a fresh copy of the migrated template.
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
