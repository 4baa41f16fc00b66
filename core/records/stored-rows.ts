// Rows that cascade away with a record (a member's seats and status history, a term's seats, changes
// and officers), kept in its deletion's snapshot as stored, and put back when it is restored.
import type { ServiceContext } from '../contract/context.js';

type Row = Record<string, unknown>;
/** Rows by table name, as stored: column names and values. */
export type StoredRows = Record<string, Row[]>;

/** A table whose rows belong to the record through `owner`; `optional` references are emptied when their record is gone. */
export interface OwnedTable {
  table: string;
  owner: string;
  optional?: Readonly<Record<string, string>>;
}

const SAFE_NAME = /^[a-z_]{1,40}$/;

/** Each table's rows owned by `id`; null when there are none. */
export function readStoredRows(ctx: ServiceContext, tables: readonly OwnedTable[], id: string): StoredRows | null {
  const rows: StoredRows = {};
  for (const { table, owner } of tables) {
    const found = ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE ${owner} = ?`).all(id) as Row[];
    if (found.length > 0) rows[table] = found;
  }
  return Object.keys(rows).length > 0 ? rows : null;
}

/**
 * Puts back the rows of `id`, table by table in the order given (parents first), into those tables
 * only, and only rows owned by `id` (a snapshot never writes another record's rows). Optional references
 * to records gone meanwhile are emptied; columns a table no longer has are dropped. A row whose required
 * reference is gone stays out and is counted in `left`; the caller decides whether that is acceptable.
 */
export function putBackStoredRows(ctx: ServiceContext, rows: StoredRows, tables: readonly OwnedTable[], id: string): { written: Record<string, number>; left: number } {
  const written: Record<string, number> = {};
  let left = 0;
  for (const { table, owner, optional = {} } of tables) {
    written[table] = 0;
    const columns = new Set((ctx.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));
    for (const stored of rows[table] ?? []) {
      if (!stored || typeof stored !== 'object' || stored[owner] !== id) continue;
      const row: Row = { ...stored };
      for (const [column, parent] of Object.entries(optional)) {
        if (typeof row[column] === 'string' && !ctx.sqlite.prepare(`SELECT 1 FROM ${parent} WHERE id = ?`).get(row[column])) row[column] = null;
      }
      const names = Object.keys(row).filter((name) => columns.has(name) && SAFE_NAME.test(name));
      const insert = ctx.sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`);
      try {
        written[table] += insert.run(Object.fromEntries(names.map((n) => [n, row[n]]))).changes;
      } catch (error) {
        // A required reference gone meanwhile, or the row's id taken again: this row stays out.
        const code = (error as { code?: string }).code;
        if (code !== 'SQLITE_CONSTRAINT_FOREIGNKEY' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
        left++;
      }
    }
  }
  return { written, left };
}
