// Browser shell transport: POST /api/<method> on our own origin; the session cookie authenticates.
import type { ApiResponse } from '../../../core/contract/registry';
import type { Transport } from './transport';

export function httpTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return {
    async invoke(method, input, options) {
      let response: Response;
      try {
        response = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          // The job id travels in a header: the body stays exactly the method's input.
          headers: { 'Content-Type': 'application/json', ...(options?.jobId ? { 'X-Alliance-Job': options.jobId } : {}) },
          body: input === undefined ? '' : JSON.stringify(input),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Cannot reach the app.', details: { key: 'errors.network' } } };
      }
      try {
        return (await response.json()) as ApiResponse;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `Unexpected response (${response.status}).`, details: { key: 'errors.internal' } } };
      }
    },
  };
}
