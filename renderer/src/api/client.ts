// `call(method, input)`, typed from core/api.ts. Failures throw ApiError carrying the error shape.
import type { ApiInput, ApiMethod, ApiResult } from '../../../core/contract/registry';
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

let transport: Transport | null = null;

/** The desktop bridge when the preload provided one, otherwise HTTP to the browser shell. */
export function defaultTransport(): Transport {
  return window.alliance ? ipcTransport(window.alliance) : httpTransport();
}

export function setTransport(next: Transport): void {
  transport = next;
}

export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  transport ??= defaultTransport();
  const response = await transport.invoke(method, input);
  if (!response.ok) throw new ApiError(response.error);
  return response.result as ApiResult<M>;
}
