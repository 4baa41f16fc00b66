// Integrity checks: quick_check on every open, integrity_check after an unclean shutdown and before
// a backup is restored. A failed check is reported with SQLite's own first lines, never repaired silently.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { busyError, isBusyError } from './errors.js';

export interface CheckResult {
  ok: boolean;
  /** SQLite's first complaint, or why the file could not be read at all. */
  reason: string | null;
  milliseconds: number;
}

export function runCheck(sqlite: Database.Database, kind: 'quick_check' | 'integrity_check'): CheckResult {
  const started = performance.now();
  try {
    const rows = sqlite.pragma(`${kind}(20)`, { simple: false }) as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0]);
    const ok = messages.length === 1 && messages[0] === 'ok';
    const broken = ok ? [] : (sqlite.pragma('foreign_key_check') as unknown[]);
    return { ok: ok && broken.length === 0, reason: ok ? (broken.length ? `${broken.length} rows with broken references` : null) : messages.slice(0, 3).join('; '), milliseconds: performance.now() - started };
  } catch (error) {
    // Another program holding the file is not damage: the caller says "locked", and the file is fine.
    if (isBusyError(error)) throw busyError();
    return { ok: false, reason: (error as Error).message, milliseconds: performance.now() - started };
  }
}

/**
 * Opens a private copy of a database file (with its -wal) and runs `use` on it: even a read-only
 * connection leaves -wal/-shm files beside a WAL database, so a file that is only being looked at is
 * never opened where it lies. `unopened` answers when the copy does not open; the copy is removed after.
 */
export function onPrivateCopy<T>(file: string, options: { nativeBinding?: string }, use: (db: Database.Database) => T, unopened: (error: Error) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-copy-'));
  try {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    let db: Database.Database;
    try {
      db = new Database(copy, { fileMustExist: true, nativeBinding: options.nativeBinding });
    } catch (error) {
      return unopened(error as Error);
    }
    try {
      return use(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks a database file (a backup, an uploaded copy) without touching it, on a private copy. */
export function checkFile(file: string, options: { nativeBinding?: string } = {}): CheckResult & { schemaVersion: number | null; hasMembers: boolean } {
  const started = performance.now();
  const failed = (reason: string) => ({ ok: false, reason, milliseconds: performance.now() - started, schemaVersion: null, hasMembers: false });
  return onPrivateCopy(
    file,
    options,
    (db) => {
      try {
        const result = runCheck(db, 'integrity_check');
        if (!result.ok) return { ...result, schemaVersion: null, hasMembers: false, milliseconds: performance.now() - started };
        const hasMembers = Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'organizations'`).get());
        return { ...result, schemaVersion: db.pragma('user_version', { simple: true }) as number, hasMembers, milliseconds: performance.now() - started };
      } catch (error) {
        return failed((error as Error).message);
      }
    },
    (error) => failed(error.message),
  );
}
