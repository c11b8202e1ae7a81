// Puts a backup back in place of the journal. Script-only (db:restore); the server must be stopped.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  missingJournalTables,
  syncFile,
  syncFolder,
  verifyJournalCopy,
  writeBackup,
  type BackupResult,
} from "@/lib/db/backup-database";

export interface RestoreResult {
  database: string;
  trades: number;
  migration: string | null;
  /** The database as it was before the restore (restore it to undo); null when there was none. */
  previous: BackupResult | null;
}

// SQLite's companions of a database file: a -wal or -journal left beside a restored file would be
// replayed onto it, pages of one database written into another.
const sidecars = ["-wal", "-shm", "-journal"];

function removeWithSidecars(file: string): void {
  for (const suffix of ["", ...sidecars]) rmSync(file + suffix, { force: true });
}

/**
 * Replaces the database with a verified copy of the backup. Refuses while another process has the
 * database open, and refuses to replace a journal unless `force`; the replaced journal is saved as
 * `<db name>-before-restore-<time>.db` first. The next start migrates an older backup as usual.
 */
export function restoreDatabase(databaseFile: string, backupFile: string, { force = false } = {}): RestoreResult {
  const database = path.resolve(databaseFile);
  const source = path.resolve(backupFile);
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (source === database) throw new Error(`${source} is the database itself, not a backup of it`);
  mkdirSync(path.dirname(database), { recursive: true });
  // Verified next to the database, so the final step is a rename within one folder.
  const staged = `${database}.restoring`;
  removeWithSidecars(staged);
  try {
    copyFileSync(source, staged);
    // A copy of a live database may come with its -wal: that file is part of it.
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${staged}-wal`);
    const restored = verifyJournalCopy(staged);
    syncFile(staged);
    const previous = existsSync(database) ? saveCurrentDatabase(database, restored.trades, force) : null;
    for (const suffix of sidecars) rmSync(database + suffix, { force: true });
    renameSync(staged, database);
    syncFolder(path.dirname(database));
    // WAL is a property of the file, as the migrator leaves it.
    const handle = new Database(database, { fileMustExist: true });
    handle.pragma("journal_mode = WAL");
    handle.close();
    return { database, trades: restored.trades, migration: restored.migration, previous };
  } finally {
    removeWithSidecars(staged);
  }
}

/**
 * Takes the database for itself (an exclusive lock, which fails while any other connection, such as
 * a running server's, has it open), then backs it up, the committed part of its -wal included.
 */
function saveCurrentDatabase(database: string, incomingTrades: number, force: boolean): BackupResult | null {
  const live = new Database(database, { fileMustExist: true, timeout: 1000 });
  try {
    live.pragma("locking_mode = EXCLUSIVE");
    try {
      live.exec("BEGIN EXCLUSIVE; COMMIT");
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
        throw new Error(`${database} is in use by another process (is the server running?): stop it, then restore`);
      }
      throw error;
    }
    const tables = live.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (tables === 0) return null;
    if (missingJournalTables(live).length > 0) {
      throw new Error(`${database} holds something other than a journal; move it away, then restore`);
    }
    if (!force) {
      const trades = live.prepare("SELECT COUNT(*) FROM trades").pluck().get() as number;
      throw new Error(
        `${database} holds ${trades} trades and the backup ${incomingTrades}: run again with --force to ` +
          "replace it (it is saved to the backups folder first)",
      );
    }
    return writeBackup(live, database, { label: "before-restore" });
  } finally {
    live.close();
  }
}
