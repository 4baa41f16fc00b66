// `call(method, input)`, typed from the contract (core/contract/registry.ts). Failures throw ApiError
// carrying the error shape. A long job (the registry says which) can report progress and be
// cancelled: the client names it with an id of its own and asks jobs.progress / jobs.cancel meanwhile.
import type { ApiInput, ApiMethod, ApiResult } from '../../../core/contract/registry';
import { specOf } from '../../../core/contract/registry';
import type { ErrorShape } from '../../../core/contract/errors';
import { httpTransport } from './http';
import { ipcTransport } from './ipc';
import type { Transport } from './transport';

export class ApiError extends Error {
  constructor(readonly shape: ErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

export interface JobProgress {
  done: number;
  total: number;
}

export interface CallOptions {
  /** Called while a long job runs, with how far it is. */
  onProgress?(progress: JobProgress): void;
  /** Aborting it cancels the job; the call then fails with CANCELLED and nothing of it is kept. */
  signal?: AbortSignal;
}

/** How often a running job's progress is asked. */
const POLL_MS = 250;

let transport: Transport | null = null;

/** The desktop bridge when the preload provided one, otherwise HTTP to the browser shell. */
export function defaultTransport(): Transport {
  return window.alliance ? ipcTransport(window.alliance) : httpTransport();
}

export function setTransport(next: Transport): void {
  transport = next;
}

async function invoke<M extends ApiMethod>(method: M, input: unknown, jobId?: string): Promise<ApiResult<M>> {
  transport ??= defaultTransport();
  const response = await transport.invoke(method, input, jobId ? { jobId } : undefined);
  if (!response.ok) throw new ApiError(response.error);
  return response.result as ApiResult<M>;
}

export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>, options?: CallOptions): Promise<ApiResult<M>> {
  if (!options || !specOf(method).job) return invoke(method, input);
  const jobId = crypto.randomUUID();
  const cancel = () => void invoke('jobs.cancel', { jobId }).catch(() => undefined);
  if (options.signal?.aborted) throw new ApiError({ code: 'CANCELLED', message: 'Cancelled; nothing was changed.', details: { key: 'errors.cancelled' } });
  options.signal?.addEventListener('abort', cancel, { once: true });
  const timer = options.onProgress
    ? setInterval(() => {
        invoke('jobs.progress', { jobId }).then((progress) => progress && options.onProgress?.(progress), () => undefined);
      }, POLL_MS)
    : null;
  try {
    return await invoke(method, input, jobId);
  } finally {
    if (timer) clearInterval(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
