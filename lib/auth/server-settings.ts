import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";

/** One value the server keeps for itself (server_settings), or null when never written. */
export function readSetting(name: string): string | null {
  const row = cached(sqlite(), "SELECT value FROM server_settings WHERE name = ?").get(name) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(name: string, value: string): void {
  cached(sqlite(), "INSERT INTO server_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(
    name,
    value,
  );
}
