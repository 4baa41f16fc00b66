// Merging an exchange file: every row the file brings meets this copy's row (merge-rows.ts) inside
// one transaction. The review is the same merge rolled back, so what the clerk reviews is exactly
// what applying does; applying commits it, or nothing when any step fails.
import { randomUUID } from 'node:crypto';
import { captureOf, readSeen, writeSeen } from '../../db/exchange-capture.js';
import fs from 'node:fs';
import { hashPath, matches, writeAddressed } from '../folder/backup-files.js';
import { REPLICATED_TABLES, isReplicatedTable } from '../../db/exchange-tables.js';
import { adoptAlias } from './merge-insert.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import { EXCHANGE_ITEM_KINDS, type ExchangeItem, type ExchangeItemKind, type ExchangeRule, type ExchangeSide } from './contract.js';
import { rebuildDerived } from './derived.js';
import type { ExchangeFile, ExchangeRow } from './file-format.js';
import { mergeAliveRow, mergeDeadRow } from './merge-rows.js';
import { keyOf, resolveAlias, type MergeState } from './merge-state.js';
import { isSeen, joinVectors, ownVector, rememberPartner } from './replica.js';
import { tableFacts } from './table-facts.js';

export interface MergeOutcome {
  items: ExchangeItem[];
  counts: Record<ExchangeItemKind, number>;
  alreadyRead: boolean;
  files: { carried: number; missing: number };
}

class RolledBack extends Error {}

export function mergeExchange(ctx: ServiceContext, file: ExchangeFile, options: { rule: ExchangeRule; choices?: Record<string, ExchangeSide>; dryRun: boolean }, job?: Job): MergeOutcome {
  const capture = captureOf(ctx.sqlite);
  if (file.header.replica === capture.replica) throw new AppError('EXCHANGE_FILE', 'This exchange file was written by this very copy; merge a file from another copy.', { key: 'errors.exchangeOwn' });
  const alreadyRead = Boolean(ctx.sqlite.prepare('SELECT 1 FROM sync_files_read WHERE sha256 = ?').get(file.sha256));
  let outcome: MergeOutcome | null = null;
  try {
    ctx.sqlite.transaction(() => {
      // Checked at the end: a row may name a parent that comes later in the same file.
      ctx.sqlite.pragma('defer_foreign_keys = ON');
      const state = startState(ctx, file, options);
      mergeRows(state, file.body.rows, job);
      const files = options.dryRun ? countFiles(ctx, file) : storeFiles(ctx, file);
      rebuildDerived(ctx, state.touched);
      // Checked here for the review (a rollback would hide it); the commit checks them again anyway.
      const checked = new Set([...state.tables, ...state.facts.foreignKeys.filter((fk) => state.tables.has(fk.parent)).map((fk) => fk.table)]);
      const broken = options.dryRun ? [...checked].flatMap((table) => ctx.sqlite.pragma(`foreign_key_check(${table})`) as { table: string }[]) : [];
      if (broken.length > 0) throw new AppError('EXCHANGE_FILE', `The file's records do not fit this register (${broken[0]!.table}).`, { key: 'errors.exchangeBroken', params: { table: broken[0]!.table } });
      writeSeen(ctx.sqlite, Object.fromEntries(Object.entries(joinVectors(readSeen(ctx.sqlite), file.header.seen)).filter(([r]) => r !== capture.replica)));
      for (const clock of Object.values(file.header.seen)) capture.clock.receive(clock);
      if (file.newest) capture.clock.receive(file.newest);
      rememberPartner(ctx, file.header.replica, file.header.label, file.header.seen, state.now);
      ctx.sqlite.prepare('INSERT OR IGNORE INTO sync_files_read (sha256, replica, read_at) VALUES (?, ?, ?)').run(file.sha256, file.header.replica, state.now);
      outcome = { items: sortItems(state.items), counts: countItems(state.items), alreadyRead, files };
      if (options.dryRun) throw new RolledBack();
    })();
  } catch (error) {
    if (error instanceof RolledBack) return outcome!;
    const code = String((error as { code?: unknown }).code ?? '');
    // A row the register's rules refuse (a name taken, a required value missing): the file is refused, whole.
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      const where = /failed: ([a-z_]+)/.exec((error as Error).message)?.[1] ?? '';
      throw new AppError('EXCHANGE_FILE', `The file's records do not fit this register (${(error as Error).message}).`, { key: 'errors.exchangeBroken', params: { table: where } });
    }
    throw error;
  }
  return outcome!;
}

function startState(ctx: ServiceContext, file: ExchangeFile, options: { rule: ExchangeRule; choices?: Record<string, ExchangeSide> }): MergeState {
  const insertAlias = ctx.sqlite.prepare('INSERT OR IGNORE INTO sync_aliases (tbl, from_pk, to_pk, hlc) VALUES (?, ?, ?, ?)');
  for (const alias of file.body.aliases) if (alias.from !== alias.to) insertAlias.run(alias.t, alias.from, alias.to, alias.at);
  const aliases = new Map((ctx.sqlite.prepare('SELECT tbl, from_pk AS fromPk, to_pk AS toPk FROM sync_aliases').all() as { tbl: string; fromPk: string; toPk: string }[]).map((a) => [keyOf(a.tbl, a.fromPk), a.toPk]));
  const state: MergeState = {
    sqlite: ctx.sqlite,
    capture: captureOf(ctx.sqlite),
    facts: tableFacts(ctx.sqlite),
    file,
    exchangeId: randomUUID(),
    now: nowIso(ctx),
    localSeen: ownVector(ctx),
    senderSeen: file.header.seen,
    rule: options.rule,
    choices: options.choices ?? {},
    items: [],
    itemKeys: new Set(),
    statements: new Map(),
    aliases,
    aliveInFile: new Set(),
    deadInFile: new Set(),
    restored: new Set(),
    childrenThere: new Map(),
    touched: { organizations: new Set(), agreements: new Set(), allRoles: false },
    tables: new Set(),
  };
  for (const alias of file.body.aliases) if (isReplicatedTable(alias.t)) adoptAlias(state, alias.t, alias.from, resolveAlias(state, alias.t, alias.to), alias.at);
  return state;
}

/**
 * A row with merged duplicates' ids mapped to the ids kept (a deletion keeps its own id). Done as
 * each row is merged: a duplicate found earlier in the same file maps the rows after it.
 */
function remapped(state: MergeState, row: ExchangeRow): ExchangeRow {
  if (!row.alive || !row.v) return row;
  const v = { ...row.v };
  for (const fk of state.facts.foreignKeys) if (fk.table === row.t && typeof v[fk.column] === 'string') v[fk.column] = resolveAlias(state, fk.parent, v[fk.column] as string);
  return { ...row, id: resolveAlias(state, row.t, row.id), v };
}

function mergeRows(state: MergeState, fileRows: ExchangeRow[], job?: Job): void {
  const rows = fileRows.map((row) => remapped(state, row));
  const order = new Map(REPLICATED_TABLES.map((t, i) => [t, i]));
  // Within the council's terms, the closing of one before the next becomes current (one current at a time).
  const stateRank = (r: ExchangeRow) => (r.t === 'council_terms' ? ['closed', 'current', 'draft'].indexOf(String(r.v?.state)) : 0);
  const alive = rows.filter((r) => r.alive).sort((a, b) => order.get(a.t)! - order.get(b.t)! || stateRank(a) - stateRank(b));
  // Deletions parents first too: a parent kept here keeps the rows deleted with it (its contacts).
  const dead = rows.filter((r) => !r.alive).sort((a, b) => order.get(a.t)! - order.get(b.t)!);
  for (const row of dead) state.deadInFile.add(keyOf(row.t, row.id));
  for (const row of alive) {
    state.aliveInFile.add(keyOf(row.t, row.id));
    const unseen = [row.c, ...Object.values(row.k)].filter((c) => !isSeen(state.localSeen, c));
    if (unseen.length === 0) continue;
    const newest = unseen.reduce((a, b) => (a > b ? a : b));
    for (const fk of state.facts.foreignKeys) {
      const parent = row.v?.[fk.column];
      if (fk.table !== row.t || !fk.required || typeof parent !== 'string') continue;
      const key = keyOf(fk.parent, parent);
      const known = state.childrenThere.get(key);
      state.childrenThere.set(key, { newest: known && known.newest > newest ? known.newest : newest, inUse: Boolean(known?.inUse) || !fk.cascade });
    }
  }
  const all = [...alive, ...dead];
  all.forEach((row, i) => {
    if (row.alive) mergeAliveRow(state, remapped(state, row));
    else mergeDeadRow(state, row);
    if (i % 1000 === 999) {
      job?.checkpoint();
      job?.progress(i + 1, all.length);
    }
  });
}

function countFiles(ctx: ServiceContext, file: ExchangeFile): MergeOutcome['files'] {
  const carried = new Set(file.body.files.map((f) => f.sha256));
  const wanted = file.body.rows.filter((r) => r.t === 'attachments' && r.alive && typeof r.v?.sha256 === 'string').map((r) => r.v!.sha256 as string);
  const missing = wanted.filter((sha) => !carried.has(sha) && !hasStored(ctx, sha)).length;
  return { carried: carried.size, missing };
}

function hasStored(ctx: ServiceContext, sha256: string): boolean {
  try {
    return fs.existsSync(hashPath(ctx.attachmentsDir, sha256));
  } catch {
    return false;
  }
}

/** Writes the carried files the rows name, every one checked against its hash before any is written. */
function storeFiles(ctx: ServiceContext, file: ExchangeFile): MergeOutcome['files'] {
  const named = new Set(file.body.rows.filter((r) => r.t === 'attachments' && r.alive && typeof r.v?.sha256 === 'string').map((r) => r.v!.sha256 as string));
  const wanted = file.body.files.filter((f) => named.has(f.sha256)).map((f) => ({ sha256: f.sha256, bytes: Buffer.from(f.base64, 'base64') }));
  if (wanted.some((f) => !matches(f.bytes, f.sha256))) throw new AppError('EXCHANGE_FILE', 'An attachment in the exchange file does not match its checksum.', { key: 'errors.exchangeDamaged' });
  for (const f of wanted) writeAddressed(ctx.attachmentsDir, f.sha256, f.bytes);
  return countFiles(ctx, file);
}

function sortItems(items: ExchangeItem[]): ExchangeItem[] {
  const rank = new Map(EXCHANGE_ITEM_KINDS.map((k, i) => [k, i]));
  const order = new Map<string, number>(REPLICATED_TABLES.map((t, i) => [t, i]));
  return [...items].sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || order.get(a.table)! - order.get(b.table)! || a.record.label.localeCompare(b.record.label, 'zh-CN'));
}

function countItems(items: ExchangeItem[]): Record<ExchangeItemKind, number> {
  const counts = Object.fromEntries(EXCHANGE_ITEM_KINDS.map((k) => [k, 0])) as Record<ExchangeItemKind, number>;
  for (const item of items) counts[item.kind]++;
  return counts;
}
