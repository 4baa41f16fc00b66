// What an interrupted run leaves in the data folder, removed at the next open: half-written backups
// and attachment copies (`*.part`), the copies "Back up now" and uploads are made from, and a
// restore's staged file, and the copy of a healthy file a restore kept while it swapped (the backup
// taken before the restore holds the same data). Only names this app gives such files are touched;
// a file named alliance.damaged-… is the clerk's damaged data, kept, never a leftover.
import fs from 'node:fs';
import path from 'node:path';

const IN_FOLDER = /^(\.(export|upload|restoring)-[\w.-]+|alliance\.replaced-[\w-]+)\.sqlite(-wal|-shm|-journal)?$/;
const PART = /\.part(-wal|-shm|-journal)?$/;

function removeMatching(dir: string, pattern: RegExp, depth: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) removed += removeMatching(full, pattern, depth - 1);
    else if (entry.isFile() && pattern.test(entry.name)) {
      fs.rmSync(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Removes the leftovers; returns how many (a test counts them). */
export function removeLeftovers(dir: string, folders: { backupsDir: string; attachmentsDir: string }): number {
  let removed = removeMatching(dir, IN_FOLDER, 0);
  // backups/*.part, backups/files/aa/*.part; attachments/aa/*.part.
  removed += removeMatching(folders.backupsDir, PART, 2);
  removed += removeMatching(folders.attachmentsDir, PART, 1);
  return removed;
}
