import type Database from "better-sqlite3";
import { cached } from "@/lib/db/cached-statement";

// On a handle the caller passes: the app's (sqlite()) or, in scripts/serve.ts before Next.js loads,
// one of its own.

/** One value the server keeps for itself (server_settings), or null when never written. */
export function readSetting(handle: Database.Database, name: string): string | null {
  const row = cached(handle, "SELECT value FROM server_settings WHERE name = ?").get(name) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(handle: Database.Database, name: string, value: string): void {
  cached(handle, "INSERT INTO server_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(
    name,
    value,
  );
}

/** The stored value, or `create()`'s, stored first if there was none (the first writer wins). */
export function readOrCreateSetting(handle: Database.Database, name: string, create: () => string): string {
  cached(handle, "INSERT INTO server_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").run(name, create());
  return readSetting(handle, name)!;
}
