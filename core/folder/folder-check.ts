// The full check the clerk (or `check`) asks for: SQLite's integrity_check, then every attachment's
// file read back and compared with its hash, naming the records whose scans are missing or changed.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { runCheck } from '../../db/integrity.js';
import { hashPath, sha256Of } from './backup-files.js';
import type { CheckReport, MissingFile } from './contract.js';

interface AttachmentRow {
  id: string;
  fileName: string;
  ownerType: 'agreement' | 'event';
  ownerId: string;
  sha256: string;
  owner: string | null;
}

export function checkFolder(sqlite: Database.Database, attachmentsDir: string): CheckReport {
  const started = performance.now();
  const verdict = runCheck(sqlite, 'integrity_check');
  const rows = sqlite
    .prepare(
      `SELECT t.id, t.file_name AS fileName, t.owner_type AS ownerType, t.owner_id AS ownerId, t.sha256,
              COALESCE(a.number || ' ' || a.title, e.title) AS owner
         FROM attachments t
         LEFT JOIN agreements a ON t.owner_type = 'agreement' AND a.id = t.owner_id
         LEFT JOIN events e ON t.owner_type = 'event' AND e.id = t.owner_id
        ORDER BY t.created_at`,
    )
    .all() as AttachmentRow[];
  // Each file once, however many records share it.
  const problems = new Map<string, MissingFile['problem'] | null>();
  const missingFiles: MissingFile[] = [];
  for (const row of rows) {
    if (!problems.has(row.sha256)) problems.set(row.sha256, problemOf(attachmentsDir, row.sha256));
    const problem = problems.get(row.sha256);
    if (problem) missingFiles.push({ attachmentId: row.id, fileName: row.fileName, ownerType: row.ownerType, ownerId: row.ownerId, owner: row.owner ?? '', problem });
  }
  return { ok: verdict.ok && missingFiles.length === 0, reason: verdict.reason, milliseconds: performance.now() - started, attachmentsChecked: rows.length, missingFiles };
}

function problemOf(attachmentsDir: string, sha256: string): MissingFile['problem'] | null {
  let file: string;
  try {
    file = hashPath(attachmentsDir, sha256);
  } catch {
    return 'missing';
  }
  if (!fs.existsSync(file)) return 'missing';
  return sha256Of(file) === sha256 ? null : 'hashMismatch';
}
