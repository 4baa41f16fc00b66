// Renders a component inside the providers the app gives it, with API methods stubbed by name.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { ApiMethod, ApiResponse } from '../../core/contract/registry';
import type { ErrorShape } from '../../core/contract/errors';
import { setTransport } from '../../renderer/src/api/client';

export type Stubs = Partial<Record<ApiMethod, (input: any) => unknown>>;

/** A stub that answers with an error shape instead of a result. */
export class StubError {
  constructor(readonly shape: ErrorShape) {}
}

export function stubApi(stubs: Stubs) {
  const calls: { method: string; input: unknown }[] = [];
  setTransport({
    async invoke(method, input): Promise<ApiResponse> {
      calls.push({ method, input });
      const stub = stubs[method as ApiMethod];
      if (!stub) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No stub for ${method}` } };
      const result = stub(input);
      return result instanceof StubError ? { ok: false, error: result.shape } : { ok: true, result };
    },
  });
  return calls;
}

export function renderWithProviders(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}
