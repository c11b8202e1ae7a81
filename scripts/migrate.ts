// npm run db:migrate: creates the database file if needed and applies pending migrations.
import "@/scripts/load-env-file";
import { migrateDatabase } from "@/lib/db/migrate";
import { databaseFilePath } from "@/lib/db/database-file";
import { parseEnv } from "@/lib/env";

export async function migrateFromEnv(): Promise<void> {
  const { DATABASE_URL } = parseEnv();
  const applied = await migrateDatabase(DATABASE_URL);
  const where = databaseFilePath(DATABASE_URL);
  console.log(applied.length > 0 ? `database ${where}: applied ${applied.join(", ")}` : `database ${where}: up to date`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await migrateFromEnv().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
