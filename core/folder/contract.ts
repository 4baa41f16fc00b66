// The data folder: its backups, restoring one, the full check, and switching to another folder.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';

const empty = z.strictObject({}).optional().transform(() => ({}));
/** A folder: typed by the clerk (browser shell), or chosen in the desktop app's own dialog (a handle). */
const folderPath = z.union([z.strictObject({ path: z.string().min(1).max(1000) }), z.strictObject({ handle: z.string().uuid() })]);
const purpose = z.enum(['open', 'create', 'saveAs']);

/** The kinds of damage a data file can have (see core/folder/damage.ts); each gets its own message. */
export type DamageKind = 'empty' | 'zeroed' | 'notSqlite' | 'badHeader' | 'truncated' | 'corrupt' | 'locked' | 'foreign';

export type DatabaseHealth =
  | {
      state: 'ok';
      uncleanShutdown: boolean;
      /** Set when the file or folder cannot be written: reading works, changes are refused. */
      readOnly?: { path: string };
      /** The last automatic backup that failed, after its retries (cleared by the next that works). */
      backupFailure?: { code: string; message: string; key: string; params: Record<string, string | number>; at: string };
    }
  /** The file cannot be used: the app offers the backups instead of starting afresh. */
  | { state: 'damaged'; kind: DamageKind; reason: string; newestBackup: string | null };

export interface BackupInfo {
  name: string;
  takenAt: string;
  reason: 'startup' | 'auto' | 'manual' | 'before-restore' | 'before-migration';
  size: number;
}

/** "Back up now": the file to save where the clerk chooses, and the copy kept in the list (none in a read-only folder). */
export type BackupNow = FileContent & { kept: BackupInfo | null };

/** An attachment whose file is not in the folder, or does not match its hash. */
export interface MissingFile {
  attachmentId: string;
  fileName: string;
  ownerType: 'agreement' | 'event';
  ownerId: string;
  /** The agreement's number and title, or the event's title. */
  owner: string;
  problem: 'missing' | 'hashMismatch';
}

export interface CheckReport {
  ok: boolean;
  reason: string | null;
  milliseconds: number;
  /** Present when the file cannot be used at all. */
  damage?: { kind: DamageKind; reason: string };
  /** Attachments checked against their files, and the ones that failed. */
  attachmentsChecked: number;
  missingFiles: MissingFile[];
}

/** Switching to another folder: allowed in recovery, alone (the gate holds every other call), and it changes everything shown. */
const switchesFolder = { access: 'read', recovery: true, exclusive: true, reads: ['folder'], changes: 'all' } as const;

/** A restore: allowed in recovery, alone, as a job, and it changes everything shown. */
const restores = { result: returns<{ restored: string }>(), access: 'write', recovery: true, exclusive: true, job: true, changes: 'all' } as const;

export const restoreFileInput = z.strictObject({ fileName: z.string().max(1000), contentBase64: z.string().min(1).max(48 * 1024 * 1024) });

export const folderMethods = defineMethods({
  'backups.list': { doc: 'Backups kept in the data folder, newest first.', input: empty, result: returns<BackupInfo[]>(), access: 'read', recovery: true, reads: ['backup'] },
  'backups.create': {
    doc: '"Back up now": a backup kept in the list, and a consistent copy\'s bytes for the shell to save where the clerk chooses.',
    input: empty,
    result: returns<BackupNow>(),
    access: 'read',
    job: true,
    reads: [],
    changes: ['backup'],
  },
  'backups.restore': {
    doc: 'Restores a backup from the list (by name, never by path), after checking it; the current data is backed up first.',
    input: z.strictObject({ name: z.string().min(1).max(200) }),
    ...restores,
  },
  'backups.restoreFile': {
    doc: 'Restores a database file the clerk chose (sent as bytes), after checking it.',
    input: restoreFileInput,
    ...restores,
  },
  'app.check': {
    doc: "Runs SQLite's full integrity_check on the open database and checks every attachment's file against its hash; names the damage in recovery mode.",
    input: empty,
    result: returns<CheckReport>(),
    access: 'read',
    recovery: true,
    reads: ['folder'],
  },
  'app.reopen': {
    doc: 'Opens the data file again (after another program let go of it, or a disk came back); answers the new health.',
    input: empty,
    result: returns<DatabaseHealth>(),
    access: 'read',
    recovery: true,
    exclusive: true,
    reads: ['folder'],
    changes: 'all',
  },
  'files.choose': {
    doc: "The desktop app's folder dialog: the folder chosen as an opaque handle for files.open/create/saveAs (null if cancelled).",
    input: z.strictObject({ purpose }),
    result: returns<{ handle: string; path: string } | null>(),
    access: 'read',
    recovery: true,
    reads: [],
  },
  'files.checkPath': {
    doc: 'Checks a typed folder path for open, create or save as, and says what is there, for the clerk to confirm.',
    input: z.strictObject({ path: z.string().min(1).max(1000), purpose }),
    result: returns<{ path: string; exists: boolean; hasDataFile: boolean }>(),
    access: 'read',
    recovery: true,
    reads: [],
  },
  'files.open': {
    doc: 'Opens the data folder at this path (a folder, or its alliance.sqlite), after the current one is closed cleanly.',
    input: folderPath,
    result: returns<{ dataFile: string }>(),
    ...switchesFolder,
  },
  'files.create': {
    doc: 'Starts a new, empty data folder at this path and switches to it.',
    input: folderPath,
    result: returns<{ dataFile: string }>(),
    ...switchesFolder,
  },
  'files.saveAs': {
    doc: 'Copies the open data (database and attachments) to a new data folder and continues there.',
    input: folderPath,
    result: returns<{ dataFile: string }>(),
    ...switchesFolder,
    job: true,
  },
});
