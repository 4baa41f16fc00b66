// The exchange service: files out, files staged, reviewed and merged, and lost values brought back.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { syncLosers } from '../../db/schema.js';
import { syncLoserModel } from './exchange-model.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import { isReplicatedTable } from '../../db/exchange-tables.js';
import type { ExchangeApplied, ExchangeLoser, ExchangeReview, ExchangeRule, ExchangeSide } from './contract.js';
import { readExchangeFile, type ExchangeFile } from './file-format.js';
import { mergeExchange } from './merge.js';
import { isoOfClock, keepLoser, localValues, recordOf, updateFields, type MergeState, type Values } from './merge-state.js';
import { RECORD_OF, tableFacts } from './table-facts.js';
import { rebuildDerived } from './derived.js';
import { captureOf } from '../../db/exchange-capture.js';
import { decodeBase64 } from '../io/base64.js';
import { nowIso } from '../contract/context.js';

interface Staged {
  fileName: string;
  file: ExchangeFile;
}

/** Files staged per core: a review, then its apply, read the file once. */
const staged = new WeakMap<ServiceContext, Map<string, Staged>>();
const MAX_STAGED = 2;

function stagedOf(ctx: ServiceContext): Map<string, Staged> {
  let files = staged.get(ctx);
  if (!files) staged.set(ctx, (files = new Map()));
  return files;
}

function stagedFile(ctx: ServiceContext, uploadId: string): Staged {
  const file = stagedOf(ctx).get(uploadId);
  if (!file) throw new AppError('NOT_FOUND', 'The exchange file is no longer available; choose it again.', { key: 'errors.exchangeExpired' });
  return file;
}

export function stageExchange(ctx: ServiceContext, input: { fileName: string; bytes: string }, job?: Job): ExchangeReview {
  const file = readExchangeFile(decodeBase64(input.bytes, 'bytes'));
  const files = stagedOf(ctx);
  const uploadId = randomUUID();
  files.set(uploadId, { fileName: input.fileName, file });
  while (files.size > MAX_STAGED) files.delete(files.keys().next().value!);
  return reviewExchange(ctx, { uploadId, rule: 'newer' }, job);
}

export function reviewExchange(ctx: ServiceContext, input: { uploadId: string; rule: ExchangeRule; choices?: Record<string, ExchangeSide> }, job?: Job): ExchangeReview {
  const { fileName, file } = stagedFile(ctx, input.uploadId);
  const outcome = mergeExchange(ctx, file, { rule: input.rule, choices: input.choices, dryRun: true }, job);
  const { replica, label, createdAt } = file.header;
  return { uploadId: input.uploadId, fileName, from: { replica, label, createdAt }, alreadyRead: outcome.alreadyRead, holds: file.header.holds, counts: outcome.counts, items: outcome.items, files: outcome.files };
}

export function applyExchange(ctx: ServiceContext, input: { uploadId: string; rule: ExchangeRule; choices?: Record<string, ExchangeSide> }, job?: Job): ExchangeApplied {
  const { file } = stagedFile(ctx, input.uploadId);
  const outcome = mergeExchange(ctx, file, { rule: input.rule, choices: input.choices, dryRun: false }, job);
  stagedOf(ctx).delete(input.uploadId);
  return { counts: outcome.counts, alreadyRead: outcome.alreadyRead };
}

/** Merges a file read from disk (the CLI), or only reviews it. */
export function mergeExchangeBytes(ctx: ServiceContext, bytes: Buffer, options: { rule: ExchangeRule; dryRun: boolean }) {
  return mergeExchange(ctx, readExchangeFile(bytes), { rule: options.rule, dryRun: options.dryRun });
}

/** A merge state for work outside a merge (a lost value put back, its record's label): this copy's own changes. */
function ownState(ctx: ServiceContext): MergeState {
  return { sqlite: ctx.sqlite, capture: captureOf(ctx.sqlite), facts: tableFacts(ctx.sqlite), now: nowIso(ctx), exchangeId: randomUUID(), statements: new Map(), itemKeys: new Set(), items: [], touched: { organizations: new Set(), agreements: new Set(), allRoles: false } } as unknown as MergeState;
}

export function listLosers(ctx: ServiceContext, input: { table?: string; rowId?: string; limit: number }): ExchangeLoser[] {
  const rows = ctx.db
    .select()
    .from(syncLosers)
    .where(and(input.table ? eq(syncLosers.tbl, input.table) : undefined, input.rowId ? eq(syncLosers.pk, input.rowId) : undefined))
    .orderBy(desc(syncLosers.id))
    .limit(input.limit)
    .all()
    .map((row) => syncLoserModel.toRecord(row));
  const state = ownState(ctx);
  return rows.map((r) => {
    const table = isReplicatedTable(r.tbl) ? r.tbl : null;
    const values = table ? (localValues(state, table, r.pk) ?? (r.col === '' && r.value && typeof r.value === 'object' ? (r.value as Values) : null)) : null;
    const label = table && values ? recordOf(state, table, r.pk, values).label : '';
    return { id: r.id, label, at: r.at, table: r.tbl, rowId: r.pk, field: r.col, value: r.value, changedAt: isoOfClock(r.hlc) ?? '', replica: r.replica };
  });
}

/**
 * A lost field value put back as this copy's own change (it then reaches the other copies); the value
 * it replaces is kept in its place, so a mistaken 恢复 is itself undone the same way.
 */
export function restoreLoser(ctx: ServiceContext, id: number): { table: string; rowId: string } {
  return ctx.sqlite.transaction(() => {
    const loser = ctx.sqlite.prepare('SELECT tbl, pk, col, value FROM sync_losers WHERE id = ?').get(id) as { tbl: string; pk: string; col: string; value: string } | undefined;
    if (!loser || !isReplicatedTable(loser.tbl)) throw new AppError('NOT_FOUND', 'No such lost value.', { key: 'errors.notFound' });
    const state = ownState(ctx);
    if (loser.col === '' || !state.facts.columns[loser.tbl].includes(loser.col)) throw new AppError('CONFLICT', 'Only a lost field value can be put back; a lost record is restored from the history.', { key: 'errors.exchangeLoserRow' });
    const before = localValues(state, loser.tbl, loser.pk);
    if (!before) throw new AppError('NOT_FOUND', 'The record this value belonged to is not here any more.', { key: 'errors.notFound' });
    const value = JSON.parse(loser.value) as string | number | null;
    const clock = (ctx.sqlite.prepare('SELECT hlc FROM sync_clock WHERE tbl = ? AND pk = ? AND col IN (?, \'\') ORDER BY col DESC LIMIT 1').pluck().get(loser.tbl, loser.pk, loser.col) as string | undefined) ?? state.capture.clock.next();
    keepLoser(state, loser.tbl, loser.pk, loser.col, before[loser.col], clock);
    ctx.sqlite.prepare('DELETE FROM sync_losers WHERE id = ?').run(id);
    updateFields(state, loser.tbl, loser.pk, { [loser.col]: value }, { [loser.col]: 'fresh' });
    rebuildDerived(ctx, state.touched);
    const [entity, idColumn] = RECORD_OF[loser.tbl];
    const recordId = idColumn === 'id' ? loser.pk : String(before[idColumn] ?? loser.pk);
    ctx.sqlite.prepare('INSERT INTO change_log (at, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(nowIso(ctx), entity, recordId, 'update', JSON.stringify({ [loser.col]: before[loser.col], exchange: { restored: id } }), JSON.stringify({ [loser.col]: value, exchange: { restored: id } }));
    return { table: loser.tbl, rowId: loser.pk };
  })();
}
