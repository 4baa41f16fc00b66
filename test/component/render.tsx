// Renders a component inside the providers the app gives it, with API methods stubbed by name.
// Stubs are typed from the registry, and every call is checked against the method's input schema
// first, as the core's dispatcher does: a component that sends a malformed input gets the core's
// VALIDATION answer here too. A method without a stub fails the test, naming the method.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { isApiMethod, registry, type ApiMethod, type ApiParsed, type ApiResponse, type ApiResult } from '../../core/contract/registry';
import type { ErrorShape } from '../../core/contract/errors';
import { validationError } from '../../core/contract/validation';
import { setTransport } from '../../renderer/src/api/client';

type Partially<T> = T extends readonly (infer U)[] ? readonly Partially<U>[] : T extends object ? { [K in keyof T]?: Partially<T[K]> } : T;

/** What a stub may answer: the method's result (fixtures may leave out what the component does not show), or an error. */
export type StubAnswer<M extends ApiMethod> = Partially<ApiResult<M>> | StubError;
export type Stubs = { [M in ApiMethod]?: (input: ApiParsed<M>) => StubAnswer<M> | Promise<StubAnswer<M>> };

/** A stub that answers with an error shape instead of a result. */
export class StubError {
  constructor(readonly shape: ErrorShape) {}
}

export interface StubCall {
  method: string;
  /** The input as the component sent it. */
  input: unknown;
  jobId?: string;
}

/** Methods a component called that its test did not stub; setup.ts fails the test when any are left. */
const unstubbed: string[] = [];
export function takeUnstubbedCalls(): string[] {
  return unstubbed.splice(0);
}

/**
 * Jobs' own methods answer as when no job runs, and the overview as the app shell has it (the shell
 * loads it before any page; forms read the data file from it), unless a test stubs them.
 */
const SHELL_DEFAULTS: Stubs = {
  'jobs.progress': () => null,
  'jobs.cancel': () => ({ cancelled: false }),
  'app.overview': () => ({ dataFile: '/data/alliance.sqlite', memberCount: 0, sampleMemberCount: 0, profile: null }),
};

export function stubApi(stubs: Stubs) {
  const calls: StubCall[] = [];
  const all: Stubs = { ...SHELL_DEFAULTS, ...stubs };
  setTransport({
    async invoke(method, input, options): Promise<ApiResponse> {
      calls.push({ method, input, jobId: options?.jobId });
      if (!isApiMethod(method)) throw new Error(`The component called an unknown method: ${method}`);
      const stub = all[method] as ((input: unknown) => unknown) | undefined;
      if (!stub) {
        unstubbed.push(method);
        return { ok: false, error: { code: 'UNAVAILABLE', message: `${method} is not stubbed in this test.` } };
      }
      const parsed = registry[method].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error, input).toShape() };
      const result = await stub(parsed.data);
      return result instanceof StubError ? { ok: false, error: result.shape } : { ok: true, result };
    },
  });
  return calls;
}

export function renderWithProviders(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...view, client };
}
