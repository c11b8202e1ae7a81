import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseFilePath } from "@/lib/db/database-file";
import { env } from "@/lib/env";

// One Prisma client and one raw handle per process; kept on globalThis so dev hot reloads reuse them.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; sqlite?: Database.Database };

/** Per-connection settings, the same on Prisma's connection and on the raw handle. */
function connectionPragmas(): string[] {
  const { SQLITE_SYNCHRONOUS, SQLITE_CACHE_MB } = env();
  return [
    // In WAL mode NORMAL survives a crash of the process; FULL also survives power loss.
    `synchronous = ${SQLITE_SYNCHRONOUS}`,
    "foreign_keys = ON",
    // The default 2 MiB page cache makes every insert re-read index pages once the table outgrows
    // it (measured: 96 ms per 1,000 inserts at 300k rows, 8 ms with 64 MiB).
    `cache_size = -${SQLITE_CACHE_MB * 1024}`,
  ];
}

function createPrismaClient(): PrismaClient {
  const { DATABASE_URL, SQLITE_BUSY_TIMEOUT_MS } = env();
  const factory = new PrismaBetterSqlite3({
    url: `file:${databaseFilePath(DATABASE_URL)}`,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    fileMustExist: true,
  });
  // The adapter opens its own connection; give it the pragmas before Prisma's first query.
  const adapter: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      await connection.executeScript(connectionPragmas().map((pragma) => `PRAGMA ${pragma};`).join("\n"));
      return connection;
    },
  };
  return new PrismaClient({ adapter });
}

/**
 * The Prisma client: the default door to the database. Created when this module is first imported,
 * so DATABASE_URL must be set before that (the scripts and the test setup do so).
 */
export const db: PrismaClient = globalForDb.prisma ?? createPrismaClient();
globalForDb.prisma = db;

/**
 * The raw better-sqlite3 handle, for the hot paths Prisma cannot serve well (bulk ingestion in one
 * synchronous transaction, keyset pages with row-value comparisons). Opened on first use, so
 * importing this module (as `next build` does) never touches the file.
 */
export function sqlite(): Database.Database {
  globalForDb.sqlite ??= openSqlite();
  return globalForDb.sqlite;
}

function openSqlite(): Database.Database {
  const { DATABASE_URL, SQLITE_BUSY_TIMEOUT_MS } = env();
  // fileMustExist: a missing file means migrations never ran; answer 503 rather than create an empty one.
  const handle = new Database(databaseFilePath(DATABASE_URL), {
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  // WAL is set on the file by the migrator; only switch when someone handed us a file without it.
  if (handle.pragma("journal_mode", { simple: true }) !== "wal") handle.pragma("journal_mode = WAL");
  for (const pragma of connectionPragmas()) handle.pragma(pragma);
  return handle;
}

/** Closes both connections and forgets them (scripts and tests). */
export async function closeDatabase(): Promise<void> {
  globalForDb.sqlite?.close();
  globalForDb.sqlite = undefined;
  globalForDb.prisma = undefined;
  await db.$disconnect();
}
