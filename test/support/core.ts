// A fresh core on a real migrated database (in memory unless a file is given).
import type { ApiInput, ApiMethod, ApiResponse, ApiResult } from '../../core/contract/registry.js';
import { createCore, type AppCore } from '../../core/host/core.js';
import type { ErrorShape } from '../../core/contract/errors.js';
import { openDatabase } from '../../db/open.js';
import path from 'node:path';
import { tempDir } from './migrations.js';

export async function freshCore(file = ':memory:', now?: () => Date): Promise<AppCore> {
  return createCore(await openDatabase(file), { now, attachmentsDir: path.join(tempDir('alliance-files-'), 'attachments') });
}

/** Calls through the dispatcher, as every shell does; throws the error shape on failure. */
export function callOk<M extends ApiMethod>(core: AppCore, method: M, input: ApiInput<M>): ApiResult<M> {
  const response = syncResponse(core.dispatcher.dispatch(method, input));
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.result as ApiResult<M>;
}

export function callError(core: AppCore, method: string, input: unknown): ErrorShape {
  const response = syncResponse(core.dispatcher.dispatch(method, input));
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}

export const VALID_USCC = ['91350100M000100Y43', '91512081MA62K0260E'];

function syncResponse(response: ApiResponse | Promise<ApiResponse>): ApiResponse {
  if (response instanceof Promise) throw new Error('This method answers asynchronously: await dispatcher.dispatch instead.');
  return response;
}

/** As callOk, for methods that answer with a promise (exports, imports, backups). */
export async function callAsync<M extends ApiMethod>(core: AppCore, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await core.dispatcher.dispatch(method, input);
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.result as ApiResult<M>;
}

export async function callAsyncError(core: AppCore, method: string, input: unknown): Promise<ErrorShape> {
  const response = await core.dispatcher.dispatch(method, input);
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}
