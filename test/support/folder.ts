// Data-folder helpers: open one with no timer, call it like a shell does, damage a file on purpose.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

/** Every file under a folder with its hash: "0 bytes changed" is this map unchanged. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else state[relative] = createHash('sha256').update(fs.readFileSync(path.join(dir, relative))).digest('hex');
    }
  };
  walk('');
  return state;
}
