// Consistent backups through SQLite's online backup API (never a copy of the live file), written
// beside their final name and renamed into place, then switched to rollback-journal mode so that
// reading one later leaves no -wal/-shm files behind.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export async function backupDatabase(sqlite: Database.Database, target: string, options: { nativeBinding?: string } = {}): Promise<number> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${randomUUID()}.part`;
  try {
    await sqlite.backup(partial);
    const copy = new Database(partial, { nativeBinding: options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    return fs.statSync(target).size;
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-wal`, { force: true });
    fs.rmSync(`${partial}-shm`, { force: true });
  }
}
