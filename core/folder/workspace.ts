// The data folder the app has open, and switching to another: New, Open and Save As. The shells
// hold the workspace's dispatcher, whose host always reaches whichever folder is open now. Where
// the folder comes from is the shell's choice (see folder-paths.ts): the desktop app's own dialog,
// or a path the clerk typed in the browser shell; never a path the desktop page made up.
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Dispatcher } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import type { FolderPurpose, FolderTarget, Host, Services, WorkspaceServices } from '../contract/services.js';
import { appHandlers } from '../host/handlers.js';
import { copyAll, referencedHashes } from './backup-files.js';
import { DATABASE_FILE_NAME, DataFolder, type DataFolderOptions } from './data-folder.js';
import { ChosenFolders, checkTypedFolder, describeFolder } from './folder-paths.js';
import { backupDatabase } from '../../db/backup.js';

export interface WorkspaceOptions extends Omit<DataFolderOptions, 'workspace'> {
  /**
   * The desktop app's folder dialog (in its main process). With it, the page may name folders only
   * by the handles it returns; without it (the browser shell), by typed paths, checked.
   */
  chooseFolder?: (purpose: FolderPurpose) => Promise<string | null>;
}

export class Workspace implements WorkspaceServices {
  private folder!: DataFolder;
  readonly dispatcher: Dispatcher;
  private readonly chosen = new ChosenFolders();

  private constructor(private readonly options: WorkspaceOptions) {
    // Getters, not values: they follow whichever folder is open now.
    const services = Object.defineProperties({ workspace: this, info: () => ({ ...this.folder.info(), folderDialog: Boolean(options.chooseFolder) }) } as Partial<Services>, {
      ctx: { get: () => this.folder.host.services.ctx },
      folder: { get: () => this.folder },
    }) as Services;
    const host: Host = { services, checking: () => this.folder.host.checking(), damage: () => this.folder.host.damage(), readOnly: () => this.folder.host.readOnly() };
    this.dispatcher = createDispatcher(appHandlers, host, options.onUnexpected);
  }

  static async open(dir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const workspace = new Workspace(options);
    workspace.folder = await workspace.openFolder(dir);
    return workspace;
  }

  get current(): DataFolder {
    return this.folder;
  }

  private openFolder(dir: string): Promise<DataFolder> {
    const { chooseFolder: _dialog, ...folderOptions } = this.options;
    return DataFolder.open(dir, { ...folderOptions, workspace: this });
  }

  /** Opens the other folder first; only when that worked is the current one closed. */
  async switchTo(dir: string): Promise<string> {
    if (path.resolve(dir) === path.resolve(this.folder.dir)) return this.folder.file;
    const next = await this.openFolder(dir);
    const previous = this.folder;
    this.folder = next;
    previous.close();
    return next.file;
  }

  /** The desktop app's main process registers a folder its own dialog returned (the File menu). */
  handleFor(folder: string, purpose: FolderPurpose): string {
    return this.chosen.add(folder, purpose);
  }

  async choose(purpose: FolderPurpose): Promise<{ handle: string; path: string } | null> {
    if (!this.options.chooseFolder) throw new AppError('UNAVAILABLE', 'This shell has no folder dialog; type the folder path.', { key: 'errors.unavailable' });
    const folder = await this.options.chooseFolder(purpose);
    return folder ? { handle: this.chosen.add(folder, purpose), path: folder } : null;
  }

  checkPath(typed: string, purpose: FolderPurpose): { path: string; exists: boolean; hasDataFile: boolean } {
    return describeFolder(checkTypedFolder(typed, purpose));
  }

  /** The folder a target names, checked for its purpose. */
  private folderOf(target: FolderTarget, purpose: FolderPurpose): string {
    if ('handle' in target) return checkTypedFolder(this.chosen.take(target.handle, purpose), purpose);
    // The desktop page names folders only by its dialog's handles.
    if (this.options.chooseFolder) throw new AppError('FORBIDDEN', 'Choose the folder in the dialog.', { key: 'errors.chooseFolderAgain' });
    return checkTypedFolder(target.path, purpose);
  }

  async open(target: FolderTarget): Promise<{ dataFile: string }> {
    return { dataFile: await this.switchTo(this.folderOf(target, 'open')) };
  }

  async create(target: FolderTarget): Promise<{ dataFile: string }> {
    return { dataFile: await this.switchTo(this.folderOf(target, 'create')) };
  }

  /** Save As: a consistent copy of the database and its scans (each checked against its hash), then the app continues there. */
  async saveAs(target: FolderTarget, job?: Job): Promise<{ dataFile: string }> {
    const dir = this.folderOf(target, 'saveAs');
    const core = this.folder.appCore;
    if (!core) throw new AppError('DB_DAMAGED', 'A damaged file cannot be saved elsewhere; restore a backup first.', { key: 'errors.dbDamaged', params: { reason: '' } });
    job?.progress(0, 2);
    fs.mkdirSync(dir, { recursive: true });
    // The scans first: the new folder's database never refers to a file it does not have.
    copyAll(referencedHashes(core.database.sqlite), this.folder.attachmentsDir, path.join(dir, 'attachments'));
    await backupDatabase(core.database.sqlite, path.join(dir, DATABASE_FILE_NAME));
    job?.progress(1, 2);
    const dataFile = await this.switchTo(dir);
    job?.progress(2, 2);
    return { dataFile };
  }

  close(): void {
    this.folder.close();
  }
}
