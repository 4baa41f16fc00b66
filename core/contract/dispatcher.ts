// Every call from every shell goes through here: the method name is checked against the contract,
// the input parsed with its schema, and any failure returned in the one error shape.
import { apiSchemas, isApiMethod, type ApiMethod, type ApiParsed, type ApiResponse, type ApiResult } from './registry.js';
import type { ServiceContext } from './context.js';
import { AppError, toErrorShape } from './errors.js';
import { validationError } from './validation.js';
import { busyError, isBusyError } from '../../db/open.js';

/** A handler answers at once, or (backups, restores) with a promise. */
export type Handler<M extends ApiMethod> = (input: ApiParsed<M>, ctx: ServiceContext) => ApiResult<M> | Promise<ApiResult<M>>;
export type HandlerMap = { [M in ApiMethod]?: Handler<M> };

export type { ApiResponse };

export interface Dispatcher {
  /** Synchronous for synchronous handlers (nearly all); shells simply await the result. */
  dispatch(method: string, input: unknown): ApiResponse | Promise<ApiResponse>;
}

/** Joins each domain's handler map; a method registered twice, or not at all, is a programming error. */
export function createDispatcher(ctx: ServiceContext, maps: HandlerMap[], onUnexpected?: (error: unknown) => void): Dispatcher {
  const handlers = new Map<string, Handler<ApiMethod>>();
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (handlers.has(name)) throw new Error(`API method registered twice: ${name}`);
      handlers.set(name, handler as Handler<ApiMethod>);
    }
  }
  const missing = Object.keys(apiSchemas).filter((name) => !handlers.has(name));
  if (missing.length > 0) throw new Error(`API methods without a handler: ${missing.join(', ')}`);

  const fail = (error: unknown): ApiResponse => {
    if (isBusyError(error)) return { ok: false, error: busyError().toShape() };
    if (!(error instanceof AppError)) onUnexpected?.(error);
    return { ok: false, error: toErrorShape(error) };
  };
  const dispatcher: Dispatcher = {
    dispatch(method, input) {
      if (ctx.exclusive && !ctx.exclusive.allows.includes(String(method))) return ctx.exclusive.until.then(() => dispatcher.dispatch(method, input));
      try {
        if (typeof method !== 'string' || !isApiMethod(method)) {
          throw new AppError('UNKNOWN_METHOD', `Unknown API method: ${String(method).slice(0, 100)}`, {
            key: 'errors.unknownMethod',
            params: { method: String(method).slice(0, 100) },
          });
        }
        const parsed = apiSchemas[method].safeParse(input);
        if (!parsed.success) throw validationError(parsed.error, input);
        const result = handlers.get(method)!(parsed.data as never, ctx);
        if (result instanceof Promise) return result.then((value): ApiResponse => ({ ok: true, result: value }), fail);
        return { ok: true, result };
      } catch (error) {
        return fail(error);
      }
    },
  };
  return dispatcher;
}
