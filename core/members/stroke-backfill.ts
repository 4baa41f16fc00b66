// Members written before the 笔画 order existed have an empty stroke key; the app fills them once,
// when it opens the file (migrations can add the column but cannot compute the key).
import type Database from 'better-sqlite3';
import { strokeSortKey } from '../text/strokes.js';

export function fillStrokeKeys(sqlite: Database.Database): number {
  if (sqlite.readonly) return 0; // a read-only file is read as it is; it sorts by strokes once writable
  const rows = sqlite.prepare(`SELECT id, name FROM organizations WHERE stroke_key = ''`).all() as { id: string; name: string }[];
  if (rows.length === 0) return 0;
  const update = sqlite.prepare(`UPDATE organizations SET stroke_key = ? WHERE id = ?`);
  sqlite.transaction(() => {
    for (const row of rows) update.run(strokeSortKey(row.name), row.id);
  })();
  return rows.length;
}
