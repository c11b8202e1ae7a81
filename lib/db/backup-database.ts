// Online backups of the journal: a consistent single-file copy taken while the server keeps writing.
// Script-only (db:backup, db:restore and the migrator use it); the Next.js app never imports it.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface BackupResult {
  file: string;
  trades: number;
  /** The newest migration the copy holds (null for a journal that predates _prisma_migrations rows). */
  migration: string | null;
  bytes: number;
  milliseconds: number;
  /** Older scheduled backups deleted by `keep`. */
  pruned: string[];
}

export interface BackupOptions {
  /** Write here instead of `<db dir>/backups/<db name>-YYYYMMDD-HHMMSS.db`; never overwrites. */
  out?: string;
  /** Names the occasion (`before-restore`), so it is never pruned as a scheduled backup. */
  label?: string;
  /** Keep only the newest `keep` scheduled backups of this database (files named by this tool). */
  keep?: number;
  now?: Date;
}

/** `<db dir>/backups`: next to the database, so it follows DATABASE_URL. */
export function backupsFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "backups");
}

/** Copies the live database to a new verified backup file; safe while the server writes. */
export function backupDatabase(databaseFile: string, options: BackupOptions = {}): BackupResult {
  if (!existsSync(databaseFile)) throw new Error(`no database at ${databaseFile}`);
  const handle = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    return writeBackup(handle, databaseFile, options);
  } finally {
    handle.close();
  }
}

/**
 * Writes the backup through an open connection (restore passes the one holding its exclusive lock).
 * VACUUM INTO reads in one transaction: one committed state, whichever process writes meanwhile.
 * (db.backup() copies in steps and restarts after any other process's write: it never finished
 * under a steady writer here.)
 */
export function writeBackup(handle: Database.Database, databaseFile: string, options: BackupOptions = {}): BackupResult {
  const started = performance.now();
  const missing = missingJournalTables(handle);
  if (missing.length > 0) throw new Error(`${databaseFile} is not a journal database (no ${missing.join(", ")} table)`);
  const destination = path.resolve(options.out ?? freeBackupName(databaseFile, options.label, options.now ?? new Date()));
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose another --out`);
  mkdirSync(path.dirname(destination), { recursive: true });
  // A half-written copy carries this name, which neither looks finished nor matches the pruning pattern.
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    handle.prepare("VACUUM INTO ?").run(partial);
    const { trades, migration } = verifyJournalCopy(partial);
    syncFile(partial);
    renameSync(partial, destination);
    syncFolder(path.dirname(destination));
    const pruned = options.keep !== undefined && !options.out ? pruneScheduledBackups(databaseFile, options.keep) : [];
    return {
      file: destination,
      trades,
      migration,
      bytes: statSync(destination).size,
      milliseconds: Math.round(performance.now() - started),
      pruned,
    };
  } finally {
    rmSync(partial, { force: true });
  }
}

const journalTables = ["_prisma_migrations", "trades"];

/** The journal tables this database lacks (all of them for an empty or foreign file). */
export function missingJournalTables(handle: Database.Database): string[] {
  const present = new Set(
    handle
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${journalTables.map(() => "?").join(", ")})`)
      .pluck()
      .all(...journalTables) as string[],
  );
  return journalTables.filter((table) => !present.has(table));
}

/**
 * Checks a copy that is ours to change: one file (rollback journal, no -wal beside it), passes
 * integrity_check, and holds the journal tables. Returns its trade count and newest migration.
 */
export function verifyJournalCopy(file: string): { trades: number; migration: string | null } {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = copy.pragma("integrity_check") as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== "ok") {
      const listed = problems.slice(0, 5).map((row) => row.integrity_check);
      throw new Error(`${file} failed integrity_check: ${listed.join("; ")}`);
    }
    const missing = missingJournalTables(copy);
    if (missing.length > 0) throw new Error(`${file} is not a journal database (no ${missing.join(", ")} table)`);
    const trades = copy.prepare("SELECT COUNT(*) FROM trades").pluck().get() as number;
    const migration = copy
      .prepare(
        `SELECT migration_name FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    return { trades, migration: migration ?? null };
  } finally {
    copy.close();
  }
}

/** UTC `YYYYMMDD-HHMMSS`. */
function formatStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

function databaseName(databaseFile: string): string {
  return path.basename(databaseFile, path.extname(databaseFile));
}

/** Two backups in the same second get `-2`, `-3`: a backup never replaces another. */
function freeBackupName(databaseFile: string, label: string | undefined, now: Date): string {
  const stem = path.join(
    backupsFolder(databaseFile),
    [databaseName(databaseFile), label, formatStamp(now)].filter(Boolean).join("-"),
  );
  for (let sequence = 1; ; sequence += 1) {
    const candidate = sequence === 1 ? `${stem}.db` : `${stem}-${sequence}.db`;
    if (!existsSync(candidate) && !existsSync(`${candidate}.partial`)) return candidate;
  }
}

/** Deletes all but the newest `keep` files named `<db name>-YYYYMMDD-HHMMSS[-n].db`; nothing else. */
function pruneScheduledBackups(databaseFile: string, keep: number): string[] {
  const folder = backupsFolder(databaseFile);
  const escaped = databaseName(databaseFile).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const scheduled = new RegExp(`^${escaped}-(\\d{8}-\\d{6})(?:-(\\d+))?\\.db$`);
  const backups = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const match = scheduled.exec(entry.name);
      return match ? [{ name: entry.name, stamp: match[1]!, sequence: Number(match[2] ?? 1) }] : [];
    })
    .sort((a, b) => b.stamp.localeCompare(a.stamp) || b.sequence - a.sequence);
  const pruned = backups.slice(Math.max(keep, 1)).map((backup) => path.join(folder, backup.name));
  for (const file of pruned) rmSync(file);
  return pruned;
}

/** Flushes a file to disk, so a backup that is renamed into place survives a power loss. */
export function syncFile(file: string): void {
  const descriptor = openSync(file, "r+");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Flushes a folder's entries (the rename). Windows cannot open a folder, and NTFS journals renames. */
export function syncFolder(folder: string): void {
  if (process.platform === "win32") return;
  const descriptor = openSync(folder, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
