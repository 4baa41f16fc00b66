// The state of one merge of an exchange file, and the writes it makes: rows put with the clocks they
// came with (capture off), or as new changes of this copy (capture on: fresh clocks that then reach
// the other copies), the history of every change, and the values that lost.
import type Database from 'better-sqlite3';
import type { Capture } from '../../db/exchange-capture.js';
import { parseClock } from '../../db/exchange-clock.js';
import type { ReplicatedTable } from '../../db/exchange-tables.js';
import { MEMBER_ROLES, roleRank } from '../contract/codes.js';
import type { ExchangeItem, ExchangeItemKind, ExchangeRule, ExchangeSide } from './contract.js';
import type { ExchangeFile } from './file-format.js';
import type { Vector } from './replica.js';
import { RECORD_OF, TABLE_OF, rowLabel, type TableFacts } from './table-facts.js';

export type Values = Record<string, string | number | null>;
export interface LocalClocks {
  row: { hlc: string; alive: boolean } | null;
  fields: Record<string, string>;
}

export interface MergeState {
  sqlite: Database.Database;
  capture: Capture;
  facts: TableFacts;
  file: ExchangeFile;
  exchangeId: string;
  now: string;
  /** What this copy had seen before the merge (all of its own). */
  localSeen: Vector;
  /** What the file's writer had seen. */
  senderSeen: Vector;
  rule: ExchangeRule;
  choices: Record<string, ExchangeSide>;
  items: ExchangeItem[];
  /** The keys of `items`, to ask whether one is there without a scan. */
  itemKeys: Set<string>;
  statements: Map<string, Database.Statement>;
  /** Units by their aliases and short names (built when first needed: one pass, not one per row). */
  aliasIndex?: Map<string, string>;
  aliases: Map<string, string>;
  /** Rows alive in the file (a parent arriving later in the same file is not missing). */
  aliveInFile: Set<string>;
  /** Rows the file says are deleted: a row deleted with its parent follows the parent's fate here. */
  deadInFile: Set<string>;
  /** Rows this merge brought back from a deletion: their own rows in the file come back with them. */
  restored: Set<string>;
  /**
   * Per parent row, what the file's rows that hang from it changed that this copy has not seen: the
   * newest such clock, and whether one of them needs the parent to exist (a reference that does not
   * cascade, such as an agreement's party naming a unit).
   */
  childrenThere: Map<string, { newest: string; inUse: boolean }>;
  touched: { organizations: Set<string>; agreements: Set<string>; allRoles: boolean };
  /** Tables this merge wrote: their foreign keys, and those of the tables naming them, are checked. */
  tables: Set<ReplicatedTable>;
}

export const keyOf = (table: string, id: string) => `${table}\u0000${id}`;

/** A statement prepared once per merge: the merge runs the same few statements for every row. */
export function sql(state: MergeState, text: string): Database.Statement {
  let statement = state.statements.get(text);
  if (!statement) state.statements.set(text, (statement = state.sqlite.prepare(text)));
  return statement;
}

export function isoOfClock(clock: string | undefined): string | undefined {
  return clock ? new Date(parseClock(clock).millis).toISOString() : undefined;
}

export function resolveAlias(state: MergeState, table: string, id: string): string {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const next = state.aliases.get(keyOf(table, current));
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

export function localClocks(state: MergeState, table: ReplicatedTable, id: string): LocalClocks {
  const rows = sql(state, 'SELECT col, hlc, alive FROM sync_clock WHERE tbl = ? AND pk = ?').all(table, id) as { col: string; hlc: string; alive: number }[];
  const own = rows.find((r) => r.col === '');
  return { row: own ? { hlc: own.hlc, alive: own.alive === 1 } : null, fields: Object.fromEntries(rows.filter((r) => r.col !== '').map((r) => [r.col, r.hlc])) };
}

export function localValues(state: MergeState, table: ReplicatedTable, id: string): Values | null {
  const row = sql(state, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Values | undefined;
  if (!row) return null;
  // A loop, not Object.fromEntries over a mapped list: this runs several times for every merged row.
  const values: Values = {};
  for (const column of state.facts.columns[table]) values[column] = row[column] ?? null;
  return values;
}

/** A value for a required column the exchange does not carry; rebuilt after the merge. */
function placeholder(state: MergeState, column: string): string | number {
  if (column === 'role') return 'member';
  if (column === 'role_rank') return roleRank(MEMBER_ROLES.includes('member') ? 'member' : MEMBER_ROLES[0]!);
  if (column.endsWith('_at')) return state.now;
  return '';
}

function setClocks(state: MergeState, table: ReplicatedTable, id: string, row: string, fields: Record<string, string>): void {
  sql(state, 'DELETE FROM sync_clock WHERE tbl = ? AND pk = ?').run(table, id);
  const insert = sql(state, 'INSERT INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (?, ?, ?, ?, 1)');
  insert.run(table, id, '', row);
  for (const [col, hlc] of Object.entries(fields)) insert.run(table, id, col, hlc);
}

/** Inserts a row: with the clocks it came with, or as this copy's own change (fresh clocks). */
export function insertRow(state: MergeState, table: ReplicatedTable, id: string, values: Values, clocks: { c: string; k: Record<string, string> } | 'fresh'): void {
  const columns = state.facts.columns[table].filter((c) => c in values);
  const extra = state.facts.required[table];
  const names = ['id', ...columns, ...extra];
  const params = [id, ...columns.map((c) => values[c] ?? null), ...extra.map((c) => placeholder(state, c))];
  const insert = sql(state, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  if (clocks === 'fresh') insert.run(...params);
  else {
    state.capture.withoutCapture(() => insert.run(...params));
    setClocks(state, table, id, clocks.c, Object.fromEntries(Object.entries(clocks.k).filter(([c]) => columns.includes(c))));
  }
  touch(state, table, id, values);
}

/** Sets fields: those with a clock as received, those marked 'fresh' as this copy's own change. */
export function updateFields(state: MergeState, table: ReplicatedTable, id: string, changes: Values, clocks: Record<string, string | 'fresh'>, known?: Values): void {
  const received = Object.keys(changes).filter((c) => clocks[c] !== 'fresh');
  const fresh = Object.keys(changes).filter((c) => clocks[c] === 'fresh');
  const run = (columns: string[]) => sql(state, `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => changes[c] ?? null), id);
  if (received.length > 0) {
    state.capture.withoutCapture(() => run(received));
    for (const c of received) setFieldClock(state, table, id, c, clocks[c]!);
  }
  if (fresh.length > 0) run(fresh);
  touch(state, table, id, { ...(known ?? localValues(state, table, id)), ...changes }, Object.keys(changes));
}

export function setFieldClock(state: MergeState, table: ReplicatedTable, id: string, col: string, hlc: string): void {
  sql(state, 'INSERT OR REPLACE INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (?, ?, ?, ?, 1)').run(table, id, col, hlc);
}

/** A field's clock made this copy's own now: the choice made here then reaches the other copies. */
export function freshFieldClock(state: MergeState, table: ReplicatedTable, id: string, col: string): void {
  setFieldClock(state, table, id, col, state.capture.clock.next());
}

export function writeTombstone(state: MergeState, table: ReplicatedTable, id: string, hlc: string): void {
  sql(state, 'DELETE FROM sync_clock WHERE tbl = ? AND pk = ?').run(table, id);
  sql(state, 'INSERT INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (?, ?, \'\', ?, 0)').run(table, id, hlc);
}

/** Deletes a row (its cascade goes with it, each captured as this copy's deletion); its own tombstone as received. */
export function deleteRow(state: MergeState, table: ReplicatedTable, id: string, tombstone: string | 'fresh'): void {
  const before = localValues(state, table, id);
  if (before) touch(state, table, id, before);
  sql(state, `DELETE FROM ${table} WHERE id = ?`).run(id);
  if (tombstone !== 'fresh') writeTombstone(state, table, id, tombstone);
}

/** What a member's derived columns are built from (its search text, sort keys and role). */
const MEMBER_DERIVED_FROM = ['name', 'short_name', 'aliases', 'former_names', 'uscc', 'pinyin_override'];

function touch(state: MergeState, table: ReplicatedTable, id: string, values: Values, columns?: string[]): void {
  // Only rows made, removed or re-pointed can break a reference: an edit of plain fields cannot.
  if (!columns || state.facts.foreignKeys.some((fk) => fk.table === table && columns.includes(fk.column))) state.tables?.add(table);
  if (table === 'organizations' && (!columns || columns.some((c) => MEMBER_DERIVED_FROM.includes(c)))) state.touched.organizations.add(id);
  if (table === 'agreements' && (!columns || columns.some((c) => ['number', 'title', 'summary', 'tags'].includes(c)))) state.touched.agreements.add(id);
  if (table === 'agreement_parties' && typeof values.agreement_id === 'string') state.touched.agreements.add(values.agreement_id);
  if (table === 'council_terms') state.touched.allRoles = true;
  if ((table === 'contacts' || table === 'term_seats') && typeof values.organization_id === 'string') state.touched.organizations.add(values.organization_id);
}

/** The change in the history, marked as a merge (not offered for the history's own restore). */
export function logChange(state: MergeState, table: ReplicatedTable, id: string, action: 'create' | 'update' | 'delete', before: Values | null, after: Values | null): void {
  const [entity, idColumn] = RECORD_OF[table];
  const recordId = idColumn === 'id' ? id : String((after ?? before)?.[idColumn] ?? id);
  const mark = { exchange: { from: state.file.header.replica, label: state.file.header.label, table } };
  sql(state, 'INSERT INTO change_log (at, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(state.now, entity, recordId, action, before ? JSON.stringify({ ...before, ...mark }) : null, after ? JSON.stringify({ ...after, ...mark }) : null);
}

export function keepLoser(state: MergeState, table: ReplicatedTable, id: string, col: string, value: unknown, hlc: string): void {
  sql(state, 'INSERT INTO sync_losers (at, exchange_id, tbl, pk, col, value, hlc, replica) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(state.now, state.exchangeId, table, id, col, JSON.stringify(value ?? null), hlc, hlc.slice(22));
}

/** The record an item is about, with the words the clerk knows it by. */
export function recordOf(state: MergeState, table: ReplicatedTable, id: string, values: Values | null): ExchangeItem['record'] {
  const [entity, idColumn] = RECORD_OF[table];
  const recordId = idColumn === 'id' ? id : String(values?.[idColumn] ?? id);
  const own = TABLE_OF[entity];
  const ownValues = own === table && recordId === id ? values : localValues(state, own, recordId);
  const label = ownValues ? rowLabel(own, ownValues) : values ? rowLabel(table, values) : '';
  // A contact is known by its unit: 吉林大学 · 王老师.
  const unit = table === 'contacts' && typeof values?.organization_id === 'string' ? localValues(state, 'organizations', values.organization_id) : null;
  return { entity, id: recordId, label: unit ? `${String(unit.name)} · ${label}` : label };
}

export function addItem(state: MergeState, item: Omit<ExchangeItem, 'record'> & { record?: ExchangeItem['record'] }, values: Values | null): void {
  state.itemKeys.add(item.key);
  state.items.push({ ...item, record: item.record ?? recordOf(state, item.table as ReplicatedTable, item.rowId, values) } as ExchangeItem);
}

export type { ExchangeItemKind };
