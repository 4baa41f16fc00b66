// Every value a file brings is checked against the field model of its table before it is written:
// the same rules the forms and the import apply (codes, dates, lengths, required fields), so a
// hand-made or damaged file cannot put into the register what the app would never have written.
import { Column, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema.js';
import type { ReplicatedTable } from '../../db/exchange-tables.js';
import { AppError } from '../contract/errors.js';
import { modelOf, type BoundModel } from '../records/model.js';
import type { Fields } from '../contract/fields.js';

let models: Map<string, BoundModel<Fields>> | null = null;

function modelOfTable(table: ReplicatedTable): BoundModel<Fields> | undefined {
  if (!models) {
    models = new Map();
    for (const value of Object.values(schema)) {
      if (!is(value, SQLiteTable)) continue;
      const model = modelOf(value);
      if (model) models.set(getTableName(value), model);
    }
  }
  return models.get(table);
}

/** The ids the app gives: UUIDs. */
export const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuse(table: string, id: string, field: string, reason: string): AppError {
  const where = `${table}.${field} (${id.slice(0, 36)})`;
  return new AppError('EXCHANGE_FILE', `The exchange file holds a value this app cannot take: ${where}: ${reason}`, { key: 'errors.exchangeInvalid', params: { where } });
}

/** Throws EXCHANGE_FILE naming the table, field and record when a value breaks its field's rules. */
export function checkRow(table: ReplicatedTable, id: string, values: Record<string, unknown>, columns: readonly string[]): void {
  if (!RECORD_ID.test(id)) throw refuse(table, id, 'id', 'not a record id');
  const model = modelOfTable(table);
  if (!model) return;
  for (const { key, name, column } of model.columns) {
    if (!columns.includes(name) || !(name in values)) continue;
    const raw = values[name];
    let value: unknown = raw;
    if (raw !== null && column.mapFromDriverValue !== Column.prototype.mapFromDriverValue) {
      try {
        value = column.mapFromDriverValue(raw);
      } catch {
        throw refuse(table, id, name, 'not readable');
      }
    }
    const spec = model.fields[key];
    if (!spec) continue;
    if (spec.kind === 'ref' && typeof value === 'string' && !RECORD_ID.test(value)) throw refuse(table, id, name, 'not a record id');
    const checked = spec.schema.safeParse(value);
    if (!checked.success) throw refuse(table, id, name, checked.error.issues[0]?.message ?? 'invalid');
  }
}
