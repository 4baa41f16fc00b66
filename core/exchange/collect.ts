// An exchange file out: every row with a clock the partner has not seen (or every row), whole, with
// the rows it hangs from (so a partner who deleted a unit can take it back if the clerk says so), the
// aliases of merged duplicates, and the attachment files by hash.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { REPLICATED_TABLES, type ReplicatedTable } from '../../db/exchange-tables.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import { hashPath } from '../folder/backup-files.js';
import type { ExchangeExport } from './contract.js';
import { EXCHANGE_LIMITS, writeExchangeFile, type ExchangeBody, type ExchangeRow } from './file-format.js';
import { isSeen, ownVector, partnerSeen, replicaLabel, type Vector } from './replica.js';
import { RECORD_OF, tableFacts } from './table-facts.js';
import { captureOf } from '../../db/exchange-capture.js';

const key = (table: string, id: string) => `${table}\u0000${id}`;

/** The (table, id) of every row with a clock outside `since` (every row when since is null). */
function changedKeys(ctx: ServiceContext, since: Vector | null): Set<string> {
  const keys = new Set<string>();
  const scan = ctx.sqlite.prepare('SELECT tbl, pk, hlc FROM sync_clock').raw();
  for (const [tbl, pk, hlc] of scan.iterate() as Iterable<[string, string, string]>) {
    if (since === null || !isSeen(since, hlc)) keys.add(key(tbl, pk));
  }
  return keys;
}

function readRow(ctx: ServiceContext, table: ReplicatedTable, id: string, columns: string[]): ExchangeRow | null {
  const clocks = ctx.sqlite.prepare('SELECT col, hlc, alive FROM sync_clock WHERE tbl = ? AND pk = ?').all(table, id) as { col: string; hlc: string; alive: number }[];
  const own = clocks.find((c) => c.col === '');
  if (!own) return null;
  const stored = own.alive ? (ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, string | number | null> | undefined) : undefined;
  const k: Record<string, string> = {};
  if (stored) for (const c of clocks) if (c.col !== '' && columns.includes(c.col)) k[c.col] = c.hlc;
  return { t: table, id, alive: Boolean(stored), c: own.hlc, v: stored ? Object.fromEntries(columns.map((c) => [c, stored[c] ?? null])) : null, k };
}

export function collectExchange(ctx: ServiceContext, options: { partner?: string; all?: boolean }, job?: Job): ExchangeExport {
  const capture = captureOf(ctx.sqlite);
  if (options.partner === capture.replica) throw new AppError('VALIDATION', 'This is this copy itself, not a partner.', { key: 'errors.exchangeSelf', fields: { partner: { key: 'errors.exchangeSelf', message: 'This is this copy itself.' } } });
  const facts = tableFacts(ctx.sqlite);
  // A partner never heard from gets everything: what it has is not known here.
  const since = options.all || !options.partner ? null : partnerSeen(ctx, options.partner);
  const keys = changedKeys(ctx, since);
  job?.progress(0, keys.size);
  const rows: ExchangeRow[] = [];
  const included = new Set<string>();
  const parentsOfChanged = new Set<string>();
  // A queue, the changed rows first: every parent is marked by all its changed rows before it is read.
  // A parent a changed row needs is added whole even if unchanged.
  const pending: [ReplicatedTable, string][] = [...keys].map((k) => k.split('\u0000') as [ReplicatedTable, string]);
  for (let next = 0; next < pending.length; next++) {
    const [table, id] = pending[next]!;
    if (included.has(key(table, id))) continue;
    included.add(key(table, id));
    const row = readRow(ctx, table, id, facts.columns[table]);
    if (!row) continue;
    rows.push(row);
    if (rows.length > EXCHANGE_LIMITS.rows) throw new AppError('EXCHANGE_FILE', 'Too many records for one exchange file.', { key: 'errors.exchangeTooLarge', params: { limit: EXCHANGE_LIMITS.rows } });
    if (rows.length % 2000 === 0) {
      job?.checkpoint();
      job?.progress(rows.length, keys.size);
    }
    const changed = keys.has(key(table, id));
    for (const fk of facts.foreignKeys) {
      const parent = row.v?.[fk.column];
      if (fk.table === table && typeof parent === 'string') {
        if (changed) parentsOfChanged.add(key(fk.parent, parent));
        if (!included.has(key(fk.parent, parent))) pending.push([fk.parent, parent]);
      }
      // The own rows (a unit's contacts) of a changed row, and of a row a changed one hangs from,
      // travel with it: a partner who deleted the unit and keeps it after all takes them back from here.
      if (fk.parent === table && fk.cascade && row.alive && (changed || parentsOfChanged.has(key(table, id)))) {
        for (const child of childrenOf(ctx, fk.table, fk.column, id)) if (!included.has(key(fk.table, child))) pending.push([fk.table, child]);
      }
    }
  }
  const order = new Map(REPLICATED_TABLES.map((t, i) => [t, i]));
  rows.sort((a, b) => order.get(a.t)! - order.get(b.t)! || (a.id < b.id ? -1 : 1));
  const body: ExchangeBody = { rows, aliases: aliasesOf(ctx), files: filesOf(ctx, rows) };
  const holds: Record<string, number> = {};
  for (const row of rows) if (keys.has(key(row.t, row.id)) && RECORD_OF[row.t][1] === 'id') holds[RECORD_OF[row.t][0]] = (holds[RECORD_OF[row.t][0]] ?? 0) + 1;
  const bytes = writeExchangeFile({ replica: capture.replica, label: replicaLabel(ctx), createdAt: nowIso(ctx), seen: ownVector(ctx), partner: options.partner ?? null, holds }, body);
  const day = nowIso(ctx).slice(0, 10);
  return { fileName: `交换文件-${day}-${capture.replica.slice(0, 8)}.alliance-exchange`, mimeType: 'application/octet-stream', bytes: bytes.toString('base64'), holds, rows: Object.values(holds).reduce((a, b) => a + b, 0) };
}

const childStatements = new WeakMap<ServiceContext, Map<string, Database.Statement>>();

function childrenOf(ctx: ServiceContext, table: string, column: string, id: string): string[] {
  let statements = childStatements.get(ctx);
  if (!statements) childStatements.set(ctx, (statements = new Map()));
  const text = `SELECT id FROM ${table} WHERE ${column} = ?`;
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = ctx.sqlite.prepare(text)));
  return statement.pluck().all(id) as string[];
}

function aliasesOf(ctx: ServiceContext): ExchangeBody['aliases'] {
  return (ctx.sqlite.prepare('SELECT tbl AS t, from_pk AS "from", to_pk AS "to", hlc AS at FROM sync_aliases').all() as ExchangeBody['aliases']);
}

/** The attachment files the rows name, read from the store; one a partner lacks is then found by hash. */
function filesOf(ctx: ServiceContext, rows: ExchangeRow[]): ExchangeBody['files'] {
  const files: ExchangeBody['files'] = [];
  let bytes = 0;
  const seen = new Set<string>();
  for (const row of rows) {
    const sha256 = row.t === 'attachments' && row.alive ? row.v?.sha256 : null;
    if (typeof sha256 !== 'string' || seen.has(sha256)) continue;
    seen.add(sha256);
    let path: string;
    try {
      path = hashPath(ctx.attachmentsDir, sha256);
    } catch {
      continue;
    }
    if (!fs.existsSync(path)) continue;
    const content = fs.readFileSync(path);
    bytes += content.length;
    if (bytes > EXCHANGE_LIMITS.fileBytes) throw new AppError('EXCHANGE_FILE', 'The attachments to send are larger than one exchange file may be.', { key: 'errors.exchangeTooLarge', params: { limit: EXCHANGE_LIMITS.fileBytes } });
    files.push({ sha256, base64: content.toString('base64') });
  }
  return files;
}
