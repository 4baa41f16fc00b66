// How one row of an exchange file meets this copy's row (see docs/exchange.md). A change the other
// side had seen before making its own is simply later; two changes neither side had seen of the
// other are a conflict, resolved by the clerk's choice or the rule; a deletion against a change is
// always shown. Every decision depends only on the two rows and their clocks, so every copy that
// merges the same changes with the rule `newer` decides the same way.
import type { ReplicatedTable } from '../../db/exchange-tables.js';
import type { ExchangeSide } from './contract.js';
import type { ExchangeRow } from './file-format.js';
import { insertIncoming, renumberOnUpdate } from './merge-insert.js';
import { checkRow } from './row-check.js';
import {
  addItem,
  deleteRow,
  freshFieldClock,
  isoOfClock,
  keepLoser,
  keyOf,
  localClocks,
  localValues,
  logChange,
  setFieldClock,
  updateFields,
  writeTombstone,
  type LocalClocks,
  type MergeState,
  type Values,
  sql,
} from './merge-state.js';
import { isSeen } from './replica.js';

/** The side a conflict goes to, and whether the choice is this copy's own new change (a fresh clock). */
export function chooseSide(state: MergeState, key: string, theirsClock: string, mineClock: string): { side: ExchangeSide; fresh: boolean } {
  const chosen = state.choices[key];
  if (chosen) return { side: chosen, fresh: true };
  if (state.rule === 'newer') return { side: theirsClock > mineClock ? 'theirs' : 'mine', fresh: false };
  return { side: state.rule, fresh: true };
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const rowClocks = (row: ExchangeRow) => [row.c, ...Object.values(row.k)];
const newestOf = (clocks: string[]) => clocks.reduce((a, b) => (a > b ? a : b));

export function mergeAliveRow(state: MergeState, row: ExchangeRow): void {
  const table = row.t;
  const local = localValues(state, table, row.id);
  const clocks = localClocks(state, table, row.id);
  if (local) return mergeBothAlive(state, row, local, clocks);
  if (!clocks.row || clocks.row.alive) return void insertIncoming(state, row, 'new');
  // Its parent came back in this merge: so does it, as its parent did (deleted here with it).
  if (cascadeParents(state, row.t, row.v).some((parent) => state.restored.has(parent))) return void insertIncoming(state, row, 'restore');
  const own = rowClocks(row).filter((c) => !isSeen(state.localSeen, c));
  const there = state.childrenThere.get(keyOf(table, row.id));
  if (own.length === 0 && !there) return;
  const key = `${table}:${row.id}:~`;
  const theirsClock = newestOf([...own, ...(there ? [there.newest] : [])]);
  const item = { key, kind: 'deleteEdit' as const, table, rowId: row.id, deletedBy: 'mine' as const, theirs: row.v, theirsAt: isoOfClock(theirsClock), mineAt: isoOfClock(clocks.row.hlc), theirsReplica: theirsClock.slice(22), mineReplica: clocks.row.hlc.slice(22) };
  // Records made there still name it (an agreement's party): it comes back, on every copy alike.
  if (there?.inUse) {
    addItem(state, { ...item, chosen: 'theirs' }, row.v);
    return void insertIncoming(state, row, 'restore');
  }
  // Deleted here. If the other side saw the deletion and still changed the record, it brought it back.
  if (isSeen(state.senderSeen, clocks.row.hlc)) return void insertIncoming(state, row, 'new');
  const { side, fresh } = chooseSide(state, key, theirsClock, clocks.row.hlc);
  addItem(state, { ...item, chosen: side }, row.v);
  if (side === 'theirs') {
    // Back, as this copy's own change when the clerk chose it: it then outranks the deletion everywhere.
    insertIncoming(state, row, 'restore', fresh);
  } else {
    keepLoser(state, table, row.id, '', row.v, theirsClock);
    if (fresh) writeTombstone(state, table, row.id, state.capture.clock.next());
  }
}

function mergeBothAlive(state: MergeState, row: ExchangeRow, local: Values, clocks: LocalClocks): void {
  const table = row.t;
  const incoming = row.v ?? {};
  const taken: Values = {};
  const takenClocks: Record<string, string | 'fresh'> = {};
  const ownRow = clocks.row?.hlc ?? '';
  for (const col of state.facts.columns[table]) {
    if (!(col in incoming)) continue;
    const theirsClock = row.k[col] ?? row.c;
    const mineClock = clocks.fields[col] ?? ownRow;
    if (theirsClock === mineClock || isSeen(state.localSeen, theirsClock)) continue;
    if (same(incoming[col], local[col])) {
      if (theirsClock > mineClock) setFieldClock(state, table, row.id, col, theirsClock);
      continue;
    }
    if (isSeen(state.senderSeen, mineClock)) {
      taken[col] = incoming[col] ?? null;
      takenClocks[col] = theirsClock;
      continue;
    }
    const key = `${table}:${row.id}:${col}`;
    const { side, fresh } = chooseSide(state, key, theirsClock, mineClock);
    addItem(state, { key, kind: 'conflict', table, rowId: row.id, field: col, mine: local[col], theirs: incoming[col], mineAt: isoOfClock(mineClock), theirsAt: isoOfClock(theirsClock), mineReplica: mineClock.slice(22), theirsReplica: theirsClock.slice(22), chosen: side }, local);
    if (side === 'theirs') {
      keepLoser(state, table, row.id, col, local[col], mineClock);
      taken[col] = incoming[col] ?? null;
      takenClocks[col] = fresh ? 'fresh' : theirsClock;
    } else {
      keepLoser(state, table, row.id, col, incoming[col], theirsClock);
      if (fresh) freshFieldClock(state, table, row.id, col);
    }
  }
  if (Object.keys(taken).length === 0) return;
  checkRow(table, row.id, taken, Object.keys(taken));
  if (typeof taken.number === 'string') renumberOnUpdate(state, row, taken, takenClocks);
  const plain = Object.keys(taken).filter((c) => !state.itemKeys.has(`${table}:${row.id}:${c}`));
  if (plain.length > 0) addItem(state, { key: `${table}:${row.id}`, kind: 'changed', table, rowId: row.id, field: plain.join(','), mine: pick(local, plain), theirs: pick(taken, plain) }, local);
  updateFields(state, table, row.id, taken, takenClocks, local);
  logChange(state, table, row.id, 'update', pick(local, Object.keys(taken)), taken);
}

function pick(values: Values, columns: string[]): Values {
  return Object.fromEntries(columns.map((c) => [c, values[c] ?? null]));
}

/**
 * A row this copy keeps against a deletion the file brings, made anew as this copy's own change: its
 * fields all date from now, so every copy that took the deletion takes the row back (having seen the
 * deletion, this copy's keeping it is later) instead of each copy deciding on its own.
 */
function keptAgainstDeletion(state: MergeState, table: ReplicatedTable, id: string): void {
  sql(state, "DELETE FROM sync_clock WHERE tbl = ? AND pk = ? AND col <> ''").run(table, id);
  sql(state, "UPDATE sync_clock SET hlc = ?, alive = 1 WHERE tbl = ? AND pk = ? AND col = ''").run(state.capture.clock.next(), table, id);
}

function parentHere(state: MergeState, key: string): boolean {
  const [table, id] = key.split('\u0000') as [ReplicatedTable, string];
  return Boolean(localValues(state, table, id));
}

const unseenOf = (state: MergeState, table: string, id: string) => (sql(state, 'SELECT hlc FROM sync_clock WHERE tbl = ? AND pk = ?').pluck().all(table, id) as string[]).filter((c) => !isSeen(state.senderSeen, c));

/**
 * Clocks the other side had not seen, of the row and of the rows hanging from it (one level: what
 * the other side counts from its file too, so both sides weigh the same changes); and whether a row
 * that does not cascade still names it (then it cannot go).
 */
function changedHere(state: MergeState, table: ReplicatedTable, id: string): { unseen: string[]; inUse: boolean } {
  const unseen = unseenOf(state, table, id);
  let inUse = false;
  for (const fk of state.facts.foreignKeys) {
    if (fk.parent !== table || !fk.required) continue;
    const children = sql(state, `SELECT id FROM ${fk.table} WHERE ${fk.column} = ?`).pluck().all(id) as string[];
    if (!fk.cascade && children.length > 0) inUse = true;
    for (const child of children) unseen.push(...unseenOf(state, fk.table, child));
  }
  return { unseen, inUse };
}

/** The rows a row cascades from (a contact's unit), as keys. */
function cascadeParents(state: MergeState, table: ReplicatedTable, values: Values | null): string[] {
  return state.facts.foreignKeys.filter((fk) => fk.table === table && fk.cascade && typeof values?.[fk.column] === 'string').map((fk) => keyOf(fk.parent, values![fk.column] as string));
}

export function mergeDeadRow(state: MergeState, row: ExchangeRow): void {
  const table = row.t;
  const local = localValues(state, table, row.id);
  // Deleted there with its parent, and the parent is kept here: it stays with it.
  if (local && cascadeParents(state, table, local).some((parent) => state.deadInFile.has(parent) && parentHere(state, parent))) return keptAgainstDeletion(state, table, row.id);
  if (!local) {
    const clocks = localClocks(state, table, row.id);
    if (!clocks.row || (!clocks.row.alive && row.c > clocks.row.hlc) || clocks.row.alive) writeTombstone(state, table, row.id, row.c);
    return;
  }
  if (isSeen(state.localSeen, row.c)) return;
  // A record deleted before it was found to be the same unit as another: the unit lives on in the other.
  const mergedAt = sql(state, 'SELECT max(hlc) FROM sync_aliases WHERE tbl = ? AND to_pk = ?').pluck().get(table, row.id) as string | null;
  if (mergedAt && row.c < mergedAt) return keptAgainstDeletion(state, table, row.id);
  const { unseen, inUse } = changedHere(state, table, row.id);
  if (inUse) {
    // Still named by records here (an agreement's party): it stays, on every copy alike.
    const mineClock = unseen.length > 0 ? newestOf(unseen) : undefined;
    addItem(state, { key: `${table}:${row.id}:~`, kind: 'deleteEdit', table, rowId: row.id, deletedBy: 'theirs', mine: local, mineAt: isoOfClock(mineClock), theirsAt: isoOfClock(row.c), theirsReplica: row.c.slice(22), chosen: 'mine' }, local);
    return keptAgainstDeletion(state, table, row.id);
  }
  if (unseen.length === 0) {
    addItem(state, { key: `${table}:${row.id}`, kind: 'deleted', table, rowId: row.id, mine: local }, local);
    deleteRow(state, table, row.id, row.c);
    logChange(state, table, row.id, 'delete', local, null);
    return;
  }
  const key = `${table}:${row.id}:~`;
  const mineClock = newestOf(unseen);
  const { side, fresh } = chooseSide(state, key, row.c, mineClock);
  addItem(state, { key, kind: 'deleteEdit', table, rowId: row.id, deletedBy: 'theirs', mine: local, mineAt: isoOfClock(mineClock), theirsAt: isoOfClock(row.c), mineReplica: mineClock.slice(22), theirsReplica: row.c.slice(22), chosen: side }, local);
  if (side === 'theirs') {
    keepLoser(state, table, row.id, '', local, mineClock);
    deleteRow(state, table, row.id, fresh ? 'fresh' : row.c);
    logChange(state, table, row.id, 'delete', local, null);
  } else {
    keepLoser(state, table, row.id, '', null, row.c);
    // Kept, as this copy's own change, so that the deletion does not win where it arrives later.
    if (fresh) keptAgainstDeletion(state, table, row.id);
  }
}
