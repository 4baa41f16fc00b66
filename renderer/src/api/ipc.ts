import type { ApiResponse } from '../../../core/contract/registry';
import type { DesktopBridge, Transport } from './transport';

export function ipcTransport(bridge: DesktopBridge): Transport {
  return { invoke: async (method, input, options) => (await bridge.invoke(method, input, options)) as ApiResponse };
}
