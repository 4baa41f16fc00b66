// The page's only way into the app: one small named object. Bundled to CommonJS for the sandbox.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from './ipc.js';

const bridge = {
  invoke: (method: string, input: unknown, options?: { jobId?: string }): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input, { jobId: options?.jobId }),
};

contextBridge.exposeInMainWorld('alliance', bridge);
