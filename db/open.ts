// Opens the one SQLite file the app keeps its records in. Order matters: refuse a newer file
// before writing anything, back up before migrating, migrate before any window or listener opens.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
}

/** Migrations beside this file; a bundled shell (Electron) passes its own folder instead. */
export function defaultMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function readAppliedWithoutWriting(file: string, nativeBinding?: string): number[] {
  // A read-only connection reads the migration table without touching the file's bytes.
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return appliedMigrationTimes(probe);
  } finally {
    probe.close();
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = loadMigrations(options.migrationsFolder ?? defaultMigrationsFolder());
  const inMemory = file === ':memory:';
  const existed = !inMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertNotNewer(readAppliedWithoutWriting(file, options.nativeBinding), migrations);
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });

  const sqlite = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    const pending = pendingMigrations(sqlite, migrations);
    let preMigrationBackup: string | null = null;
    if (existed && pending.length > 0 && appliedMigrationTimes(sqlite).length > 0) {
      const dir = options.backupsDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, `before-migration-${stamp()}.sqlite`);
      await sqlite.backup(preMigrationBackup);
    }
    applyMigrations(sqlite, pending);

    const db = drizzle(sqlite, { schema });
    return { sqlite, db, file, preMigrationBackup, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
