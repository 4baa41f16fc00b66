// Consistent backups through SQLite's online backup API (never a copy of the live file), written
// beside their final name, switched to rollback-journal mode (so that reading one later leaves no
// -wal/-shm files behind), flushed to disk and renamed into place: a backup is complete or absent.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fsyncFile, fsyncFolder } from './durable.js';
import { busyError } from './errors.js';

/**
 * Steps without progress before a backup gives up. better-sqlite3 retries a step that SQLite answers
 * "busy" or "locked" forever, one event-loop turn at a time; a file another program holds (or one it
 * cannot read its journal for) would spin a core. 2,000 turns is a few seconds.
 */
const STALLED_STEPS = 2000;

export interface BackupOptions {
  nativeBinding?: string;
  /** Runs on the finished copy before it is flushed and renamed (e.g. putting the scans inside it). */
  beforeRename?: (partial: string) => void;
  /** Called after each step with the pages left (progress, and tests that act halfway). */
  onStep?: (remainingPages: number) => void;
}

export async function backupDatabase(sqlite: Database.Database, target: string, options: BackupOptions = {}): Promise<number> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.part`);
  try {
    let remaining = -1;
    let stalled = 0;
    const copied = await sqlite.backup(partial, {
      progress: ({ remainingPages }) => {
        stalled = remainingPages === remaining ? stalled + 1 : 0;
        remaining = remainingPages;
        if (stalled > STALLED_STEPS) throw busyError();
        options.onStep?.(remainingPages);
        // better-sqlite3's own pace after its first step: 100 pages a turn.
        return 100;
      },
    });
    // better-sqlite3 reports "done" when the first step could not read the source at all (another
    // program's lock): 0 pages, an empty file. A database has at least one page.
    if (copied.totalPages === 0) throw busyError();
    const copy = new Database(partial, { nativeBinding: options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    options.beforeRename?.(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncFolder(path.dirname(target));
    return fs.statSync(target).size;
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-wal`, { force: true });
    fs.rmSync(`${partial}-shm`, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}
