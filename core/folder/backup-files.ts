// Attachments (the scanned signed agreements) travel with backups, in two ways:
// - backups kept in the folder share one content-addressed store, `backups/files/<aa>/<sha256>`:
//   each scan is stored once however many backups refer to it, and a file deleted from the register
//   stays there while any kept backup still refers to it;
// - a backup the clerk takes away ("Back up now", `backup --out`) must stand alone, so it carries its
//   scans inside the copy, in one extra table that a restore unpacks and drops.
// Every file is checked against its hash when it is copied, so a damaged scan is never spread.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EMBEDDED_FILES_TABLE } from '../../db/verify-backup.js';

const HASH = /^[0-9a-f]{64}$/;

export function hashPath(dir: string, sha256: string): string {
  if (!HASH.test(sha256)) throw new Error(`Not an attachment hash: ${sha256.slice(0, 80)}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

export function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** The attachment hashes a database refers to. */
export function referencedHashes(sqlite: Database.Database): string[] {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'`).get();
  if (!table) return [];
  return (sqlite.prepare('SELECT DISTINCT sha256 FROM attachments').pluck().all() as string[]).filter((h) => HASH.test(h));
}

export function matches(bytes: Buffer, sha256: string): boolean {
  return createHash('sha256').update(bytes).digest('hex') === sha256;
}

/** Writes bytes (already checked against their hash) under their address: beside, flushed, renamed. */
export function writeAddressed(dir: string, sha256: string, bytes: Buffer): void {
  const target = hashPath(dir, sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.part`;
  try {
    fs.writeFileSync(temporary, bytes, { flush: true });
    fs.renameSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Copies one addressed file between stores after checking its hash; false when the source is missing or wrong. */
function copyAddressed(fromDir: string, toDir: string, sha256: string): boolean {
  if (fs.existsSync(hashPath(toDir, sha256))) return true;
  const source = hashPath(fromDir, sha256);
  if (!fs.existsSync(source)) return false;
  const bytes = fs.readFileSync(source);
  if (!matches(bytes, sha256)) return false;
  writeAddressed(toDir, sha256, bytes);
  return true;
}

export interface CopyReport {
  copied: number;
  /** Hashes whose file was missing or did not match. */
  missing: string[];
}

/** Makes sure every hash has its file in `toDir`, copied from `fromDir`. */
export function copyAll(hashes: string[], fromDir: string, toDir: string): CopyReport {
  const missing: string[] = [];
  let copied = 0;
  for (const sha256 of hashes) {
    if (fs.existsSync(hashPath(toDir, sha256))) continue;
    if (copyAddressed(fromDir, toDir, sha256)) copied += 1;
    else missing.push(sha256);
  }
  return { copied, missing };
}

/** Removes stored files no kept backup refers to, and temporary files an interrupted copy left. */
export function pruneStore(storeDir: string, keep: Set<string>): void {
  if (!fs.existsSync(storeDir)) return;
  for (const prefix of fs.readdirSync(storeDir)) {
    const sub = path.join(storeDir, prefix);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) if (!keep.has(name)) fs.rmSync(path.join(sub, name), { force: true });
  }
}

/** Puts the referenced scans inside a backup copy, so it can be restored anywhere on its own. */
export function embedFiles(copyFile: string, attachmentsDir: string, options: { nativeBinding?: string } = {}): CopyReport {
  const db = new Database(copyFile, { nativeBinding: options.nativeBinding });
  try {
    const missing: string[] = [];
    let copied = 0;
    db.exec(`CREATE TABLE IF NOT EXISTS ${EMBEDDED_FILES_TABLE} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)`);
    const insert = db.prepare(`INSERT OR IGNORE INTO ${EMBEDDED_FILES_TABLE} (sha256, bytes) VALUES (?, ?)`);
    db.transaction(() => {
      for (const sha256 of referencedHashes(db)) {
        const source = hashPath(attachmentsDir, sha256);
        const bytes = fs.existsSync(source) ? fs.readFileSync(source) : null;
        if (!bytes || !matches(bytes, sha256)) {
          missing.push(sha256);
          continue;
        }
        insert.run(sha256, bytes);
        copied += 1;
      }
    })();
    return { copied, missing };
  } finally {
    db.close();
  }
}

/** Unpacks the scans a single-file backup carries into the attachment store, then drops the table. */
export function extractEmbedded(stagingFile: string, attachmentsDir: string, options: { nativeBinding?: string } = {}): number {
  const db = new Database(stagingFile, { nativeBinding: options.nativeBinding });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(EMBEDDED_FILES_TABLE);
    if (!table) return 0;
    let written = 0;
    for (const row of db.prepare(`SELECT sha256, bytes FROM ${EMBEDDED_FILES_TABLE}`).iterate() as IterableIterator<{ sha256: string; bytes: Buffer }>) {
      // A row whose bytes do not match its hash is left out; check then names the record missing its file.
      if (!HASH.test(row.sha256) || !Buffer.isBuffer(row.bytes) || !matches(row.bytes, row.sha256)) continue;
      writeAddressed(attachmentsDir, row.sha256, row.bytes);
      written += 1;
    }
    db.exec(`DROP TABLE ${EMBEDDED_FILES_TABLE}`);
    return written;
  } finally {
    db.close();
  }
}
