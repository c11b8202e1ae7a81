// npm run db:backup -- [--out <file>] [--keep <n>]: writes a verified copy of the database while the
// server keeps running, by default to <db dir>/backups/<db name>-YYYYMMDD-HHMMSS.db (UTC).
import "@/scripts/load-env-file";
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupDatabase } from "@/lib/db/backup-database";
import { databaseFilePath } from "@/lib/db/database-file";
import { parseEnv } from "@/lib/env";

const usage = `usage: npm run db:backup -- [--out <file>] [--keep <n>]
  --out <file>   write the backup to this file instead of the backups folder (never overwrites)
  --keep <n>     afterwards delete all but the newest n backups this command named in the backups folder`;

const backupArgs = z
  .object({
    out: z.string().min(1).optional(),
    keep: z.coerce.number().int().min(1).optional(),
  })
  .refine((args) => args.out === undefined || args.keep === undefined, {
    error: "--keep prunes the backups folder, so it does not combine with --out",
  });

let args: z.infer<typeof backupArgs>;
try {
  const { values } = parseArgs({ options: { out: { type: "string" }, keep: { type: "string" } } });
  args = backupArgs.parse(values);
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message);
  console.error(usage);
  process.exit(2);
}

try {
  const backup = backupDatabase(databaseFilePath(parseEnv().DATABASE_URL), args);
  const megabytes = (backup.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `backup ${backup.file}: ${backup.trades} trades, ${megabytes} MB, integrity ok, ` +
      `migration ${backup.migration ?? "none"}, ${backup.milliseconds} ms`,
  );
  for (const file of backup.pruned) console.log(`deleted the older backup ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
