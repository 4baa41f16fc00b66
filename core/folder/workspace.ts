// The data folder the app has open, and switching to another: New, Open and Save As. The shells
// hold the workspace's dispatcher, which always reaches whichever folder is open now.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiParsed } from '../contract/registry.js';
import { DATABASE_FILE_NAME } from '../host/core.js';
import { DataFolder, type DataFolderOptions } from './data-folder.js';
import type { Dispatcher, HandlerMap } from '../contract/dispatcher.js';
import { AppError, fieldError } from '../contract/errors.js';
import { backupDatabase } from '../../db/backup.js';

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

export class Workspace {
  private folder!: DataFolder;
  readonly dispatcher: Dispatcher = { dispatch: (method, input) => this.folder.dispatcher.dispatch(method, input) };

  private constructor(private readonly options: DataFolderOptions) {}

  static async open(dir: string, options: DataFolderOptions = {}): Promise<Workspace> {
    const workspace = new Workspace(options);
    workspace.folder = await workspace.openFolder(dir);
    return workspace;
  }

  get current(): DataFolder {
    return this.folder;
  }

  private openFolder(dir: string): Promise<DataFolder> {
    return DataFolder.open(dir, { ...this.options, ownerHandlers: this.handlers() });
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

  async open(input: ApiParsed<'files.open'>): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(input.path);
    if (!fs.existsSync(path.join(dir, DATABASE_FILE_NAME))) {
      throw fieldError('path', { key: 'validation.noDataFile', params: { name: DATABASE_FILE_NAME }, message: `There is no ${DATABASE_FILE_NAME} in this folder.` });
    }
    return { dataFile: await this.switchTo(dir) };
  }

  async create(input: ApiParsed<'files.create'>): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(input.path);
    if (fs.existsSync(path.join(dir, DATABASE_FILE_NAME))) {
      throw fieldError('path', { key: 'validation.dataFileExists', message: 'This folder already has a data file; open it instead.' });
    }
    return { dataFile: await this.switchTo(dir) };
  }

  /** Save As: a consistent copy of the database and the attachments, then the app continues there. */
  async saveAs(input: ApiParsed<'files.saveAs'>): Promise<{ dataFile: string }> {
    const dir = dataFolderOf(input.path);
    const target = path.join(dir, DATABASE_FILE_NAME);
    if (fs.existsSync(target)) throw fieldError('path', { key: 'validation.dataFileExists', message: 'This folder already has a data file.' });
    const core = this.folder.appCore;
    if (!core) throw new AppError('DB_DAMAGED', 'A damaged file cannot be saved elsewhere; restore a backup first.', { key: 'errors.dbDamaged', params: { reason: '' } });
    await backupDatabase(core.database.sqlite, target);
    if (fs.existsSync(this.folder.attachmentsDir)) fs.cpSync(this.folder.attachmentsDir, path.join(dir, 'attachments'), { recursive: true });
    return { dataFile: await this.switchTo(dir) };
  }

  private handlers(): HandlerMap {
    return {
      'files.open': (input) => this.open(input),
      'files.create': (input) => this.create(input),
      'files.saveAs': (input) => this.saveAs(input),
    };
  }

  close(): void {
    this.folder.close();
  }
}
