// Every call from every shell goes through one chain: validate (the method exists, its input
// parses) → gate (its rules: wait, refuse or pass) → run (with a job when it is long) → map errors
// into the one shape. The gate is always released in `finally`, whatever the handler does.
import { apiMethods, isApiMethod, registry, specOf, type ApiMethod, type ApiResponse } from './registry.js';
import { AppError } from './errors.js';
import { toAppError, toErrorShape } from './error-mapping.js';
import { Gate } from './gate.js';
import { JOB_ID, JobTable } from './jobs.js';
import type { HandlersOf, Job } from './method.js';
import type { Host, Services } from './services.js';
import { validationError } from './validation.js';

/** Every method's handler but the jobs' own, which the dispatcher answers from its job table. */
export type AppHandlers = Omit<HandlersOf<typeof registry, Services>, 'jobs.progress' | 'jobs.cancel'>;

export type { ApiResponse };

export interface CallOptions {
  /** Names a long job so that jobs.progress and jobs.cancel can reach it while it runs. */
  jobId?: string;
}

export interface Dispatcher {
  /** Synchronous for synchronous handlers (nearly all); shells simply await the result. */
  dispatch(method: string, input: unknown, options?: CallOptions): ApiResponse | Promise<ApiResponse>;
}

type AnyHandler = (input: unknown, services: Services, job: Job) => unknown;

export function createDispatcher(handlers: AppHandlers, host: Host, onUnexpected?: (error: unknown) => void): Dispatcher {
  const jobs = new JobTable();
  const table = new Map<string, AnyHandler>(Object.entries(handlers) as [string, AnyHandler][]);
  table.set('jobs.progress', (input) => jobs.progress((input as { jobId: string }).jobId));
  table.set('jobs.cancel', (input) => jobs.cancel((input as { jobId: string }).jobId));
  const missing = apiMethods.filter((name) => !table.has(name));
  if (missing.length > 0) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  const gate = new Gate(host);

  const fail = (error: unknown): ApiResponse => {
    if (!toAppError(error)) onUnexpected?.(error);
    const shape = toErrorShape(error);
    // SQLite's "disk full" and "read-only" name no file: it is the data file, and the clerk is told which.
    if ((shape.code === 'DISK_FULL' || shape.code === 'FILE_READ_ONLY') && shape.details && !shape.details.params?.path) {
      shape.details.params = { ...shape.details.params, path: host.services.info().dataFile ?? '' };
    }
    return { ok: false, error: shape };
  };

  function validate(method: unknown, input: unknown, options: CallOptions | undefined): { name: ApiMethod; parsed: unknown; jobId: string | undefined } {
    if (typeof method !== 'string' || !isApiMethod(method)) {
      const shown = String(method).slice(0, 100);
      throw new AppError('UNKNOWN_METHOD', `Unknown API method: ${shown}`, { key: 'errors.unknownMethod', params: { method: shown } });
    }
    const parsed = registry[method].input.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, input);
    const jobId = options?.jobId;
    if (jobId !== undefined && (typeof jobId !== 'string' || !JOB_ID.test(jobId))) {
      throw new AppError('VALIDATION', 'A job id is a UUID.', { key: 'errors.validation', fields: { jobId: { key: 'validation.format', message: 'Expected a UUID.' } } });
    }
    return { name: method, parsed: parsed.data, jobId: specOf(method).job ? jobId : undefined };
  }

  function run(name: ApiMethod, parsed: unknown, jobId: string | undefined, release: () => void): ApiResponse | Promise<ApiResponse> {
    let end: () => void = () => undefined;
    // Whoever finishes the call lets go of the job and the gate, in a finally: here for a synchronous
    // handler (or one that throws), in the promise's finally for an asynchronous one.
    let handedOver = false;
    try {
      const started = jobs.start(jobId);
      end = started.end;
      const result = table.get(name)!(parsed, host.services, started.job);
      if (!(result instanceof Promise)) return { ok: true, result };
      gate.track(result);
      handedOver = true;
      return result
        .then((value): ApiResponse => ({ ok: true, result: value }), fail)
        .finally(() => {
          end();
          release();
        });
    } catch (error) {
      return fail(error);
    } finally {
      if (!handedOver) {
        end();
        release();
      }
    }
  }

  return {
    dispatch(method, input, options) {
      try {
        const { name, parsed, jobId } = validate(method, input, options);
        const admitted = gate.enter(specOf(name));
        if (admitted instanceof Promise) return admitted.then((release) => run(name, parsed, jobId, release), fail);
        return run(name, parsed, jobId, admitted);
      } catch (error) {
        return fail(error);
      }
    },
  };
}
