// The one interface both shells' transports implement; UI code never knows which shell it runs in.
import type { ApiResponse } from '../../../core/contract/registry';

export interface Transport {
  invoke(method: string, input: unknown): Promise<ApiResponse>;
}

/** What the Electron preload exposes on `window.alliance`. */
export interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    alliance?: DesktopBridge;
  }
}
