// What a handler can reach besides its input, and what hosts it: a bare database (tests, tools), a
// data folder (the CLI) or the app's workspace (the shells). One dispatcher serves each host; the
// host says which services exist now and whether the data file is being checked or is damaged.
import type { ServiceContext } from './context.js';
import type { Job } from './method.js';
import type { BackupInfo, BackupNow, CheckReport, DatabaseHealth } from '../folder/contract.js';

/** Where the open data file is and whether it is healthy (what the first screen shows). */
export interface FolderInfo {
  health: DatabaseHealth;
  dataFile: string | null;
  /** The app shows its own folder dialog (desktop); otherwise the clerk types a folder's path. */
  folderDialog?: boolean;
}

/** The data folder's own work: backups, restores, the full check. */
export interface FolderServices {
  info(): FolderInfo;
  listBackups(): BackupInfo[];
  backupToFile(job: Job): Promise<BackupNow>;
  restoreBackup(name: string, job: Job): Promise<void>;
  restoreUploaded(upload: { fileName: string; contentBase64: string }, job: Job): Promise<void>;
  check(): CheckReport;
  reopen(): Promise<DatabaseHealth>;
}

/** A folder as the page names it: a typed path (browser shell) or a dialog's handle (desktop). */
export type FolderTarget = { path: string } | { handle: string };
export type FolderPurpose = 'open' | 'create' | 'saveAs';

/** Switching the app to another data folder. */
export interface WorkspaceServices {
  choose(purpose: FolderPurpose): Promise<{ handle: string; path: string } | null>;
  checkPath(path: string, purpose: FolderPurpose): { path: string; exists: boolean; hasDataFile: boolean };
  open(target: FolderTarget): Promise<{ dataFile: string }>;
  create(target: FolderTarget): Promise<{ dataFile: string }>;
  saveAs(target: FolderTarget, job: Job): Promise<{ dataFile: string }>;
}

export interface Services {
  /** The open database; throws DB_DAMAGED in recovery mode and DB_BUSY while a file is swapped. */
  readonly ctx: ServiceContext;
  /** Throws UNAVAILABLE where there is no data folder (a bare database). */
  readonly folder: FolderServices;
  /** Throws UNAVAILABLE where no app holds the folder (the CLI, tests). */
  readonly workspace: WorkspaceServices;
  /** Where the data file is and how it is, in every host. */
  info(): FolderInfo;
}

export interface Host {
  readonly services: Services;
  /** Pending while the data file is being checked: calls other than reads wait for it. */
  checking(): Promise<void> | null;
  /** Why the data file is unusable (recovery mode), or null. */
  damage(): string | null;
  /** The file or folder that cannot be written (writes are refused, reads work), or null. */
  readOnly(): string | null;
}
