// The one interface both shells' transports implement; UI code never knows which shell it runs in.
import type { ApiResponse } from '../../../core/contract/registry';

export interface InvokeOptions {
  /** Names a long job, so its progress can be asked and it can be cancelled while it runs. */
  jobId?: string;
}

export interface Transport {
  invoke(method: string, input: unknown, options?: InvokeOptions): Promise<ApiResponse>;
}

/** What the Electron preload exposes on `window.alliance`. */
export interface DesktopBridge {
  invoke(method: string, input: unknown, options?: InvokeOptions): Promise<unknown>;
}

declare global {
  interface Window {
    alliance?: DesktopBridge;
  }
}
