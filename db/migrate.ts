// Applies drizzle-kit migrations ourselves instead of drizzle's migrate(): each migration runs
// with foreign keys off (SQLite ignores that pragma inside a transaction, and drizzle's
// table-rebuild migrations would otherwise cascade-delete child rows when they drop the old
// parent table) and is committed only if `foreign_key_check` finds nothing afterwards.
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { DatabaseError } from './errors.js';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function loadMigrations(migrationsFolder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

/** The `created_at` of every migration already applied to this database (empty for a new file). */
export function appliedMigrations(sqlite: Database.Database): { createdAt: number; hash: string }[] {
  const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT created_at AS t, hash FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as { t: number; hash: string }[]).map((r) => ({ createdAt: Number(r.t), hash: String(r.hash) }));
}

export function appliedMigrationTimes(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT created_at AS t FROM ${MIGRATIONS_TABLE}`).all() as { t: number }[]).map(
    (r) => Number(r.t),
  );
}

/**
 * Refuses a database whose schema version (PRAGMA user_version: the number of migrations applied)
 * is above the number of migrations this app knows of: a newer app wrote it.
 */
export function assertNotNewer(schemaVersion: number, known: MigrationMeta[]): void {
  if (schemaVersion > known.length) {
    throw new DatabaseError('DB_NEWER_THAN_APP', 'This data file was written by a newer version of the app. Install that version (or newer) to open it; this file has not been changed.');
  }
}

export function pendingMigrations(sqlite: Database.Database, known: MigrationMeta[]): MigrationMeta[] {
  const applied = new Set(appliedMigrationTimes(sqlite));
  return known.filter((m) => !applied.has(m.folderMillis));
}

export function applyMigrations(sqlite: Database.Database, migrations: MigrationMeta[]): number {
  if (migrations.length === 0) return 0;
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
  );
  const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`);
  let version = appliedMigrationTimes(sqlite).length;
  const foreignKeysWereOn = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations) {
      sqlite.transaction(() => {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const broken = sqlite.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          // Throwing rolls the transaction back: the file stays as it was before this migration.
          throw new DatabaseError('MIGRATION_FAILED', `Migration ${migration.folderMillis} left ${broken.length} rows with broken references; it was rolled back.`);
        }
        record.run(migration.hash, migration.folderMillis);
        // user_version sits in the file header, where the next start reads it without opening SQLite.
        sqlite.pragma(`user_version = ${++version}`);
      })();
    }
  } finally {
    if (foreignKeysWereOn) sqlite.pragma('foreign_keys = ON');
  }
  return migrations.length;
}
