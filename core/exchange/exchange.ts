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
import { isoOfClock, localValues, updateFields } from './merge-state.js';
import { RECORD_OF, tableFacts } from './table-facts.js';
import { rebuildDerived } from './derived.js';
import { captureOf } from '../../db/exchange-capture.js';
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

function decode(base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('VALIDATION', 'The file is not base64.', { key: 'errors.validation', fields: { bytes: { key: 'validation.format', message: 'Expected base64.' } } });
  return Buffer.from(base64, 'base64');
}

export function stageExchange(ctx: ServiceContext, input: { fileName: string; bytes: string }, job?: Job): ExchangeReview {
  const file = readExchangeFile(decode(input.bytes));
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

export function listLosers(ctx: ServiceContext, input: { table?: string; rowId?: string; limit: number }): ExchangeLoser[] {
  const rows = ctx.db
    .select()
    .from(syncLosers)
    .where(and(input.table ? eq(syncLosers.tbl, input.table) : undefined, input.rowId ? eq(syncLosers.pk, input.rowId) : undefined))
    .orderBy(desc(syncLosers.id))
    .limit(input.limit)
    .all()
    .map((row) => syncLoserModel.toRecord(row));
  return rows.map((r) => ({ id: r.id, at: r.at, table: r.tbl, rowId: r.pk, field: r.col, value: r.value, changedAt: isoOfClock(r.hlc) ?? '', replica: r.replica }));
}

/** A lost field value put back as this copy's own change; a lost row comes back only while its record is here. */
export function restoreLoser(ctx: ServiceContext, id: number): { table: string; rowId: string } {
  return ctx.sqlite.transaction(() => {
    const loser = ctx.sqlite.prepare('SELECT tbl, pk, col, value FROM sync_losers WHERE id = ?').get(id) as { tbl: string; pk: string; col: string; value: string } | undefined;
    if (!loser || !isReplicatedTable(loser.tbl)) throw new AppError('NOT_FOUND', 'No such lost value.', { key: 'errors.notFound' });
    const facts = tableFacts(ctx.sqlite);
    if (loser.col === '' || !facts.columns[loser.tbl].includes(loser.col)) throw new AppError('CONFLICT', 'Only a lost field value can be put back; a lost record is restored from the history.', { key: 'errors.exchangeLoserRow' });
    const state = { sqlite: ctx.sqlite, capture: captureOf(ctx.sqlite), facts, now: nowIso(ctx), statements: new Map(), itemKeys: new Set(), touched: { organizations: new Set<string>(), agreements: new Set<string>(), allRoles: false } } as unknown as Parameters<typeof updateFields>[0];
    const before = localValues(state, loser.tbl, loser.pk);
    if (!before) throw new AppError('NOT_FOUND', 'The record this value belonged to is not here any more.', { key: 'errors.notFound' });
    const value = JSON.parse(loser.value) as string | number | null;
    updateFields(state, loser.tbl, loser.pk, { [loser.col]: value }, { [loser.col]: 'fresh' });
    rebuildDerived(ctx, state.touched);
    const [entity, idColumn] = RECORD_OF[loser.tbl];
    const recordId = idColumn === 'id' ? loser.pk : String(before[idColumn] ?? loser.pk);
    ctx.sqlite.prepare('INSERT INTO change_log (at, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(nowIso(ctx), entity, recordId, 'update', JSON.stringify({ [loser.col]: before[loser.col], exchange: { restored: id } }), JSON.stringify({ [loser.col]: value, exchange: { restored: id } }));
    return { table: loser.tbl, rowId: loser.pk };
  })();
}
