// This copy as a replica: its id and name, what it has seen of every replica (a version vector), and
// what each partner had seen when its last file was read here.
import os from 'node:os';
import path from 'node:path';
import { captureOf, readSeen } from '../../db/exchange-capture.js';
import { replicaOf } from '../../db/exchange-clock.js';
import type { ServiceContext } from '../contract/context.js';
import type { ExchangeInfo, ExchangePartner } from './contract.js';

export type Vector = Record<string, string>;

/** Whether `clock` is among what a vector has seen: its replica's entry reaches it. */
export function isSeen(vector: Vector, clock: string): boolean {
  const reached = vector[replicaOf(clock)];
  return reached !== undefined && clock <= reached;
}

/** The larger entry of each replica. */
export function joinVectors(a: Vector, b: Vector): Vector {
  const joined: Vector = { ...a };
  for (const [replica, clock] of Object.entries(b)) if (!joined[replica] || joined[replica]! < clock) joined[replica] = clock;
  return joined;
}

/** What this copy has seen now: every other replica as far as read, and all of its own. */
export function ownVector(ctx: ServiceContext): Vector {
  const capture = captureOf(ctx.sqlite);
  return { ...readSeen(ctx.sqlite), [capture.replica]: capture.clock.next() };
}

/** The name a partner sees for this copy: the alliance, the computer and the data folder. */
export function replicaLabel(ctx: ServiceContext): string {
  const alliance = (ctx.sqlite.prepare('SELECT coalesce(short_name, name) FROM alliance_profile ORDER BY id LIMIT 1').pluck().get() as string | undefined) ?? '';
  const folder = path.basename(path.dirname(ctx.attachmentsDir));
  return [alliance, os.hostname(), folder].filter(Boolean).join(' · ').slice(0, 300);
}

export function partnerSeen(ctx: ServiceContext, replica: string): Vector | null {
  const row = ctx.sqlite.prepare('SELECT seen FROM sync_partners WHERE replica = ?').get(replica) as { seen: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.seen) as Vector;
  } catch {
    return null;
  }
}

export function rememberPartner(ctx: ServiceContext, replica: string, label: string, seen: Vector, at: string): void {
  const joined = joinVectors(partnerSeen(ctx, replica) ?? {}, seen);
  ctx.sqlite
    .prepare('INSERT INTO sync_partners (replica, label, seen, last_import_at) VALUES (?, ?, ?, ?) ON CONFLICT(replica) DO UPDATE SET label = excluded.label, seen = excluded.seen, last_import_at = excluded.last_import_at')
    .run(replica, label, JSON.stringify(joined), at);
}

export function exchangeInfo(ctx: ServiceContext): ExchangeInfo {
  const partners = ctx.sqlite.prepare('SELECT replica, label, last_import_at AS lastImportAt FROM sync_partners ORDER BY last_import_at DESC').all() as ExchangePartner[];
  return { replica: captureOf(ctx.sqlite).replica, label: replicaLabel(ctx), partners };
}
