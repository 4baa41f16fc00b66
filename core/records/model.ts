// A field model bound to its table: which column holds each field, which columns the app derives
// (sort keys, search text), and the row mapping both ways. Binding refuses a table column that no
// field or derived column accounts for, so a column added to the schema but not to its model fails
// at start-up and in tests, instead of being dropped silently by an import, a restore or an undo.
import type Database from 'better-sqlite3';
import { Column, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { shownKeys, type Fields, type RecordOf, type StoredOf } from '../contract/fields.js';

/** Every column's value of a row: the stored fields and the derived columns. */
type StoredRow<F extends Fields, D extends string> = StoredOf<F> & Record<D, unknown>;

export interface BoundModel<F extends Fields, D extends string = string> {
  /** The entity's name in the change log. */
  entity: string;
  table: SQLiteTable;
  fields: F;
  /** Columns computed from the record on every write, never set by a caller. */
  derived: readonly D[];
  /** Every column, in the table's order: its field (or derived) name and its SQL name. */
  columns: readonly { key: string; name: string; column: Column }[];
  /** A row as drizzle's select() returns it, as the API shows it. */
  toRecord(row: Record<string, unknown>): RecordOf<F>;
  /**
   * A prepared INSERT of every column, for bulk writes (imports, generated data). A column's value
   * comes from `overlay` when it has the key (derived columns, timestamps), else from the row.
   */
  insertStatement(sqlite: Database.Database): <O extends Partial<StoredRow<F, D>> = Record<never, never>>(row: Omit<StoredRow<F, D>, keyof O>, overlay?: O) => void;
  /**
   * A prepared UPDATE of every column but the id and those in `keep` (creation time, sample flag):
   * a field added to the model must be given, never dropped by a hand-written column list.
   */
  updateStatement(sqlite: Database.Database, keep?: readonly string[]): (id: string, row: Record<string, unknown>) => void;
}

/** Columns an update leaves as they are unless told otherwise. */
const KEPT_ON_UPDATE = ['id', 'createdAt', 'isSample'] as const;

const binding = new Map<SQLiteTable, BoundModel<Fields>>();

export function bindModel<F extends Fields, const D extends string = never>(entity: string, table: SQLiteTable, fields: F, derived: readonly D[] = []): BoundModel<F, D> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name, column: column as Column }));
  const accounted = new Set<string>([...Object.keys(fields), ...derived]);
  const unknown = columns.filter((c) => !accounted.has(c.key)).map((c) => c.name);
  if (unknown.length) throw new Error(`${entity}: columns without a field in its model: ${unknown.join(', ')}`);
  const keys = new Set(columns.map((c) => c.key));
  const missing = [...accounted].filter((k) => !keys.has(k));
  if (missing.length) throw new Error(`${entity}: fields without a column: ${missing.join(', ')}`);
  const shown = shownKeys(fields) as string[];
  const model: BoundModel<F, D> = {
    entity,
    table,
    fields,
    derived,
    columns,
    toRecord: (row) => Object.fromEntries(shown.map((k) => [k, row[k] ?? null])) as RecordOf<F>,
    insertStatement(sqlite) {
      const statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const keys = columns.map((c) => c.key);
      // Only columns whose driver value differs from the field's (JSON, booleans) are mapped.
      const mappers = columns.map(({ column }) => (column.mapToDriverValue === Column.prototype.mapToDriverValue ? null : column));
      // One array reused for every row: SQLite copies the values when it binds them. Imports write
      // tens of thousands of rows through here, and allocations cost more on the heap they fill.
      const values: unknown[] = new Array(keys.length);
      return (row: object, overlay?: Record<string, unknown>) => {
        const record = row as Record<string, unknown>;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const value = overlay !== undefined && key in overlay ? overlay[key] : record[key];
          if (value === undefined) throw new Error(`${entity}: no value for ${key}`);
          values[i] = value === null || !mappers[i] ? value : mappers[i]!.mapToDriverValue(value);
        }
        // Spread, not the array: better-sqlite3 binds separate arguments about a third faster.
        statement.run(...values);
      };
    },
    updateStatement(sqlite, keep = KEPT_ON_UPDATE) {
      const set = columns.filter((c) => c.key !== 'id' && !keep.includes(c.key));
      const id = columns.find((c) => c.key === 'id');
      if (!id) throw new Error(`${entity}: no id column to update by`);
      const statement = sqlite.prepare(`UPDATE "${getTableName(table)}" SET ${set.map((c) => `"${c.name}" = ?`).join(', ')} WHERE "${id.name}" = ?`);
      return (key, row) => {
        const values = set.map(({ key: field, column }) => {
          const value = row[field];
          if (value === undefined) throw new Error(`${entity}: no value for ${field}`);
          return value === null || column.mapToDriverValue === Column.prototype.mapToDriverValue ? value : column.mapToDriverValue(value);
        });
        statement.run(...values, key);
      };
    },
  };
  binding.set(table, model as unknown as BoundModel<Fields>);
  return model;
}

/** The model bound to a table, if any (a test checks every table has one). */
export function modelOf(table: SQLiteTable): BoundModel<Fields> | undefined {
  return binding.get(table);
}

/**
 * The stored values of a record (a snapshot from the history, an import's "before"): every column's
 * value from `extra` (derived and internal columns) or the record. A field an older snapshot lacks
 * takes its schema's default, so snapshots written before a field existed still restore.
 */
export function rowOf<F extends Fields, D extends string>(model: BoundModel<F, D>, record: object, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(
    model.columns.map(({ key }) => {
      if (key in extra) return [key, extra[key]];
      if (values[key] !== undefined) return [key, values[key]];
      const spec = model.fields[key];
      const fallback = spec?.schema.safeParse(undefined);
      if (!fallback?.success) throw new Error(`${model.entity}: no value for ${key}`);
      return [key, fallback.data ?? null];
    }),
  );
}
