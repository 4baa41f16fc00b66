// Opens the one SQLite file the app keeps its records in. Order matters: refuse a newer file
// before writing anything, back up before migrating, migrate before any window or listener opens.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupDatabase } from './backup.js';
import { busyError, DatabaseError, isBusyError } from './errors.js';
import { APPLICATION_ID } from './file-header.js';
import { runCheck } from './integrity.js';
import * as schema from './schema.js';
import { dropCaptureTriggers, installCapture } from './exchange-capture.js';
import { applyMigrations, appliedMigrationTimes, assertNotNewer, loadMigrations, pendingMigrations } from './migrate.js';

export type AppDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: AppDatabase;
  /** File path, or ':memory:'. */
  file: string;
  /** The backup taken before migrating an existing file, if one was needed. */
  preMigrationBackup: string | null;
  close(): void;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Where the pre-migration backup goes; defaults to `backups/` beside the file. */
  backupsDir?: string;
  /** A better-sqlite3 binary built for another runtime (Electron), so the Node build stays intact. */
  nativeBinding?: string;
  /** quick_check on every open; the full integrity_check after an unclean shutdown. */
  check?: 'quick' | 'full' | 'none';
  /** Names the pre-migration backup (the data folder passes its naming rule). */
  backupName?: (reason: 'before-migration') => string;
  /** Open without writing anything (a read-only file or folder): no migrations, no journal change. */
  readonly?: boolean;
  /** Back up an existing file before migrating it (default). A restore's private copy needs none. */
  backupBeforeMigrating?: boolean;
}


/** Migrations beside this file; a bundled shell (Electron) passes its own folder instead. */
/** db/check-worker.cjs beside this file (the desktop shell passes its own path, as for migrations). */
export function defaultCheckWorker(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-worker.cjs');
}

export function defaultMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * The schema version of a file, read without letting SQLite near it: even a read-only connection
 * creates -wal and -shm files beside a WAL database. The header holds user_version at offset 60;
 * only when an unclean shutdown left a WAL behind can that be stale, and then a copy is asked.
 */
function schemaVersionWithoutWriting(file: string, nativeBinding?: string): number {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new DatabaseError('DB_UNREADABLE', `${file} is not an SQLite database; it has not been changed.`);
  }
  const wal = `${file}-wal`;
  if (!fs.existsSync(wal) || fs.statSync(wal).size === 0) return header.readUInt32BE(60);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-probe-'));
  try {
    fs.copyFileSync(file, path.join(dir, 'probe.sqlite'));
    fs.copyFileSync(wal, path.join(dir, 'probe.sqlite-wal'));
    const probe = new Database(path.join(dir, 'probe.sqlite'), { nativeBinding });
    try {
      return probe.pragma('user_version', { simple: true }) as number;
    } finally {
      probe.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = loadMigrations(options.migrationsFolder ?? defaultMigrationsFolder());
  const inMemory = file === ':memory:';
  const existed = !inMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertNotNewer(schemaVersionWithoutWriting(file, options.nativeBinding), migrations);
  if (!inMemory && !options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });

  const sqlite = new Database(file, { nativeBinding: options.nativeBinding, readonly: Boolean(options.readonly), fileMustExist: Boolean(options.readonly) });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // 'none': the caller checks on another connection (the data folder's background check).
    if (existed && options.check !== 'none') {
      const check = runCheck(sqlite, options.check === 'full' ? 'integrity_check' : 'quick_check');
      if (!check.ok) {
        throw new DatabaseError('DB_DAMAGED', `The data file failed its ${options.check === 'full' ? 'integrity' : 'quick'} check: ${check.reason}`, { reason: check.reason ?? '' });
      }
    }
    const pending = pendingMigrations(sqlite, migrations);
    if (options.readonly) {
      if (pending.length > 0) throw new DatabaseError('FILE_READ_ONLY', `${file} needs updating for this version of the app, but it is read-only.`, { path: file });
      sqlite.pragma('foreign_keys = ON');
      return { sqlite, db: drizzle(sqlite, { schema }), file, preMigrationBackup: null, close: () => sqlite.close() };
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // 32 MB of page cache (SQLite's default is 2 MB): at 100k members the search index (about 10 MB)
    // then stays in memory, and a search's count scans it there instead of through the OS (21 → 12 ms).
    sqlite.pragma('cache_size = -32768');

    let preMigrationBackup: string | null = null;
    if (existed && pending.length > 0 && appliedMigrationTimes(sqlite).length > 0 && options.backupBeforeMigrating !== false) {
      const dir = options.backupsDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, options.backupName?.('before-migration') ?? `before-migration-${stamp()}.sqlite`);
      await backupDatabase(sqlite, preMigrationBackup, { nativeBinding: options.nativeBinding });
    }
    // The capture triggers name every column of their tables: made anew after the tables change.
    if (pending.length > 0) dropCaptureTriggers(sqlite);
    applyMigrations(sqlite, pending);
    // Only a file at the exchange's migration or later has its tables (tests open older schemas).
    if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_clock'").get()) installCapture(sqlite, file);
    // The app's mark in the file header: a restore accepts only files that carry it (or, written
    // before the mark existed, this app's migrations).
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);

    const db = drizzle(sqlite, { schema });
    return { sqlite, db, file, preMigrationBackup, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (isBusyError(error)) throw busyError();
    const code = (error as { code?: unknown }).code;
    // SQLite's own word that the file is not a database or is damaged: recovery, not a crash.
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw new DatabaseError('DB_DAMAGED', `The data file is damaged: ${(error as Error).message}`, { reason: (error as Error).message });
    }
    throw error;
  }
}
