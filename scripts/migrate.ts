// npm run db:migrate: creates the database file if needed, backs up an existing journal before
// applying pending migrations, applies them, and builds the analytics segments of trades stored
// before they existed. `npm run dev` and `npm start` run it.
import "@/scripts/load-env-file";
import Database from "better-sqlite3";
import { ensureSegments } from "@/lib/analytics/trade-segments";
import { migrateDatabase } from "@/lib/db/migrate";
import { databaseFilePath } from "@/lib/db/database-file";
import { parseEnv } from "@/lib/env";

export async function migrateFromEnv(): Promise<void> {
  const { DATABASE_URL } = parseEnv();
  const { applied, backup } = await migrateDatabase(DATABASE_URL);
  const where = databaseFilePath(DATABASE_URL);
  if (backup) console.log(`database ${where}: backed up ${backup.trades} trades to ${backup.file} before migrating`);
  console.log(applied.length > 0 ? `database ${where}: applied ${applied.join(", ")}` : `database ${where}: up to date`);
  const handle = new Database(where);
  try {
    const built = ensureSegments(handle);
    if (built !== null) console.log(`database ${where}: built ${built} analytics segments`);
  } finally {
    handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await migrateFromEnv().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
