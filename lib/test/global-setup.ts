import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrate";

// One database migrated exactly as production is (the wasm schema engine); each test file then
// works on its own copy of it (lib/test/setup-database.ts).
export default async function setup(project: TestProject) {
  const directory = mkdtempSync(path.join(os.tmpdir(), "journal-vitest-"));
  const template = path.join(directory, "template.db");
  await migrateDatabase(`file:${template}`);
  project.provide("templateDatabase", template);
  return () => rmSync(directory, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
