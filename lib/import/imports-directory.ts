import path from "node:path";
import { databaseFilePath } from "@/lib/db/database-file";
import { env } from "@/lib/env";

/** Uploads wait beside the database (data/imports/ by default) until they are imported. */
export function importsDirectory(): string {
  return path.join(path.dirname(databaseFilePath(env().DATABASE_URL)), "imports");
}
