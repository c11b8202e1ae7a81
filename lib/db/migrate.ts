// Runs Prisma's real schema engine (published as WebAssembly) in-process over better-sqlite3, because
// the CLI's native engine cannot be downloaded everywhere. The database ends up exactly as after
// `prisma migrate deploy`, with the standard _prisma_migrations table.
// Script-only: never imported by the Next.js app, so the wasm stays out of its bundle.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { backupDatabase, missingJournalTables, type BackupResult } from "@/lib/db/backup-database";
import { databaseFilePath } from "@/lib/db/database-file";

const projectRoot = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

let wasmLoaded = false;

// Node 20 cannot `import` a .wasm module without a flag; instantiate it by hand for the glue code.
function loadEngineWasm(): void {
  if (wasmLoaded) return;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const wasmModule = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
  });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmLoaded = true;
}

interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (free() alone leaves them open, locked). */
  close(): Promise<void>;
}

async function openEngine(url: string): Promise<OpenEngine> {
  loadEngineWasm();
  const factory = new PrismaBetterSqlite3({ url });
  const connections: SqlDriverAdapter[] = [];
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    const adapter = await connection;
    connections.push(adapter);
    return adapter;
  };
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  const log = (message: string) => {
    if (process.env.MIGRATE_DEBUG) console.error(message);
  };
  const engine = (await engineGlue.SchemaEngine.new(
    { datamodels: [["schema.prisma", readFileSync(schemaPath, "utf8")]] },
    log,
    bindMigrationAwareSqlAdapterFactory(trackingFactory),
  )) as SchemaEngine;
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(connections.map((connection) => connection.dispose()));
    },
  };
}

/** Migration folder names in the order they apply. */
function listMigrationNames(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

export function readMigrationList(folder: string = migrationsDir): MigrationList {
  const lockPath = path.join(folder, "migration_lock.toml");
  return {
    baseDir: folder,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationNames(folder).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(folder, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * The migrations in the folder that the database has not applied (the same comparison the engine
 * makes with _prisma_migrations), without applying them; null when the file holds no journal yet.
 */
export function pendingMigrations(file: string, folder: string = migrationsDir): string[] | null {
  if (!existsSync(file)) return null;
  const handle = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    if (missingJournalTables(handle).includes("_prisma_migrations")) return null;
    const applied = new Set(
      handle
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .pluck()
        .all() as string[],
    );
    return listMigrationNames(folder).filter((name) => !applied.has(name));
  } finally {
    handle.close();
  }
}

const noFilters = { externalTables: [], externalEnums: [] };

export interface MigrationResult {
  applied: string[];
  /** The copy taken before applying migrations to an existing journal; null when none was needed. */
  backup: BackupResult | null;
}

/**
 * Creates the database file if needed and applies every pending migration. An existing journal is
 * backed up first (`<db name>-before-<first pending migration>-<time>.db`), so an upgrade can be undone.
 */
export async function migrateDatabase(
  url: string,
  { migrationsFolder = migrationsDir }: { migrationsFolder?: string } = {},
): Promise<MigrationResult> {
  const file = databaseFilePath(url);
  let backup: BackupResult | null = null;
  if (file !== ":memory:") {
    const pending = pendingMigrations(file, migrationsFolder);
    // Up to date: skip the engine, which locks the file exclusively (and so fails while the server
    // runs); scripts such as key:create then work beside a running server.
    if (pending?.length === 0) return { applied: [], backup: null };
    if (pending && pending.length > 0) backup = backupDatabase(file, { label: `before-${pending[0]}` });
    mkdirSync(path.dirname(file), { recursive: true });
    // WAL is a property of the file: set it once here so every later connection inherits it.
    const handle = new Database(file);
    handle.pragma("journal_mode = WAL");
    handle.close();
  }
  const { engine, close } = await openEngine(`file:${file}`);
  try {
    return { applied: await applyAll(engine, migrationsFolder), backup };
  } finally {
    await close();
  }
}

async function applyAll(engine: SchemaEngine, folder: string = migrationsDir): Promise<string[]> {
  const result = await engine.applyMigrations({ migrationsList: readMigrationList(folder), filters: noFilters });
  return result.appliedMigrationNames;
}

/**
 * Returns the SQL that takes a database migrated with every existing migration to the current
 * schema.prisma (what `prisma migrate dev --create-only` writes), or null when nothing changed.
 * The wasm engine cannot open a shadow database itself, so the existing migrations are applied
 * to a throwaway file first and the diff is taken from that file.
 */
export async function diffSchemaAgainstMigrations(): Promise<string | null> {
  const scratch = path.join(mkdtempSync(path.join(os.tmpdir(), "journal-shadow-")), "shadow.db");
  try {
    const { engine, close } = await openEngine(`file:${scratch}`);
    try {
      await applyAll(engine);
      const result = await engine.diff({
        // "schemaDatasource" is the database the engine is connected to (the scratch file).
        from: { tag: "schemaDatasource", files: [schemaFile()], configDir: projectRoot },
        to: { tag: "schemaDatamodel", files: [schemaFile()] },
        script: true,
        exitCode: true,
        filters: noFilters,
      });
      return result.exitCode === 2 && result.stdout ? result.stdout : null;
    } finally {
      await close();
    }
  } finally {
    rmSync(path.dirname(scratch), { recursive: true, force: true });
  }
}

function schemaFile() {
  return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
}
