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

type Stored = Record<string, string | number | null>;
const BATCH = 500;

/** Statements prepared once per connection: a collection runs the same few for thousands of rows. */
const statements = new WeakMap<ServiceContext, Map<string, Database.Statement>>();
function statement(ctx: ServiceContext, text: string): Database.Statement {
  let cached = statements.get(ctx);
  if (!cached) statements.set(ctx, (cached = new Map()));
  let prepared = cached.get(text);
  if (!prepared) cached.set(text, (prepared = ctx.sqlite.prepare(text)));
  return prepared;
}

/** Runs `text` (with one `json_each(?)` list of ids) over `ids` in batches. */
function* batched<T>(ctx: ServiceContext, text: string, ids: string[], ...before: unknown[]): Generator<T> {
  for (let i = 0; i < ids.length; i += BATCH) yield* statement(ctx, text).all(...before, JSON.stringify(ids.slice(i, i + BATCH))) as T[];
}

/** Rows as the file carries them, read a table at a time in batches of ids. */
function readRows(ctx: ServiceContext, table: ReplicatedTable, ids: string[], columns: string[]): ExchangeRow[] {
  const clocks = new Map<string, { col: string; hlc: string; alive: number }[]>();
  for (const c of batched<{ pk: string; col: string; hlc: string; alive: number }>(ctx, 'SELECT pk, col, hlc, alive FROM sync_clock WHERE tbl = ? AND pk IN (SELECT value FROM json_each(?))', ids, table)) {
    const list = clocks.get(c.pk);
    if (list) list.push(c);
    else clocks.set(c.pk, [c]);
  }
  const stored = new Map<string, Stored>();
  for (const row of batched<Stored>(ctx, `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, ids)) stored.set(String(row.id), row);
  const rows: ExchangeRow[] = [];
  for (const id of ids) {
    const own = clocks.get(id)?.find((c) => c.col === '');
    if (!own) continue;
    const values = own.alive ? stored.get(id) : undefined;
    const k: Record<string, string> = {};
    if (values) for (const c of clocks.get(id)!) if (c.col !== '' && columns.includes(c.col)) k[c.col] = c.hlc;
    rows.push({ t: table, id, alive: Boolean(values), c: own.hlc, v: values ? Object.fromEntries(columns.map((c) => [c, values[c] ?? null])) : null, k });
  }
  return rows;
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
  // Level by level: the changed rows; then the rows they hang from (added whole even if unchanged),
  // and the own rows (a unit's contacts) of changed rows and of the rows they hang from — a partner
  // who deleted the unit and keeps it after all takes them back from here; then their parents.
  let level = [...keys].map((k) => k.split('\u0000') as [ReplicatedTable, string]);
  const parentsOfChanged = new Set<string>();
  while (level.length > 0) {
    const byTable = new Map<ReplicatedTable, string[]>();
    for (const [table, id] of level) {
      if (included.has(key(table, id))) continue;
      included.add(key(table, id));
      const ids = byTable.get(table);
      if (ids) ids.push(id);
      else byTable.set(table, [id]);
    }
    const read = [...byTable].flatMap(([table, ids]) => readRows(ctx, table, ids, facts.columns[table]));
    rows.push(...read);
    if (rows.length > EXCHANGE_LIMITS.rows) throw new AppError('EXCHANGE_FILE', 'Too many records for one exchange file.', { key: 'errors.exchangeTooLarge', params: { limit: EXCHANGE_LIMITS.rows } });
    job?.checkpoint();
    job?.progress(rows.length, keys.size);
    const next: [ReplicatedTable, string][] = [];
    const expand = new Map<ReplicatedTable, string[]>();
    for (const row of read) {
      const changed = keys.has(key(row.t, row.id));
      for (const fk of facts.foreignKeys) {
        const parent = row.v?.[fk.column];
        if (fk.table !== row.t || typeof parent !== 'string') continue;
        if (changed) parentsOfChanged.add(key(fk.parent, parent));
        if (!included.has(key(fk.parent, parent))) next.push([fk.parent, parent]);
      }
      if (row.alive && (changed || parentsOfChanged.has(key(row.t, row.id)))) {
        const ids = expand.get(row.t);
        if (ids) ids.push(row.id);
        else expand.set(row.t, [row.id]);
      }
    }
    for (const [table, ids] of expand) {
      for (const fk of facts.foreignKeys) {
        if (fk.parent !== table || !fk.cascade) continue;
        for (const { id: child } of batched<{ id: string }>(ctx, `SELECT id FROM ${fk.table} WHERE ${fk.column} IN (SELECT value FROM json_each(?))`, ids)) if (!included.has(key(fk.table, child))) next.push([fk.table, child]);
      }
    }
    level = next;
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
