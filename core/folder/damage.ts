// What is wrong with a data file the app cannot use, named so the clerk (and `check`) is told which
// kind of damage it is. Each kind opens the app in recovery mode: the file is never written to, and a
// restore moves it aside (kept) before the backup takes its place.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { DatabaseError, isBusyError } from '../../db/errors.js';
import { APPLICATION_ID, readFileHeader, type HeaderDamage } from '../../db/file-header.js';
import { appliedMigrations } from '../../db/migrate.js';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import type { DamageKind } from './contract.js';

// empty … truncated: what the header shows (db/file-header.ts); corrupt: SQLite's checks failed;
// locked: another program holds the file; foreign: an SQLite file that is not this app's (opening it
// would build our tables inside someone else's database).

export interface Damage {
  kind: DamageKind;
  /** SQLite's or the check's own words, for the technical details. */
  reason: string;
}

const REASONS: Record<HeaderDamage, string> = {
  empty: 'the file is empty (0 bytes)',
  zeroed: 'the file holds only zeros',
  notSqlite: 'the file is not an SQLite database',
  badHeader: "the file's header is damaged",
  truncated: 'the file is cut short',
};

/**
 * Looks at an existing data file before SQLite opens it: damage the header shows, or a file that is
 * not this app's. An empty file in a folder with no backups is a start that never got going (nothing
 * can be lost): it is treated as new.
 */
export function inspectDataFile(file: string, options: { hasBackups: boolean; migrations: MigrationMeta[]; nativeBinding?: string }): Damage | null {
  if (!fs.existsSync(file)) return null;
  const header = readFileHeader(file);
  if (header.damage) {
    if (header.damage === 'empty' && !options.hasBackups) return null;
    return { kind: header.damage, reason: REASONS[header.damage] };
  }
  if (header.applicationId === APPLICATION_ID) return null;
  if (header.applicationId !== 0) return { kind: 'foreign', reason: `application id ${header.applicationId} belongs to another program` };
  // Written before the app marked its files, or by another program: its migrations tell.
  return foreignByMigrations(file, options.migrations, options.nativeBinding);
}

function foreignByMigrations(file: string, known: MigrationMeta[], nativeBinding?: string): Damage | null {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    return damageOf(error);
  }
  try {
    const tables = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table'`).pluck().get() as number;
    if (tables === 0) return null;
    const applied = appliedMigrations(db);
    if (applied.length === 0) return { kind: 'foreign', reason: "it has tables but none of this app's migrations" };
    const hashes = new Map(known.map((m) => [m.folderMillis, m.hash]));
    // A migration this app does not know is a newer app's: opening refuses that with its own error.
    const wrong = applied.find((m) => hashes.has(m.createdAt) && hashes.get(m.createdAt) !== m.hash);
    return wrong ? { kind: 'foreign', reason: `migration ${wrong.createdAt} is not this app's` } : null;
  } catch (error) {
    return damageOf(error);
  } finally {
    db.close();
  }
}

/** The damage an error opening or checking the file stands for; null when it is not damage. */
export function damageOf(error: unknown): Damage | null {
  const message = (error as Error | null)?.message ?? String(error);
  if (isBusyError(error) || (error instanceof DatabaseError && error.code === 'DB_BUSY')) return { kind: 'locked', reason: message };
  if (error instanceof DatabaseError) {
    if (error.code === 'DB_DAMAGED') return { kind: 'corrupt', reason: String(error.params.reason ?? message) };
    if (error.code === 'DB_UNREADABLE') return { kind: 'notSqlite', reason: message };
    return null;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB') return { kind: 'notSqlite', reason: message };
  if (code.startsWith('SQLITE_CORRUPT')) return { kind: 'corrupt', reason: message };
  return null;
}
