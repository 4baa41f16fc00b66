// Backups of a data folder: kept ones in backups/ with their scans in the shared store beside them,
// and single files for the clerk to take away with their scans inside. Retention prunes both.
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../../db/backup.js';
import { isBusyError } from '../../db/errors.js';
import { copyAll, embedFiles, pruneStore, referencedHashes } from './backup-files.js';
import { backupFileName, backupsToDelete, parseBackupName, type BackupFile, type BackupReason } from './backup-retention.js';
import type { BackupInfo } from './contract.js';
import { trackPendingWrite } from './pending-writes.js';

export interface BackupPlaces {
  dir: string;
  backupsDir: string;
  attachmentsDir: string;
  /** backups/files: the scans every kept backup refers to, once each. */
  filesStore: string;
  nativeBinding?: string;
  now(): Date;
}

/** A backup that met a busy file is tried this many times in all, a moment apart; then it reports. */
const ATTEMPTS = 3;
const PAUSE_MS = 500;

async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // A full disk or a read-only folder will not change in half a second: only "busy" is retried.
      if (attempt >= ATTEMPTS || !isBusyError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}

/** The hashes a backup file refers to, read without changing it (backups are in rollback-journal mode). */
function hashesOf(file: string, nativeBinding?: string): string[] {
  const db = new BetterSqlite(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return referencedHashes(db);
  } finally {
    db.close();
  }
}

export function listBackups(backupsDir: string): BackupInfo[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs
    .readdirSync(backupsDir)
    .map(parseBackupName)
    .filter((b): b is BackupFile => b !== null)
    .map((b) => ({ ...b, size: fs.statSync(path.join(backupsDir, b.name)).size }))
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
}

/** A kept backup: the database through SQLite's backup API, then its scans into the shared store. */
export async function takeBackup(sqlite: Database.Database, places: BackupPlaces, reason: BackupReason): Promise<BackupInfo & { missingFiles: string[] }> {
  const name = backupFileName(places.now(), reason);
  const target = path.join(places.backupsDir, name);
  const size = await withRetries(() => backupDatabase(sqlite, target, { nativeBinding: places.nativeBinding }));
  return { ...parseBackupName(name)!, size, missingFiles: storeScans(places, target) };
}

/** A new kept backup's scans into the store, then the retention rule; answers the hashes whose files were missing. */
export function storeScans(places: BackupPlaces, backupFile: string): string[] {
  const { missing } = copyAll(hashesOf(backupFile, places.nativeBinding), places.attachmentsDir, places.filesStore);
  pruneBackups(places);
  return missing;
}

/** The name "Back up now" offers: 联合体数据备份-20261129-101500.sqlite. */
export function singleFileName(at: Date): string {
  return `联合体数据备份-${backupFileName(at, 'manual').slice(9, 24)}.sqlite`;
}

/** Applies the retention rule, then drops stored scans no kept backup refers to any more. */
export function pruneBackups(places: BackupPlaces): void {
  for (const name of backupsToDelete(listBackups(places.backupsDir), places.now())) fs.rmSync(path.join(places.backupsDir, name), { force: true });
  const keep = new Set<string>();
  for (const backup of listBackups(places.backupsDir)) {
    try {
      for (const hash of hashesOf(path.join(places.backupsDir, backup.name), places.nativeBinding)) keep.add(hash);
    } catch {
      // A backup that cannot be read keeps nothing alive; restoring it is refused anyway.
    }
  }
  pruneStore(places.filesStore, keep);
}

/**
 * A backup as one file at `target` (which may be outside the folder): the database with every scan
 * it refers to inside, written beside the target, flushed and renamed. Its temporary name is noted
 * in the folder, so a run killed halfway has it removed at the next open.
 */
export async function backupToPath(sqlite: Database.Database, places: BackupPlaces, target: string): Promise<{ size: number; missingFiles: string[] }> {
  let missingFiles: string[] = [];
  const size = await trackPendingWrite(places.dir, target, () =>
    withRetries(() =>
      backupDatabase(sqlite, target, {
        nativeBinding: places.nativeBinding,
        beforeRename: (partial) => {
          missingFiles = embedFiles(partial, places.attachmentsDir, { nativeBinding: places.nativeBinding }).missing;
        },
      }),
    ),
  );
  return { size, missingFiles };
}
