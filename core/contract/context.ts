// What every service needs: the open database and a clock (injected so tests can fix the date).
import type Database from 'better-sqlite3';
import type { AppDatabase } from '../../db/open.js';
import type { ImportWorkerOptions } from '../io/imports/row-reader.js';

export interface ServiceContext {
  db: AppDatabase;
  sqlite: Database.Database;
  now(): Date;
  /** Where attachment files are kept (inside the data folder). */
  attachmentsDir: string;
  /** The backups' store of scans (backups/files), where a file deleted since may still be found. */
  backupFilesDir?: string;
  /** Where the pdf font files are; absent means found through node_modules. */
  fontsDir?: string;
  /** The import's row-reading thread: its bundled script in the desktop app, or when to use it. */
  importWorker?: ImportWorkerOptions;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

/** Today's calendar date on this machine (the clerk's local day), as YYYY-MM-DD. */
export function todayIso(ctx: ServiceContext): string {
  const d = ctx.now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
