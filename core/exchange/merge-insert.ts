// A row the file brings that this copy does not have: checked against what it hangs from (a unit
// deleted here), against the same thing made here with another id (merged into the smaller id), and
// against a number given here too (the later-made one renumbered), then inserted.
import type { ReplicatedTable } from '../../db/exchange-tables.js';
import { AppError } from '../contract/errors.js';
import { checkRow } from './row-check.js';
import type { ExchangeRow } from './file-format.js';
import { addItem, deleteRow, insertRow, keepLoser, keyOf, localClocks, localValues, logChange, recordOf, sql, updateFields, writeTombstone, type MergeState, type Values } from './merge-state.js';
import { NUMBERED, RECORD_OF, SAME_THING, isEmptyValue, parseList, rowLabel } from './table-facts.js';

export function insertIncoming(state: MergeState, row: ExchangeRow, mode: 'new' | 'restore', fresh = false): void {
  const table = row.t;
  checkRow(table, row.id, row.v ?? {}, state.facts.columns[table]);
  const values: Values = { ...(row.v ?? {}) };
  if (!hangsOnSomething(state, row, values)) return;
  const same = sameThingHere(state, table, row.id, values);
  if (same) return mergeDuplicate(state, row, values, same);
  if (NUMBERED.includes(table) && typeof values.number === 'string') renumberClash(state, row, values);
  const wasDeleted = localClocks(state, table, row.id).row?.alive === false;
  insertRow(state, table, row.id, values, mode === 'restore' && fresh ? 'fresh' : { c: row.c, k: row.k });
  // Back from a deletion here: the rows deleted with it come back from the file too.
  if (wasDeleted) state.restored.add(keyOf(table, row.id));
  if (values.number !== row.v?.number) sql(state, 'INSERT OR REPLACE INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (?, ?, ?, ?, 1)').run(table, row.id, 'number', state.capture.clock.next());
  // A new record is one item; the rows it holds (a unit's status history, a term's seats) come with it.
  if (mode === 'new' && RECORD_OF[table][1] === 'id') addItem(state, { key: `${table}:${row.id}`, kind: 'new', table, rowId: row.id, theirs: values }, values);
  logChange(state, table, row.id, 'create', null, values);
}

/** False when a unit (event, agreement …) the row needs is gone here: the row stays out, kept as lost. */
function hangsOnSomething(state: MergeState, row: ExchangeRow, values: Values): boolean {
  for (const fk of state.facts.foreignKeys) {
    const parent = values[fk.column];
    if (fk.table !== row.t || typeof parent !== 'string') continue;
    // A parent of another table was merged before this row (parents first); one of the same table may come later.
    if (localValues(state, fk.parent, parent) || (fk.parent === row.t && state.aliveInFile.has(keyOf(fk.parent, parent)))) continue;
    if (!fk.required) {
      values[fk.column] = null;
      continue;
    }
    const newest = [row.c, ...Object.values(row.k)].reduce((a, b) => (a > b ? a : b));
    keepLoser(state, row.t, row.id, '', row.v, newest);
    writeTombstone(state, row.t, row.id, state.capture.clock.next());
    const key = `${fk.parent}:${parent}:~`;
    if (!state.itemKeys.has(key)) {
      addItem(state, { key, kind: 'deleteEdit', table: fk.parent, rowId: parent, deletedBy: 'mine', chosen: 'mine', record: { ...recordOf(state, row.t, row.id, values) } }, values);
    }
    return false;
  }
  return true;
}

function sameThingHere(state: MergeState, table: ReplicatedTable, id: string, values: Values): string | null {
  const queries = SAME_THING[table]?.(values) ?? [];
  for (const { sql: text, params } of queries) {
    const found = (sql(state, `${text} LIMIT 5`).pluck().all(...params) as string[]).find((other) => other !== id);
    if (found) return found;
  }
  return table === 'organizations' ? sameByAlias(state, id, values) : null;
}

/** A unit whose alias or short name is the incoming unit's name, or whose name is one of its aliases (codes not differing). */
function sameByAlias(state: MergeState, id: string, values: Values): string | null {
  if (!state.aliasIndex) {
    state.aliasIndex = new Map();
    for (const unit of sql(state, 'SELECT id, name, short_name AS shortName, aliases FROM organizations').all() as { id: string; name: string; shortName: string | null; aliases: string }[]) {
      for (const alias of [...parseList(unit.aliases), unit.shortName]) if (alias && alias !== unit.name && !state.aliasIndex.has(alias)) state.aliasIndex.set(alias, unit.id);
    }
  }
  const candidates = [state.aliasIndex.get(String(values.name))];
  for (const alias of parseList(values.aliases).slice(0, 20)) candidates.push(sql(state, "SELECT id FROM organizations WHERE name = ? AND status NOT IN ('withdrawn', 'expelled')").pluck().get(alias) as string | undefined);
  for (const other of candidates) {
    if (!other || other === id) continue;
    const code = sql(state, 'SELECT uscc FROM organizations WHERE id = ?').pluck().get(other) as string | null;
    if (!code || !values.uscc || code === values.uscc) return other;
  }
  return null;
}

/**
 * The same thing made on both sides: one row, under the smaller id (so every copy keeps the same
 * one), with each side's empty fields filled from the other and everything that hung from the other
 * moved over. The other id becomes an alias that travels with the exchange files.
 */
function mergeDuplicate(state: MergeState, row: ExchangeRow, values: Values, otherId: string): void {
  const table = row.t;
  const other = localValues(state, table, otherId)!;
  const keepOther = otherId < row.id;
  const [survivor, merged] = keepOther ? [otherId, row.id] : [row.id, otherId];
  if (!keepOther) {
    moveChildren(state, table, merged, survivor);
    deleteRow(state, table, merged, 'fresh');
    insertRow(state, table, survivor, values, { c: row.c, k: row.k });
  }
  // The merged-away id leaves no tombstone: a file naming it is mapped through the alias instead.
  sql(state, 'DELETE FROM sync_clock WHERE tbl = ? AND pk = ?').run(table, merged);
  sql(state, 'INSERT OR REPLACE INTO sync_aliases (tbl, from_pk, to_pk, hlc) VALUES (?, ?, ?, ?)').run(table, merged, survivor, state.capture.clock.next());
  state.aliases.set(keyOf(table, merged), survivor);
  const kept = keepOther ? other : values;
  const from = keepOther ? values : other;
  const fill: Values = {};
  for (const col of state.facts.columns[table]) {
    if (isEmptyValue(kept[col]) && !isEmptyValue(from[col])) fill[col] = from[col] ?? null;
    // Both sides filled it differently (two credit codes typed for one unit): the other is kept, restorable.
    else if (!isEmptyValue(from[col]) && from[col] !== kept[col] && col !== 'created_at' && col !== 'is_sample') keepLoser(state, table, survivor, col, from[col], state.capture.clock.next());
  }
  if (Object.keys(fill).length > 0) updateFields(state, table, survivor, fill, Object.fromEntries(Object.keys(fill).map((c) => [c, 'fresh'])));
  addItem(state, { key: `${table}:${row.id}:=`, kind: 'duplicate', table, rowId: survivor, mine: other, theirs: values, proposal: rowLabel(table, { ...kept, ...fill }) }, { ...kept, ...fill });
  logChange(state, table, survivor, 'update', kept, { ...kept, ...fill });
}

/**
 * Rows naming `from` made to name `to`, keeping their clocks: every copy that learns of the merge
 * moves them alike, so the move is not a change of anyone's (it would look like an edit made after
 * a deletion of the unit, and bring it back).
 */
function moveChildren(state: MergeState, table: ReplicatedTable, from: string, to: string): void {
  state.capture.withoutCapture(() => {
    for (const fk of state.facts.foreignKeys) if (fk.parent === table) sql(state, `UPDATE ${fk.table} SET ${fk.column} = ? WHERE ${fk.column} = ?`).run(to, from);
  });
  if (table === 'organizations') {
    state.touched.organizations.add(to);
    // One unit holds one open seat per term: the two copies' seats of the same membership become one
    // (the smaller id kept, on every copy alike).
    const extra = sql(state, 'SELECT s.id FROM term_seats s WHERE s.organization_id = ? AND s.to_date IS NULL AND EXISTS (SELECT 1 FROM term_seats k WHERE k.organization_id = s.organization_id AND k.term_id = s.term_id AND k.to_date IS NULL AND k.id < s.id)').pluck().all(to) as string[];
    for (const seat of extra) sql(state, 'DELETE FROM term_seats WHERE id = ?').run(seat);
  }
}

/**
 * An alias the file brings (another copy merged `from` into `to`) applied to this copy's own row
 * `from`: merged into `to` when this copy has it, else re-keyed as `to` with its values and clocks,
 * so that what the file says of `to` (changes, or its deletion) meets it here.
 */
export function adoptAlias(state: MergeState, table: ReplicatedTable, from: string, to: string, mergedAt: string): void {
  const values = localValues(state, table, from);
  if (!values || from === to) return;
  const target = localValues(state, table, to);
  // Two rows this copy has are merged only when they are the same thing here too (an alias naming an
  // unrelated unit is not one this app made).
  if (target && SAME_THING[table] && sameThingHere(state, table, from, values) !== to) {
    throw new AppError('EXCHANGE_FILE', `The exchange file merges two different records (${table}).`, { key: 'errors.exchangeInvalid', params: { where: `${table} ${from.slice(0, 8)} → ${to.slice(0, 8)}` } });
  }
  const gone = localClocks(state, table, to).row;
  if (!target && gone && !gone.alive && gone.hlc > mergedAt) {
    // The unit was deleted after the merge, by someone who knew of it: this copy's record of it goes too.
    deleteRow(state, table, from, 'fresh');
    sql(state, 'DELETE FROM sync_clock WHERE tbl = ? AND pk = ?').run(table, from);
    return;
  }
  const clocks = sql(state, 'SELECT col, hlc, alive FROM sync_clock WHERE tbl = ? AND pk = ?').all(table, from) as { col: string; hlc: string; alive: number }[];
  moveChildren(state, table, from, to);
  state.capture.withoutCapture(() => sql(state, `DELETE FROM ${table} WHERE id = ?`).run(from));
  sql(state, 'DELETE FROM sync_clock WHERE tbl = ? AND pk = ?').run(table, from);
  if (target) {
    const fill: Values = {};
    for (const col of state.facts.columns[table]) if (isEmptyValue(target[col]) && !isEmptyValue(values[col])) fill[col] = values[col] ?? null;
    if (Object.keys(fill).length > 0) updateFields(state, table, to, fill, Object.fromEntries(Object.keys(fill).map((c) => [c, 'fresh'])));
  } else {
    const own = clocks.find((c) => c.col === '');
    insertRow(state, table, to, values, { c: own?.hlc ?? state.capture.clock.next(), k: Object.fromEntries(clocks.filter((c) => c.col !== '').map((c) => [c.col, c.hlc])) });
  }
  // Shown and logged as the merge of a duplicate it is (found on the other copy).
  const now = localValues(state, table, to);
  addItem(state, { key: `${table}:${from}:=`, kind: 'duplicate', table, rowId: to, mine: values, theirs: target, proposal: now ? rowLabel(table, now) : '' }, now);
  logChange(state, table, to, 'update', values, now);
}

/** The number after the highest of its series (2026-校企-007 → 2026-校企-012 when 011 is the highest). */
export function nextFreeNumber(state: MergeState, table: ReplicatedTable, number: string): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(number);
  const taken = (n: string) => Boolean(sql(state, `SELECT 1 FROM ${table} WHERE number = ?`).get(n));
  if (!match) {
    let n = 2;
    while (taken(`${number}-${n}`)) n++;
    return `${number}-${n}`;
  }
  const [, prefix, digits, suffix] = match as unknown as [string, string, string, string];
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let max = Number(digits);
  for (const other of sql(state, `SELECT number FROM ${table} WHERE number LIKE ? ESCAPE '\\'`).pluck().all(like) as string[]) {
    const seq = other.slice(prefix.length, other.length - suffix.length);
    if (other.endsWith(suffix) && /^\d+$/.test(seq)) max = Math.max(max, Number(seq));
  }
  let next = max + 1;
  while (taken(`${prefix}${String(next).padStart(digits.length, '0')}${suffix}`)) next++;
  return `${prefix}${String(next).padStart(digits.length, '0')}${suffix}`;
}

/**
 * One number given on both sides: the record made later takes the next free number of the series,
 * as a new change of this copy. Returns the number the incoming row is to have.
 */
function settleNumber(state: MergeState, row: ExchangeRow, number: string, incomingValues: Values): string {
  const table = row.t;
  const holder = sql(state, `SELECT id FROM ${table} WHERE number = ? AND id <> ?`).pluck().get(number, row.id) as string | undefined;
  if (!holder) return number;
  const holderMade = localClocks(state, table, holder).row?.hlc ?? '';
  const incomingLater = row.c > holderMade || (row.c === holderMade && row.id > holder);
  const next = nextFreeNumber(state, table, number);
  const renumbered = incomingLater ? row.id : holder;
  const values = incomingLater ? incomingValues : localValues(state, table, holder)!;
  const record = recordOf(state, table, renumbered, values);
  addItem(state, { key: `${table}:${renumbered}:#`, kind: 'numbering', table, rowId: renumbered, mine: number, theirs: number, proposal: next, record: { ...record, label: rowLabel(table, { ...values, number }) } }, values);
  if (incomingLater) return next;
  updateFields(state, table, holder, { number: next }, { number: 'fresh' });
  return number;
}

function renumberClash(state: MergeState, row: ExchangeRow, values: Values): void {
  values.number = settleNumber(state, row, String(values.number), values);
}

/** A number changed there (a draft signed and numbered) that this copy gave another record meanwhile. */
export function renumberOnUpdate(state: MergeState, row: ExchangeRow, taken: Values, clocks: Record<string, string | 'fresh'>): void {
  if (!NUMBERED.includes(row.t)) return;
  const number = settleNumber(state, row, String(taken.number), { ...localValues(state, row.t, row.id), ...taken });
  if (number !== taken.number) {
    taken.number = number;
    clocks.number = 'fresh';
  }
}
