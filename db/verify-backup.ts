// Whether a file may replace the data file: it must prove it is this app's database before anything
// in the folder changes. Checked on a private copy (even a read-only connection leaves -wal/-shm
// files beside a WAL database): the header, the application id, the migrations it has applied (each
// one this app knows, with the same hash), a schema version this app can read, and a clean integrity check.
import type Database from 'better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { APPLICATION_ID, readFileHeader, type HeaderDamage } from './file-header.js';
import { onPrivateCopy, runCheck } from './integrity.js';
import { appliedMigrations } from './migrate.js';

export type BackupVerdict =
  | { ok: true; schemaVersion: number; embeddedFiles: number }
  | { ok: false; problem: 'notABackup' | 'damaged' | 'newer'; reason: string; damage?: HeaderDamage };

export interface VerifyOptions {
  migrations: MigrationMeta[];
  nativeBinding?: string;
}

/** The table a single-file backup carries its attachments in (see core/folder/backup-files.ts). */
export const EMBEDDED_FILES_TABLE = 'backup_attachment_files';

const notOurs = (reason: string): BackupVerdict => ({ ok: false, problem: 'notABackup', reason });

/** Runs the checks on a copy in a private temporary folder; the candidate itself is only read. */
export function verifyBackup(file: string, options: VerifyOptions): BackupVerdict {
  let header;
  try {
    header = readFileHeader(file);
  } catch (error) {
    return notOurs((error as Error).message);
  }
  if (header.damage) {
    return header.damage === 'truncated' || header.damage === 'badHeader'
      ? { ok: false, problem: 'damaged', reason: `the file is damaged (${header.damage})`, damage: header.damage }
      : { ok: false, problem: 'notABackup', reason: `not an SQLite database (${header.damage})`, damage: header.damage };
  }
  // Files written before the app set its id have 0 there; their migrations decide below.
  if (header.applicationId !== APPLICATION_ID && header.applicationId !== 0) return notOurs(`application id ${header.applicationId} is another program's`);
  if (header.userVersion > options.migrations.length) return { ok: false, problem: 'newer', reason: `schema version ${header.userVersion}, this app knows ${options.migrations.length}` };
  return onPrivateCopy(
    file,
    options,
    (db) => {
      try {
        return verifyOpened(db, options.migrations);
      } catch (error) {
        return { ok: false, problem: 'damaged', reason: (error as Error).message };
      }
    },
    (error) => ({ ok: false, problem: 'damaged', reason: error.message }),
  );
}

function verifyOpened(db: Database.Database, known: MigrationMeta[]): BackupVerdict {
  const applied = appliedMigrations(db);
  if (applied.length === 0) return notOurs("it has none of this app's migrations");
  const byTime = new Map(known.map((m) => [m.folderMillis, m.hash]));
  for (const migration of applied) {
    const hash = byTime.get(migration.createdAt);
    if (hash === undefined) {
      // A migration this app does not know: a newer app's, if the file says so, else another program's.
      const version = db.pragma('user_version', { simple: true }) as number;
      return version > known.length ? { ok: false, problem: 'newer', reason: `migration ${migration.createdAt} is newer than this app` } : notOurs(`migration ${migration.createdAt} is not this app's`);
    }
    if (hash !== migration.hash) return notOurs(`migration ${migration.createdAt} differs from this app's`);
  }
  const check = runCheck(db, 'integrity_check');
  if (!check.ok) return { ok: false, problem: 'damaged', reason: check.reason ?? 'integrity_check failed' };
  const embedded = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(EMBEDDED_FILES_TABLE);
  const embeddedFiles = embedded ? (db.prepare(`SELECT count(*) FROM ${EMBEDDED_FILES_TABLE}`).pluck().get() as number) : 0;
  return { ok: true, schemaVersion: applied.length, embeddedFiles };
}
