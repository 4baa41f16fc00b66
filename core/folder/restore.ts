// Restoring a backup, in two halves. Staging changes nothing the clerk has: the candidate must prove
// it is this app's database (db/verify-backup.ts), then a private copy of it is made in the folder,
// migrated if it is older, and its scans are put back into the attachment store (content-addressed,
// so adding files loses nothing). Only then does the swap run: the current file is moved aside, the
// staged one renamed into place; if it does not open, the old file is moved back.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { fsyncFile, fsyncFolder } from '../../db/durable.js';
import { openDatabase } from '../../db/open.js';
import { verifyBackup } from '../../db/verify-backup.js';
import { AppError } from '../contract/errors.js';
import { copyAll, extractEmbedded, referencedHashes } from './backup-files.js';
import { backupFileName } from './backup-retention.js';

export interface RestorePlaces {
  dir: string;
  file: string;
  attachmentsDir: string;
  filesStore: string;
  migrationsFolder: string;
  migrations: MigrationMeta[];
  nativeBinding?: string;
}

/** The refusal for a candidate that failed verification; nothing has been changed. */
function refusal(verdict: Exclude<ReturnType<typeof verifyBackup>, { ok: true }>): AppError {
  switch (verdict.problem) {
    case 'newer':
      return new AppError('DB_NEWER_THAN_APP', 'This backup was written by a newer version of the app.', { key: 'errors.dbNewerThanApp' });
    case 'damaged':
      return new AppError('BACKUP_DAMAGED', `This backup failed its integrity check: ${verdict.reason}`, { key: 'errors.backupDamaged', params: { reason: verdict.reason } });
    case 'notABackup':
      return new AppError('NOT_A_BACKUP', `This file is not a backup of this app: ${verdict.reason}.`, { key: 'errors.notABackup', params: { reason: verdict.reason } });
  }
}

/** Verifies the candidate and prepares it beside the data file; returns the staged file's path. */
export async function stageRestore(source: string, places: RestorePlaces): Promise<string> {
  const verdict = verifyBackup(source, { migrations: places.migrations, nativeBinding: places.nativeBinding });
  if (!verdict.ok) throw refusal(verdict);
  const staged = path.join(places.dir, `.restoring-${randomUUID()}.sqlite`);
  try {
    fs.copyFileSync(source, staged);
    // A single-file backup carries its scans: into the store, and out of the database.
    extractEmbedded(staged, places.attachmentsDir, { nativeBinding: places.nativeBinding });
    const database = await openDatabase(staged, { check: 'none', migrationsFolder: places.migrationsFolder, nativeBinding: places.nativeBinding, backupBeforeMigrating: false });
    try {
      // A backup kept in the folder finds its scans in the shared store.
      copyAll(referencedHashes(database.sqlite), places.filesStore, places.attachmentsDir);
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      database.close();
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(staged + suffix, { force: true });
    fsyncFile(staged);
    return staged;
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + suffix, { force: true });
    throw error;
  }
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/** Moves the data file (and its -wal/-shm) to `aside`; returns whether there was one. */
function moveAside(file: string, aside: string): boolean {
  if (!fs.existsSync(file)) return false;
  for (const suffix of SIDE_FILES) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  fsyncFolder(path.dirname(file));
  return true;
}

/** Puts the staged file in place of the data file. */
function swapIn(staged: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(staged, file);
  fsyncFolder(path.dirname(file));
}

/** Undoes a swap whose file did not open: the restored file goes, the one moved aside comes back. */
function swapBack(file: string, aside: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(file + suffix, { force: true });
  moveAside(aside, file);
}

/** A name for a file moved aside, by when: alliance.damaged-20261129-101500-1a2b3c4d.sqlite. */
export function asideName(kind: 'damaged' | 'replaced', at: Date): string {
  return `alliance.${kind}-${backupFileName(at, 'manual').slice(9, 24)}-${randomUUID().slice(0, 8)}.sqlite`;
}

export interface Swap {
  file: string;
  staged: string;
  aside: string;
  /** A damaged file moved aside is kept; a healthy one is in the before-restore backup already. */
  keepAside: boolean;
  /** Opens the data file; answers why it could not, or null. */
  reload(): Promise<string | null>;
}

/** Moves the current file aside, the staged one in, and opens it; puts the old one back if it does not open. */
export async function swapRestored(swap: Swap): Promise<void> {
  const hadFile = moveAside(swap.file, swap.aside);
  try {
    swapIn(swap.staged, swap.file);
    const problem = await swap.reload();
    if (problem) throw new AppError('BACKUP_DAMAGED', `The restored file did not open: ${problem}`, { key: 'errors.backupDamaged', params: { reason: problem } });
  } catch (error) {
    fs.rmSync(swap.staged, { force: true });
    if (hadFile) swapBack(swap.file, swap.aside);
    await swap.reload();
    throw error;
  }
  if (hadFile && !swap.keepAside) for (const suffix of SIDE_FILES) fs.rmSync(swap.aside + suffix, { force: true });
}
