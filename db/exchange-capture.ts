// Capture for the exchange: every insert, update and delete of a replicated table stamps the row's
// or the changed field's clock in sync_clock, by triggers, in the same statement as the change — so
// every write of every service, import and restore is captured without any of them knowing. The
// merge of another replica's file writes with capture off and sets the clocks it received itself.
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { HybridClock, formatClock, parseClock } from './exchange-clock.js';
import { REPLICATED_TABLES, isExchangedColumn, type ReplicatedTable } from './exchange-tables.js';

export interface Capture {
  /** This data file's replica id (32 hex digits). */
  readonly replica: string;
  readonly clock: HybridClock;
  /** Runs `write` with capture off: the merge sets the clocks it received. */
  withoutCapture<T>(write: () => T): T;
}

const captures = new WeakMap<Database.Database, Capture>();

/** The capture installed on this connection (every connection openDatabase gives for writing). */
export function captureOf(sqlite: Database.Database): Capture {
  const capture = captures.get(sqlite);
  if (!capture) throw new Error('This connection does not capture changes for the exchange.');
  return capture;
}

const REPLICA_KEY = 'exchange.replica';
const SEEN_KEY = 'exchange.seen';
const BACKFILLED_KEY = 'exchange.backfilled';

function setting(sqlite: Database.Database, key: string): string | undefined {
  return (sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function putSetting(sqlite: Database.Database, key: string, value: string): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** What this replica has seen of every replica: {replica: newest clock}. */
export function readSeen(sqlite: Database.Database): Record<string, string> {
  try {
    const parsed = JSON.parse(setting(sqlite, SEEN_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function writeSeen(sqlite: Database.Database, seen: Record<string, string>): void {
  putSetting(sqlite, SEEN_KEY, JSON.stringify(seen));
}

/**
 * The file's replica id. A copy of the data folder opened on another computer or at another path
 * becomes a replica of its own (two laptops must never share an id); it has seen everything the
 * original had written until the copy, which its vector says.
 */
function replicaIdentity(sqlite: Database.Database, file: string, newest: string | null): string {
  const home = `${os.hostname()}:${path.resolve(file)}`;
  let stored: { id?: unknown; home?: unknown } = {};
  try {
    stored = JSON.parse(setting(sqlite, REPLICA_KEY) ?? '{}') as typeof stored;
  } catch {
    stored = {};
  }
  if (typeof stored.id === 'string' && /^[0-9a-f]{32}$/.test(stored.id) && stored.home === home) return stored.id;
  const id = randomUUID().replace(/-/g, '');
  if (typeof stored.id === 'string' && /^[0-9a-f]{32}$/.test(stored.id) && newest) {
    const seen = readSeen(sqlite);
    seen[stored.id] = formatClock({ ...parseClock(newest), replica: stored.id });
    writeSeen(sqlite, seen);
  }
  putSetting(sqlite, REPLICA_KEY, JSON.stringify({ id, home }));
  return id;
}

// An upsert, not INSERT OR REPLACE: a trigger's own conflict clause gives way to the OR clause of the
// statement that fired it (an INSERT OR ABORT of an undo would then fail on the clock's key).
const UPSERT = 'ON CONFLICT(tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, alive = excluded.alive';

// An insert has no field clocks to clear: a deletion cleared them (the merge clears those it writes
// without capture itself), so the insert trigger is one statement — it runs for every imported row.
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function triggerSql(sqlite: Database.Database, table: ReplicatedTable): Record<string, string> {
  const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name).filter((c) => isExchangedColumn(table, c));
  const t = `'${table}'`;
  const changed = columns.map((c) => `SELECT '${c}' AS c WHERE NEW.${quote(c)} IS NOT OLD.${quote(c)}`).join(' UNION ALL ');
  return {
    [`sync_i_${table}`]: `CREATE TRIGGER sync_i_${table} AFTER INSERT ON ${table} WHEN sync_on() BEGIN INSERT INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (${t}, NEW.id, '', sync_hlc(), 1) ${UPSERT}; END`,
    [`sync_u_${table}`]: `CREATE TRIGGER sync_u_${table} AFTER UPDATE ON ${table} WHEN sync_on() BEGIN INSERT INTO sync_clock (tbl, pk, col, hlc, alive) SELECT ${t}, NEW.id, c, sync_hlc(), 1 FROM (${changed}) WHERE 1 ${UPSERT}; END`,
    [`sync_d_${table}`]: `CREATE TRIGGER sync_d_${table} AFTER DELETE ON ${table} WHEN sync_on() BEGIN DELETE FROM sync_clock WHERE tbl = ${t} AND pk = OLD.id AND col <> ''; INSERT INTO sync_clock (tbl, pk, col, hlc, alive) VALUES (${t}, OLD.id, '', sync_hlc(), 0) ${UPSERT}; END`,
  };
}

/** Drops the capture triggers: before migrations, which may rebuild the tables they name. */
export function dropCaptureTriggers(sqlite: Database.Database): void {
  const names = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'`).pluck().all() as string[];
  for (const name of names) sqlite.exec(`DROP TRIGGER IF EXISTS ${quote(name)}`);
}

function ensureTriggers(sqlite: Database.Database): void {
  const existing = new Map((sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).map((t) => [t.name, t.sql]));
  const wanted = Object.assign({}, ...REPLICATED_TABLES.map((table) => triggerSql(sqlite, table))) as Record<string, string>;
  const stale = Object.entries(wanted).filter(([name, sql]) => existing.get(name) !== sql);
  if (stale.length === 0) return;
  sqlite.transaction(() => {
    for (const [name, sql] of stale) {
      sqlite.exec(`DROP TRIGGER IF EXISTS ${quote(name)}`);
      sqlite.exec(sql);
    }
  })();
}

/** Rows written before the exchange existed get a creation clock, once per file. */
function backfill(sqlite: Database.Database, clock: HybridClock): void {
  if (setting(sqlite, BACKFILLED_KEY)) return;
  const at = clock.next();
  sqlite.transaction(() => {
    for (const table of REPLICATED_TABLES) {
      sqlite.prepare(`INSERT OR IGNORE INTO sync_clock (tbl, pk, col, hlc, alive) SELECT '${table}', id, '', ?, 1 FROM ${table}`).run(at);
    }
    putSetting(sqlite, BACKFILLED_KEY, at);
  })();
}

/** Installs the clock functions, the triggers and the replica id on a writable connection. */
export function installCapture(sqlite: Database.Database, file: string): Capture {
  const newest = (sqlite.prepare('SELECT max(hlc) FROM sync_clock').pluck().get() as string | null) ?? null;
  const replica = replicaIdentity(sqlite, file, newest);
  const seenNewest = Object.values(readSeen(sqlite)).reduce<string | null>((a, b) => (a && a > b ? a : b), newest);
  const clock = new HybridClock(replica, seenNewest);
  let capturing = true;
  sqlite.function('sync_hlc', { deterministic: false }, () => clock.next());
  sqlite.function('sync_on', { deterministic: false }, () => (capturing ? 1 : 0));
  const capture: Capture = {
    replica,
    clock,
    withoutCapture<T>(write: () => T): T {
      capturing = false;
      try {
        return write();
      } finally {
        capturing = true;
      }
    },
  };
  captures.set(sqlite, capture);
  ensureTriggers(sqlite);
  backfill(sqlite, clock);
  return capture;
}
