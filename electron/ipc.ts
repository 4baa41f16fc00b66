// One IPC channel into the dispatcher. Only the app's own page, in its main frame, may call it
// (as VS Code's ipcMain does): a frame from anywhere else gets FORBIDDEN and nothing runs.
import type { ApiResponse, CallOptions, Dispatcher } from '../core/contract/dispatcher.js';
import { isAppUrl } from './security.js';

export const IPC_CHANNEL = 'alliance:invoke';

export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMainLike, dispatcher: Dispatcher): void {
  ipcMain.handle(IPC_CHANNEL, (event, method, input, options): ApiResponse | Promise<ApiResponse> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame.', details: { key: 'errors.forbidden' } } };
    }
    // Only a job id crosses from the page's options; anything else it sends is ignored.
    const jobId = (options as CallOptions | undefined)?.jobId;
    return dispatcher.dispatch(typeof method === 'string' ? method : '', input, typeof jobId === 'string' ? { jobId } : undefined);
  });
}
