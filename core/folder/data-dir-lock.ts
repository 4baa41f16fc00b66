// One process per data folder. The lock file names its owner; a lock left by a process that is gone
// means the last session did not close cleanly, which calls for a full integrity check. An owner is
// known by its process id and, where the system tells them (Linux), its start time and the boot it
// ran in: after a reboot, or when an unrelated program got the same process id, the lock is stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/errors.js';

export const LOCK_FILE_NAME = 'alliance.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** The kernel's boot id (Linux): a lock from before a reboot is stale. */
  bootId?: string | null;
  /** The process's start time in clock ticks since boot (Linux /proc/PID/stat): tells a reused PID apart. */
  processStart?: string | null;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

export function bootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id');
}

/** Field 22 of /proc/PID/stat, counted after the command name (which may hold spaces and parentheses). */
export function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** Whether the process that wrote the lock is still running. */
function ownerRunning(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false;
  const started = processStart(owner.pid);
  return !(owner.processStart && started && owner.processStart !== started);
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
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), bootId: bootId(), processStart: processStart(process.pid) };
  let uncleanShutdown = false;
  try {
    fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = readOwner(file);
    if (owner && owner.host === me.host && ownerRunning(owner)) {
      throw new AppError('DATA_DIR_IN_USE', `This data folder is already open in another window or program (process ${owner.pid}, since ${owner.startedAt}): ${dataDir}`, {
        key: 'errors.dataDirInUse',
        params: { pid: owner.pid, since: owner.startedAt, dir: dataDir },
      });
    }
    // The owner is gone (or on another machine's copy, or its PID now belongs to another program):
    // take over, and check the file fully.
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
