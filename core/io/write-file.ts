// Writing a file the clerk keeps (an export, a backup copy): to a temporary name in the same folder,
// flushed to disk, then renamed over the target, so an interrupted write never leaves a half-written
// file under the name the clerk chose. A failure removes the temporary file and rethrows.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncFolder } from '../../db/durable.js';

export function writeFileAtomic(target: string, bytes: Buffer | Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.part`);
  try {
    const fd = fs.openSync(temporary, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolder(path.dirname(target));
}
