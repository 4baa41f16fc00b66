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
import { runCheck } from './integrity.js';
import * as schema from './schema.js';
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
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });

  const sqlite = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // 'none': the caller checks on another connection (the data folder's background check).
    if (existed && options.check !== 'none') {
      const check = runCheck(sqlite, options.check === 'full' ? 'integrity_check' : 'quick_check');
      if (!check.ok) {
        throw new DatabaseError('DB_DAMAGED', `The data file failed its ${options.check === 'full' ? 'integrity' : 'quick'} check: ${check.reason}`, { reason: check.reason ?? '' });
      }
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // 32 MB of page cache (SQLite's default is 2 MB): at 100k members the search index (about 10 MB)
    // then stays in memory, and a search's count scans it there instead of through the OS (21 → 12 ms).
    sqlite.pragma('cache_size = -32768');

    const pending = pendingMigrations(sqlite, migrations);
    let preMigrationBackup: string | null = null;
    if (existed && pending.length > 0 && appliedMigrationTimes(sqlite).length > 0) {
      const dir = options.backupsDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, options.backupName?.('before-migration') ?? `before-migration-${stamp()}.sqlite`);
      await backupDatabase(sqlite, preMigrationBackup, { nativeBinding: options.nativeBinding });
    }
    applyMigrations(sqlite, pending);

    const db = drizzle(sqlite, { schema });
    return { sqlite, db, file, preMigrationBackup, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (isBusyError(error)) throw busyError();
    throw error;
  }
}
