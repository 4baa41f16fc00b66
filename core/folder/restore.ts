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

/**
 * Keeps the data file under another name without a moment in which neither name holds it: a hard
 * link where the file system has them, a copy where it does not (FAT and exFAT drives).
 */
function keepAside(file: string, aside: string): void {
  for (const suffix of SIDE_FILES) {
    if (!fs.existsSync(file + suffix)) continue;
    try {
      fs.linkSync(file + suffix, aside + suffix);
    } catch {
      fs.copyFileSync(file + suffix, aside + suffix);
    }
  }
  fsyncFolder(path.dirname(file));
}

/** Whether two names are one file (a hard link): renaming one over the other would do nothing. */
function sameFile(a: string, b: string): boolean {
  if (!fs.existsSync(a) || !fs.existsSync(b)) return false;
  const [x, y] = [fs.statSync(a), fs.statSync(b)];
  return x.ino === y.ino && x.dev === y.dev;
}

/** Renames over the data file: atomic, so a crash leaves the old file or the new one, never neither. */
function renameOver(from: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(from, file);
  fsyncFolder(path.dirname(file));
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

/**
 * Keeps the current file aside, renames the staged one over it and opens it; if it does not open,
 * the kept file is renamed back. A crash at any point leaves a whole data file under its name (the
 * old or the new); a kept copy of a healthy file is a leftover the next open removes.
 */
export async function swapRestored(swap: Swap): Promise<void> {
  const hadFile = fs.existsSync(swap.file);
  if (hadFile) keepAside(swap.file, swap.aside);
  try {
    renameOver(swap.staged, swap.file);
    const problem = await swap.reload();
    if (problem) throw new AppError('BACKUP_DAMAGED', `The restored file did not open: ${problem}`, { key: 'errors.backupDamaged', params: { reason: problem } });
  } catch (error) {
    fs.rmSync(swap.staged, { force: true });
    if (hadFile && sameFile(swap.file, swap.aside)) {
      // The rename never happened: the data file is the old one still; the kept link goes.
      for (const suffix of SIDE_FILES) fs.rmSync(swap.aside + suffix, { force: true });
    } else if (hadFile) {
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(swap.aside + suffix)) fs.renameSync(swap.aside + suffix, swap.file + suffix);
      renameOver(swap.aside, swap.file);
    }
    await swap.reload();
    throw error;
  }
  if (hadFile && !swap.keepAside) for (const suffix of SIDE_FILES) fs.rmSync(swap.aside + suffix, { force: true });
}
