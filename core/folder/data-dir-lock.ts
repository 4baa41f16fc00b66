// One process per data folder. The lock file names its owner; a lock left by a process that is gone
// means the last session did not close cleanly, which calls for a full integrity check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/errors.js';

export const LOCK_FILE_NAME = 'alliance.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  /** True when a previous process died holding the folder (crash, power loss, kill). */
  uncleanShutdown: boolean;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  let uncleanShutdown = false;
  try {
    fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = readOwner(file);
    if (owner && owner.host === me.host && isAlive(owner.pid)) {
      throw new AppError('DATA_DIR_IN_USE', `This data folder is already open in another window or program (process ${owner.pid}, since ${owner.startedAt}): ${dataDir}`, {
        key: 'errors.dataDirInUse',
        params: { pid: owner.pid, since: owner.startedAt, dir: dataDir },
      });
    }
    // The owner is gone (or on another machine's copy): take over, and check the file fully.
    uncleanShutdown = true;
    fs.writeFileSync(file, JSON.stringify(me));
  }
  return {
    uncleanShutdown,
    release() {
      const owner = readOwner(file);
      if (owner?.pid === me.pid) fs.rmSync(file, { force: true });
    },
  };
}
