// npm run db:restore -- <backup file> [--force]: replaces the database with a verified backup. Stop
// the server first (a database another process has open is refused). --force is needed to replace a
// database that holds a journal; it is saved to the backups folder first, so a restore can be undone.
import "@/scripts/load-env-file";
import { parseArgs } from "node:util";
import { databaseFilePath } from "@/lib/db/database-file";
import { restoreDatabase } from "@/lib/db/restore-database";
import { parseEnv } from "@/lib/env";

const usage = "usage: npm run db:restore -- <backup file> [--force]";

let backupFile: string;
let force: boolean;
try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error("name one backup file");
  [backupFile] = positionals as [string];
  force = values.force;
} catch (error) {
  console.error((error as Error).message);
  console.error(usage);
  process.exit(2);
}

try {
  const result = restoreDatabase(databaseFilePath(parseEnv().DATABASE_URL), backupFile, { force });
  if (result.previous) {
    console.log(`saved the replaced database (${result.previous.trades} trades) to ${result.previous.file}`);
  }
  console.log(
    `restored ${result.database} from ${backupFile}: ${result.trades} trades, migration ${result.migration ?? "none"}; ` +
      "the next start applies any newer migrations",
  );
  if (result.previous) console.log(`to undo: npm run db:restore -- ${result.previous.file} --force`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
