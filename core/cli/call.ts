// Calls through the dispatcher, as every shell does; a failure becomes a CliApiError the CLI prints.
import type { Dispatcher } from '../contract/dispatcher.js';
import type { ErrorShape } from '../contract/errors.js';
import type { ApiInput, ApiMethod, ApiResult } from '../contract/registry.js';

export class CliApiError extends Error {
  constructor(readonly shape: ErrorShape) {
    super(shape.message);
  }
}

export interface Caller {
  dispatcher: Dispatcher;
}

export async function call<M extends ApiMethod>(core: Caller, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await core.dispatcher.dispatch(method, input);
  if (!response.ok) throw new CliApiError(response.error);
  return response.result as ApiResult<M>;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
