// The data folder the app has open, and switching to another: New, Open and Save As. The shells
// hold the workspace's dispatcher, whose host always reaches whichever folder is open now.
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../../db/backup.js';
import { createDispatcher, type Dispatcher } from '../contract/dispatcher.js';
import { AppError, fieldError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import type { Host, Services, WorkspaceServices } from '../contract/services.js';
import { appHandlers } from '../host/handlers.js';
import { DATABASE_FILE_NAME, DataFolder, type DataFolderOptions } from './data-folder.js';

/** A folder path from the clerk: absolute, and either the folder or its alliance.sqlite. */
export function dataFolderOf(input: string): string {
  const trimmed = input.trim();
  if (!path.isAbsolute(trimmed)) {
    throw fieldError('path', { key: 'validation.absolutePath', message: 'Give the full path of the folder, e.g. D:\\联合体数据.' });
  }
  const resolved = path.resolve(trimmed);
  if (path.extname(resolved).toLowerCase() === '.sqlite') {
    if (path.basename(resolved) !== DATABASE_FILE_NAME) {
      throw fieldError('path', { key: 'validation.dataFileName', params: { name: DATABASE_FILE_NAME }, message: `Choose a folder, or a file named ${DATABASE_FILE_NAME}.` });
    }
    return path.dirname(resolved);
  }
  return resolved;
}

export class Workspace implements WorkspaceServices {
  private folder!: DataFolder;
  readonly dispatcher: Dispatcher;

  private constructor(private readonly options: Omit<DataFolderOptions, 'workspace'>) {
    // Getters, not values: they follow whichever folder is open now.
    const services = Object.defineProperties({ workspace: this, info: () => this.folder.info() } as Partial<Services>, {
      ctx: { get: () => this.folder.host.services.ctx },
      folder: { get: () => this.folder },
    }) as Services;
    const host: Host = { services, checking: () => this.folder.host.checking(), damage: () => this.folder.host.damage(), readOnly: () => this.folder.host.readOnly() };
    this.dispatcher = createDispatcher(appHandlers, host, options.onUnexpected);
  }

  static async open(dir: string, options: Omit<DataFolderOptions, 'workspace'> = {}): Promise<Workspace> {
    const workspace = new Workspace(options);
    workspace.folder = await workspace.openFolder(dir);
    return workspace;
  }

  get current(): DataFolder {
    return this.folder;
  }

  private openFolder(dir: string): Promise<DataFolder> {
    return DataFolder.open(dir, { ...this.options, workspace: this });
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

  async open(folderPath: string): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(folderPath);
    if (!fs.existsSync(path.join(dir, DATABASE_FILE_NAME))) {
      throw fieldError('path', { key: 'validation.noDataFile', params: { name: DATABASE_FILE_NAME }, message: `There is no ${DATABASE_FILE_NAME} in this folder.` });
    }
    return { dataFile: await this.switchTo(dir) };
  }

  async create(folderPath: string): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(folderPath);
    if (fs.existsSync(path.join(dir, DATABASE_FILE_NAME))) {
      throw fieldError('path', { key: 'validation.dataFileExists', message: 'This folder already has a data file; open it instead.' });
    }
    return { dataFile: await this.switchTo(dir) };
  }

  /** Save As: a consistent copy of the database and the attachments, then the app continues there. */
  async saveAs(folderPath: string, job?: Job): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(folderPath);
    const target = path.join(dir, DATABASE_FILE_NAME);
    if (fs.existsSync(target)) throw fieldError('path', { key: 'validation.dataFileExists', message: 'This folder already has a data file.' });
    const core = this.folder.appCore;
    if (!core) throw new AppError('DB_DAMAGED', 'A damaged file cannot be saved elsewhere; restore a backup first.', { key: 'errors.dbDamaged', params: { reason: '' } });
    job?.progress(0, 2);
    await backupDatabase(core.database.sqlite, target);
    job?.progress(1, 2);
    if (fs.existsSync(this.folder.attachmentsDir)) fs.cpSync(this.folder.attachmentsDir, path.join(dir, 'attachments'), { recursive: true });
    const dataFile = await this.switchTo(dir);
    job?.progress(2, 2);
    return { dataFile };
  }

  close(): void {
    this.folder.close();
  }
}
