// Data-folder helpers: open one with no timer, call it like a shell does, damage a file on purpose.
import fs from 'node:fs';
import type { ApiInput, ApiMethod, ApiResult } from '../../core/contract/registry.js';
import { DataFolder, type DataFolderOptions } from '../../core/folder/data-folder.js';
import type { ErrorShape } from '../../core/contract/errors.js';
import { tempDir } from './migrations.js';

export function openFolder(dir = tempDir('alliance-folder-'), options: DataFolderOptions = {}): Promise<DataFolder> {
  return DataFolder.open(dir, { autoBackupMinutes: null, ...options });
}

export async function ask<M extends ApiMethod>(folder: DataFolder, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await folder.dispatcher.dispatch(method, input);
  if (!response.ok) throw Object.assign(new Error(`${method}: ${response.error.code} ${response.error.message}`), { shape: response.error });
  return response.result as ApiResult<M>;
}

export async function refusal(folder: DataFolder, method: string, input: unknown): Promise<ErrorShape> {
  const response = await folder.dispatcher.dispatch(method, input);
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}

/** Overwrites pages in the middle of a database file, as a failing disk would. */
export function damage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const garbage = Buffer.alloc(Math.min(8192, size - 8192), 0xa5);
    fs.writeSync(fd, garbage, 0, garbage.length, 8192);
  } finally {
    fs.closeSync(fd);
  }
}
