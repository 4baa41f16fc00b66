// Rows that cascade away with a record (a member's seats and status history, a term's seats, changes
// and officers), kept in its deletion's snapshot as stored, and put back when it is restored.
import type { ServiceContext } from '../contract/context.js';

type Row = Record<string, unknown>;
/** Rows by table name, as stored: column names and values. */
export type StoredRows = Record<string, Row[]>;

const SAFE_NAME = /^[a-z_]{1,40}$/;
/** Optional references to records that may be gone by the restore: kept empty rather than lose the row. */
const OPTIONAL_REFERENCES: Record<string, string> = { event_id: 'events', elected_event_id: 'events' };

/** Each table's rows whose `column` is `id`; null when there are none. */
export function readStoredRows(ctx: ServiceContext, selections: readonly (readonly [table: string, column: string])[], id: string): StoredRows | null {
  const rows: StoredRows = {};
  for (const [table, column] of selections) {
    const found = ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(id) as Row[];
    if (found.length > 0) rows[table] = found;
  }
  return Object.keys(rows).length > 0 ? rows : null;
}

/**
 * Puts rows back, in the order of `tables` (parents first), into the tables named there only. A row
 * whose required reference is gone meanwhile (a deleted term, a deleted member) stays out; a row whose
 * id is taken again is left as it is; columns a table no longer has are dropped. Returns the number of
 * rows put back per table.
 */
export function putBackStoredRows(ctx: ServiceContext, rows: StoredRows, tables: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = 0;
    const columns = new Set((ctx.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));
    for (const stored of rows[table] ?? []) {
      if (!stored || typeof stored !== 'object') continue;
      const row: Row = { ...stored };
      for (const [column, parent] of Object.entries(OPTIONAL_REFERENCES)) {
        if (typeof row[column] === 'string' && !ctx.sqlite.prepare(`SELECT 1 FROM ${parent} WHERE id = ?`).get(row[column])) row[column] = null;
      }
      const names = Object.keys(row).filter((name) => columns.has(name) && SAFE_NAME.test(name));
      const insert = ctx.sqlite.prepare(`INSERT OR IGNORE INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`);
      try {
        counts[table] += insert.run(Object.fromEntries(names.map((n) => [n, row[n]]))).changes;
      } catch (error) {
        // A required reference gone meanwhile: the row stays out, the rest comes back.
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      }
    }
  }
  return counts;
}
