// Which folder a New, Open or Save As goes to. In the desktop app the page never names a path: the
// main process shows its own dialog and hands the page an opaque, single-use handle for the folder
// chosen. In the browser shell the clerk types the path; it is checked here before anything touches
// the file system beyond looking: absolute and normalised, nowhere under /proc, /sys or /dev (also
// through symbolic links), its parent an existing folder, and the right kind of thing at the end —
// never a device, a pipe or a file another program feeds, which could hang the server.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../contract/errors.js';

export const DATA_FILE = 'alliance.sqlite';

export type FolderPurpose = 'open' | 'create' | 'saveAs';

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function pathError(key: string, message: string, params?: Record<string, string>) {
  return fieldError('path', { key, message, ...(params ? { params } : {}) });
}

function underSystemRoot(target: string): boolean {
  return path.sep === '/' && SYSTEM_ROOTS.some((root) => target === root || target.startsWith(`${root}/`));
}

/** The nearest existing ancestor's real path joined with the rest: where the path really leads. */
function realTarget(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/** A typed folder path (or its alliance.sqlite), checked for `purpose`; returns the folder. */
export function checkTypedFolder(input: string, purpose: FolderPurpose): string {
  const trimmed = input.trim();
  if (CONTROL.test(trimmed)) throw pathError('validation.controlCharacters', 'The path contains control characters.');
  if (!path.isAbsolute(trimmed)) throw pathError('validation.absolutePath', 'Give the full path of the folder, e.g. D:\\联合体数据.');
  let folder = path.resolve(trimmed);
  if (path.extname(folder).toLowerCase() === '.sqlite') {
    if (path.basename(folder) !== DATA_FILE) throw pathError('validation.dataFileName', `Choose a folder, or a file named ${DATA_FILE}.`, { name: DATA_FILE });
    folder = path.dirname(folder);
  }
  if (underSystemRoot(folder) || underSystemRoot(realTarget(folder))) throw pathError('validation.systemFolder', 'This is a system folder, not a place for data.');
  const parent = path.dirname(folder);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) throw pathError('validation.parentMissing', `The folder ${parent} does not exist.`, { parent });
  const stat = fs.existsSync(folder) ? fs.statSync(folder) : null;
  if (stat && !stat.isDirectory()) throw pathError('validation.notAFolder', 'This is a file, not a folder.');
  const dataFile = path.join(folder, DATA_FILE);
  const fileStat = stat && fs.existsSync(dataFile) ? fs.lstatSync(dataFile) : null;
  if (fileStat && !fileStat.isFile()) throw pathError('validation.dataFileNotAFile', `${DATA_FILE} here is not an ordinary file.`, { name: DATA_FILE });
  if (purpose === 'open' && !fileStat) throw pathError('validation.noDataFile', `There is no ${DATA_FILE} in this folder.`, { name: DATA_FILE });
  if (purpose !== 'open' && fileStat) throw pathError('validation.dataFileExists', 'This folder already has a data file; open it instead.');
  return folder;
}

/** What the browser shell shows the clerk to confirm before switching. */
export function describeFolder(folder: string): { path: string; exists: boolean; hasDataFile: boolean } {
  return { path: folder, exists: fs.existsSync(folder), hasDataFile: fs.existsSync(path.join(folder, DATA_FILE)) };
}

/** Folders the desktop app's own dialog returned, held for the page by opaque, single-use handles. */
export class ChosenFolders {
  private readonly chosen = new Map<string, { folder: string; purpose: FolderPurpose; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  add(folder: string, purpose: FolderPurpose): string {
    const handle = randomUUID();
    this.chosen.set(handle, { folder, purpose, expires: this.now() + 10 * 60_000 });
    return handle;
  }

  /** The folder behind a handle, once; a handle for another purpose, used or expired is refused. */
  take(handle: string, purpose: FolderPurpose): string {
    const entry = this.chosen.get(handle);
    this.chosen.delete(handle);
    if (!entry || entry.purpose !== purpose || entry.expires < this.now()) {
      throw new AppError('FORBIDDEN', 'Choose the folder again in the dialog.', { key: 'errors.chooseFolderAgain' });
    }
    return entry.folder;
  }
}
