// What a database file's first 100 bytes say, read without SQLite (which would create -wal/-shm files
// beside it, or refuse with one generic message). Names the damage a clerk's file can have: empty,
// zero-filled, not SQLite at all, a broken header, or cut short — each gets its own recovery message.
import fs from 'node:fs';

const MAGIC = 'SQLite format 3\0';

/** PRAGMA application_id this app writes into every file it owns: "ALNC" (alliance). */
export const APPLICATION_ID = 0x414c4e43;

export type HeaderDamage = 'empty' | 'zeroed' | 'notSqlite' | 'badHeader' | 'truncated';

export interface FileHeader {
  /** Set when the first bytes alone show the file cannot be opened. */
  damage: HeaderDamage | null;
  size: number;
  pageSize: number;
  /** Pages the header says the file has (0 when that field is not valid). */
  pageCount: number;
  /** PRAGMA user_version: the number of this app's migrations applied. */
  userVersion: number;
  applicationId: number;
}

function readStart(file: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** The header's facts and, when they show it, the damage. Throws only what the file system throws. */
export function readFileHeader(file: string): FileHeader {
  const stat = fs.statSync(file);
  const none = { size: stat.size, pageSize: 0, pageCount: 0, userVersion: 0, applicationId: 0 };
  if (!stat.isFile()) return { ...none, damage: 'notSqlite' };
  if (stat.size === 0) return { ...none, damage: 'empty' };
  // A whole first page of zeros (a disk or sync tool that lost the content) rather than a short read.
  const start = readStart(file, Math.min(stat.size, 4096));
  if (start.every((byte) => byte === 0)) return { ...none, damage: 'zeroed' };
  if (start.length < 100 || start.toString('latin1', 0, 16) !== MAGIC) {
    return { ...none, damage: start.length >= 16 && start.toString('latin1', 0, 6) === 'SQLite' ? 'badHeader' : 'notSqlite' };
  }
  const rawPageSize = start.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const header = {
    size: stat.size,
    pageSize,
    // The in-header size is valid only when "version-valid-for" matches the change counter.
    pageCount: start.readUInt32BE(92) === start.readUInt32BE(24) ? start.readUInt32BE(28) : 0,
    userVersion: start.readUInt32BE(60),
    applicationId: start.readUInt32BE(68),
  };
  const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  // Fixed fields every SQLite 3 file has: write/read versions 1 or 2, payload fractions 64/32/32.
  const fixedOk = [1, 2].includes(start[18]!) && [1, 2].includes(start[19]!) && start[21] === 64 && start[22] === 32 && start[23] === 32;
  if (!powerOfTwo || !fixedOk) return { ...header, damage: 'badHeader' };
  // A checkpoint cut short writes page 1 (the new count) before the pages after it; the WAL beside
  // the file still holds them, and SQLite finishes the checkpoint. Only without one is a short file cut.
  const walWaiting = fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0;
  const short = header.pageCount > 0 && stat.size < header.pageCount * pageSize && !walWaiting;
  if (stat.size < pageSize || stat.size % pageSize !== 0 || short) return { ...header, damage: 'truncated' };
  return { ...header, damage: null };
}
