// The renderer's one data layer over TanStack Query. A query's key is its method and input; a
// mutation refreshes every cached query whose method reads what the mutation's method declares it
// changes (core/contract/registry.ts), so the dashboard, roster and history are fresh after any save
// without a form listing them.
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { Entity } from '../../../core/contract/method';
import { changedBy, isApiMethod, specOf, type ApiInput, type ApiMethod, type ApiResult } from '../../../core/contract/registry';
import { call, type CallOptions } from './client';

export type ApiQueryKey<M extends ApiMethod> = readonly [M, ApiInput<M>];

export function queryKeyOf<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiQueryKey<M> {
  return [method, input] as const;
}

type QueryOptions<M extends ApiMethod> = Omit<UseQueryOptions<ApiResult<M>, Error, ApiResult<M>, ApiQueryKey<M>>, 'queryKey' | 'queryFn'>;

/** A read method's result, cached under its method and input. */
export function useApiQuery<M extends ApiMethod>(method: M, input: ApiInput<M>, options: QueryOptions<M> = {}) {
  return useQuery({ queryKey: queryKeyOf(method, input), queryFn: () => call(method, input), ...options });
}

/** Does a cached query show something among these entities? */
function reads(queryKey: readonly unknown[], changed: readonly Entity[] | 'all'): boolean {
  const method = queryKey[0];
  if (typeof method !== 'string' || !isApiMethod(method)) return false;
  if (changed === 'all') return true;
  return (specOf(method).reads ?? []).some((entity) => changed.includes(entity));
}

/** Refreshes what a call of this method may have changed (and drops nothing else). */
export function invalidateAfter(queryClient: QueryClient, method: ApiMethod): Promise<void> {
  const changed = changedBy(method);
  if (changed !== 'all' && changed.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({ predicate: (query) => reads(query.queryKey, changed) });
}

type MutationOptions<M extends ApiMethod> = Omit<UseMutationOptions<ApiResult<M>, Error, ApiInput<M>>, 'mutationFn'> & {
  /** Progress and cancellation, for a long job. */
  job?: CallOptions;
};

/** A write (or any call that changes something), refreshing what its method declares it changes. */
export function useApiMutation<M extends ApiMethod>(method: M, options: MutationOptions<M> = {}) {
  const queryClient = useQueryClient();
  const { job, onSuccess, ...rest } = options;
  return useMutation({
    ...rest,
    mutationFn: (input: ApiInput<M>) => call(method, input, job),
    onSuccess: async (...args) => {
      await invalidateAfter(queryClient, method);
      await onSuccess?.(...args);
    },
  });
}

/** Calls a method and then refreshes what it may have changed: for forms whose save is a create or an update. */
export type CallAndRefresh = <M extends ApiMethod>(method: M, input: ApiInput<M>, options?: CallOptions) => Promise<ApiResult<M>>;

export function useCallAndRefresh(): CallAndRefresh {
  const queryClient = useQueryClient();
  return async (method, input, options) => {
    const result = await call(method, input, options);
    await invalidateAfter(queryClient, method);
    return result;
  };
}
