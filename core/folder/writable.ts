// Whether the app may write in a data folder: tried, not inferred from permission bits (which say
// nothing for an administrator, an immutable file or a read-only disk).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function refuses(action: () => void): boolean {
  try {
    action();
    return false;
  } catch (error) {
    if (READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return true;
    throw error;
  }
}

/** The folder or the data file that cannot be written, or null when both can. */
export function readOnlyPath(dir: string, file: string): string | null {
  const probe = path.join(dir, `.write-test-${process.pid}-${randomUUID()}`);
  if (refuses(() => fs.writeFileSync(probe, ''))) return dir;
  fs.rmSync(probe, { force: true });
  if (fs.existsSync(file) && refuses(() => fs.closeSync(fs.openSync(file, 'r+')))) return file;
  return null;
}

/**
 * In a folder that cannot be written, SQLite cannot make the shared-memory file a WAL database needs
 * even to be read: the app reads a private copy instead (nothing can change the original meanwhile).
 */
export function snapshotForReading(file: string): { file: string; drop(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-read-only-'));
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  return { file: copy, drop: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
