// How an API method is declared: once, in its domain's contract.ts, with its input schema, its
// result type and its rules. The gate, the job table, the shells and the renderer's cache all read
// these rules; nothing keeps a second list of them. Plain data and zod only: the renderer imports it.
import type { z } from 'zod';

/** What a method's data is about: the renderer refreshes every query that reads what a write changes. */
export const ENTITIES = [
  'alliance',
  'settings',
  'organization',
  'contact',
  'agreement',
  'attachment',
  'event',
  'ceremony',
  'talent',
  'term',
  'project',
  'award',
  'import',
  'backup',
  'folder',
  'history',
] as const;
export type Entity = (typeof ENTITIES)[number];
/** What is not a record: a read may make these stale (a backup made, a folder checked). */
const NOT_RECORDS: readonly Entity[] = ['backup', 'folder'];

/**
 * read: answered at once, also while the start-up check runs; changes no record. It may still make
 *   cached results stale without writing a record — a backup added to the list, or another data file
 *   opened (then 'all', and it runs alone): its `changes` says which.
 * write: waits for the start-up check; changes records (and so the history).
 * control: bypasses every gate, even a running exclusive job (a job's progress and cancel).
 */
export type Access = 'read' | 'write' | 'control';

export interface MethodRules {
  access: Access;
  /** Still answered when the data file is damaged (recovery mode): enough to see why and restore. */
  recovery?: boolean;
  /** A long job: reports progress and can be cancelled through jobs.progress and jobs.cancel. */
  job?: boolean;
  /** Holds the database across event-loop turns (a long transaction, a file swap): every other call waits. */
  exclusive?: boolean;
  /** What the result shows: its cached copy is refreshed when any of these changes. */
  reads?: readonly Entity[];
  /** What a call changes ('all' for a restore or another folder). Writes always change the history too. */
  changes?: readonly Entity[] | 'all';
}

export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> extends MethodRules {
  /** One line on what the method does, for readers of the contract. */
  doc: string;
  input: I;
  /** The result type. Never read at run time: `returns<T>()` only carries the type. */
  result: R;
}

export type Methods = Record<string, MethodSpec<z.ZodType, unknown>>;

/** Carries a result type into a method's declaration. */
export function returns<R>(): R {
  return undefined as R;
}

/** A domain's methods, checked for their rules as they are declared. */
export function defineMethods<const T extends Methods>(methods: T): T {
  for (const [name, spec] of Object.entries(methods)) {
    if (spec.access === 'write' && !spec.changes) throw new Error(`${name}: a write declares what it changes`);
    if (spec.access === 'read' && !spec.reads) throw new Error(`${name}: a read declares what it reads`);
    if (spec.access === 'read' && spec.changes === 'all' && !spec.exclusive) throw new Error(`${name}: a read that changes everything shown (another file) runs alone`);
    if (spec.access === 'read' && Array.isArray(spec.changes) && spec.changes.some((e) => !NOT_RECORDS.includes(e))) throw new Error(`${name}: a read changes no record`);
  }
  return methods;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the domains' methods into one table; a name declared twice is a programming error. */
export function assembleMethods<const T extends Methods[]>(...parts: T): UnionToIntersection<T[number]> {
  const all: Methods = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(all, name)) throw new Error(`API method declared twice: ${name}`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

/** What a handler receives besides its input: progress and cancellation for a long job. */
export interface Job {
  readonly signal: AbortSignal;
  /** How far the job is; the clerk sees it through jobs.progress. */
  progress(done: number, total: number): void;
  /** Throws CANCELLED once the clerk has cancelled; long loops call it between steps. */
  checkpoint(): void;
}

/** The implementation of a set of methods: one handler each, typed from their declarations. */
export type HandlersOf<T extends Methods, S> = {
  [M in keyof T]: (input: z.output<T[M]['input']>, services: S, job: Job) => T[M]['result'] | Promise<T[M]['result']>;
};
