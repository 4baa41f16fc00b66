// Real file-system conditions for tests: a tiny filesystem that fills up (ENOSPC, SQLITE_FULL) and
// one that is read-only (EROFS), as tmpfs mounts. Mounting needs root, which CI runs as; elsewhere
// the helper fails with that reason rather than letting a test pass without its condition.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { tempDir } from './migrations.js';

const mounted: string[] = [];

function mount(dir: string, options: string): void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Mounting a small tmpfs at ${dir} failed (these tests need root, as CI runs them): ${(error as Error).message}`, { cause: error });
  }
  mounted.push(dir);
}

/** An empty folder on a filesystem of `kilobytes`. */
export function smallDisk(kilobytes: number): string {
  const dir = tempDir('alliance-small-disk-');
  mount(dir, `size=${kilobytes}k,mode=0777`);
  return dir;
}

/** Fills what is left of a small disk, so the next write fails. */
export function fillDisk(dir: string): void {
  const fd = fs.openSync(`${dir}/.filler`, 'w');
  try {
    const block = Buffer.alloc(4096, 1);
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a mounted folder read-only (EROFS for every write), keeping what is in it. */
export function makeReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
}

/** A folder holding `fill`'s files, then made read-only. */
export function readOnlyDisk(fill: (dir: string) => void | Promise<void>): Promise<string> {
  const dir = smallDisk(64 * 1024);
  return Promise.resolve(fill(dir)).then(() => {
    makeReadOnly(dir);
    return dir;
  });
}

/** Unmounts every disk this process mounted (afterAll). */
export function unmountAll(): void {
  for (const dir of mounted.splice(0).reverse()) {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    } catch {
      // Already gone.
    }
  }
}
