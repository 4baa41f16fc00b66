// An import's rows, read a chunk at a time: on a worker thread (row-worker.ts) when the file is large
// enough to gain from it, so that the commit matches and writes one chunk while the next is read on
// the machine's other core; on this thread otherwise. A chunk the worker has not answered when it is
// wanted — the worker still starting, behind, out of its memory or dead — is read here instead, and
// the worker skips it: neither thread waits for the other. Either way the chunks come in the sheet's
// order and read the same.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ServiceContext } from '../../contract/context.js';
import { plannedRow, readRowsHere, type PlannedRow, type PlanOptions } from './plan.js';
import type { RowToRead } from './read-row.js';
import type { MemberDerived } from '../../members/member-model.js';
import { readOf, type RowReadResult, type RowWorkReply, type RowWorkRequest } from './row-work.js';

export const READ_CHUNK = 250;
/** Below this many rows, starting the thread and copying the rows to and fro cost more than they save. */
const WORKER_MIN_ROWS = 2_000;
/** Chunks asked for ahead of the one being written: the worker always has the next one to read. */
const AHEAD = 4;
/** An idle worker is kept this long for the next import, then stopped. */
const IDLE_MS = 60_000;
/** A request unanswered this long means a worker that hangs: it is stopped, and the next import starts another. */
const ANSWER_MS = 30_000;
/** The worker's heap: a chunk of bounded rows needs a few MB; a fault stops the thread, not the app. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256 };

/** Where the worker comes from: a bundled script (the desktop app), else its source through tsx. */
export interface ImportWorkerOptions {
  file?: string;
  /** Rows from which the worker is used (tests set 0 to use it for any file, or Infinity for none). */
  minRows?: number;
  /** Wait for the worker's answer instead of reading a chunk here (tests of what the worker reads). */
  patient?: boolean;
}

/** How many chunks each thread has read in this process: what the tests and the bench look at. */
export const rowReaderCounts = { worker: 0, here: 0 };

/** The source's own worker, run through tsx; where the code is bundled there is no source beside it, and the caller reads here. */
function sourceWorker(): Worker {
  const here = typeof import.meta.url === 'string' ? import.meta.url : '';
  if (!here.endsWith('.ts')) throw new Error('No worker script for bundled code without ImportWorkerOptions.file');
  const require = createRequire(here);
  const tsxPackage = require.resolve('tsx/package.json');
  const api = pathToFileURL(path.join(path.dirname(tsxPackage), (require(tsxPackage) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default)).href;
  const entry = new URL('./row-worker.ts', here).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, resourceLimits: RESOURCE_LIMITS });
}

/** One worker thread with its requests in flight; referenced (keeping the process alive) only while any is. */
class RowWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(results: unknown[] | null): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  broken = false;

  constructor(file: string | undefined, private readonly onGone: (worker: RowWorker) => void) {
    this.worker = file ? new Worker(file, { resourceLimits: RESOURCE_LIMITS }) : sourceWorker();
    this.worker.unref();
    this.worker.on('message', (reply: RowWorkReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      clearTimeout(waiting.timer);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.results);
      this.settle();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The import's row reader stopped (exit code ${code}).`)));
    this.settle();
  }

  ask<R>(request: RowWorkRequest): Promise<R[] | null> {
    if (this.broken) return Promise.reject(new Error('The row reader has stopped.'));
    const promise = new Promise<R[] | null>((resolve, reject) => {
      // Checked on the next turn, after any answer already queued (a main thread busy for long delivers
      // its timers before the messages that came meanwhile).
      const timer = setTimeout(() => setImmediate(() => this.pending.has(request.id) && this.fail(new Error('The import’s row reader stopped answering.'))), ANSWER_MS);
      timer.unref();
      this.pending.set(request.id, { resolve: resolve as (results: unknown[] | null) => void, reject, timer });
    });
    this.worker.ref();
    this.settle();
    this.worker.postMessage(request);
    return promise;
  }

  newId(): number {
    return this.nextId++;
  }

  stop(): void {
    this.fail(new Error('The row reader was stopped.'));
  }

  /**
   * Lets go of an import's open requests (it ended without them): nothing keeps the process alive for
   * them, and another import's requests (a second data folder in the same process) stay open.
   */
  abandon(ids: Iterable<number>): void {
    for (const id of ids) {
      const waiting = this.pending.get(id);
      if (!waiting) continue;
      this.pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(null);
    }
    this.settle();
  }

  /** Referenced while a request is open; stopped after a while without any. */
  private settle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.pending.size > 0) return;
    this.worker.unref();
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = true;
    if (this.idle) clearTimeout(this.idle);
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
    void this.worker.terminate();
    this.onGone(this);
  }
}

/** One worker per worker script for the process, shared by its data folders' imports (each asks for its own chunks). */
const workers = new Map<string, RowWorker>();

function rowWorker(options: ImportWorkerOptions | undefined): RowWorker | null {
  const key = options?.file ?? '(source)';
  const known = workers.get(key);
  if (known && !known.broken) return known;
  try {
    const worker = new RowWorker(options?.file, (gone) => workers.get(key) === gone && workers.delete(key));
    workers.set(key, worker);
    return worker;
  } catch {
    return null;
  }
}

/**
 * Items worked through a chunk at a time, in order: by the worker ahead of the caller (`ask`; its
 * answer is taken in by `taken` only when the chunk's turn comes, so a late answer to a chunk done
 * here touches nothing), or here (`here`) for a chunk the worker has not answered when it is wanted.
 */
async function* inChunks<I, R, O>(
  ctx: ServiceContext,
  items: readonly I[],
  ask: (worker: RowWorker, chunk: I[], ids: { id: number; chunk: number; wanted: SharedArrayBuffer }) => Promise<R[] | null>,
  taken: (chunk: I[], results: R[]) => O[],
  here: (chunk: I[]) => O[],
): AsyncGenerator<O[]> {
  const chunks: I[][] = [];
  for (let start = 0; start < items.length; start += READ_CHUNK) chunks.push(items.slice(start, start + READ_CHUNK));
  const worker = items.length >= (ctx.importWorker?.minRows ?? WORKER_MIN_ROWS) ? rowWorker(ctx.importWorker) : null;
  if (!worker) {
    for (const chunk of chunks) {
      rowReaderCounts.here += 1;
      yield here(chunk);
    }
    return;
  }
  // The first chunk still wanted from the worker, shared with it so that it skips the ones done here.
  const wanted = new SharedArrayBuffer(4);
  const answered = new Map<number, R[] | null>();
  const answers = new Map<number, Promise<unknown>>();
  const ids: number[] = [];
  const request = (k: number) => {
    const id = worker.newId();
    ids.push(id);
    const answer = ask(worker, chunks[k]!, { id, chunk: k, wanted }).then(
      (results) => answered.set(k, results),
      () => answered.set(k, null),
    );
    answers.set(k, answer);
  };
  let asked = 0;
  try {
    for (let k = 0; k < chunks.length; k++) {
      while (asked < chunks.length && asked <= k + AHEAD) request(asked++);
      if (ctx.importWorker?.patient) await answers.get(k);
      answers.delete(k);
      const results = answered.get(k);
      answered.delete(k);
      let done: O[];
      if (results) {
        done = taken(chunks[k]!, results);
        rowReaderCounts.worker += 1;
      } else {
        Atomics.store(new Int32Array(wanted), 0, k + 1);
        done = here(chunks[k]!);
        rowReaderCounts.here += 1;
      }
      yield done;
    }
  } finally {
    // Done, cancelled or failed: the worker skips what is left, and nothing waits for it.
    Atomics.store(new Int32Array(wanted), 0, chunks.length);
    worker.abandon(ids);
  }
}

/** The rows read, a chunk at a time, in order; the worker reads ahead while the caller works on each. */
export function readRowChunks(ctx: ServiceContext, rows: readonly RowToRead[], options: PlanOptions): AsyncGenerator<PlannedRow[]> {
  const nameCol = options.mapping.indexOf('name');
  return inChunks(
    ctx,
    rows,
    (worker, chunk, ids) => worker.ask<RowReadResult>({ kind: 'read', rows: chunk, mapping: options.mapping, legalForms: options.legalForms, ...ids }),
    (chunk, results) => results.map((result, i) => plannedRow(chunk[i]!, readOf(result.read), nameCol, result.derived ?? undefined)),
    (chunk) => readRowsHere(chunk, options),
  );
}

/**
 * A plan's new rows, a chunk at a time, in order, with their derived columns worked out by the worker
 * ahead of the caller (who writes the chunk before); a chunk done here leaves them to newMember.
 */
export function derivedChunks(ctx: ServiceContext, rows: readonly PlannedRow[]): AsyncGenerator<PlannedRow[]> {
  return inChunks(
    ctx,
    rows,
    (worker, chunk, ids) => worker.ask<MemberDerived>({ kind: 'derive', inputs: chunk.map((row) => row.input!), ...ids }),
    (chunk, derived) => {
      chunk.forEach((row, i) => (row.derived = derived[i]));
      return chunk;
    },
    (chunk) => chunk,
  );
}

/** Stops every worker (tests that count threads, and a host that closes). */
export function stopRowReaders(): void {
  for (const worker of [...workers.values()]) worker.stop();
}
