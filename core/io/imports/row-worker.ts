// The import's row reader as a worker thread's script (row-reader.ts starts it; the desktop build
// bundles it whole into dist-electron/row-worker.js): it answers each request with row-work.ts. Only
// this file listens, so the core loaded in any other thread (a test runner's) answers nothing.
import { parentPort } from 'node:worker_threads';
import { answer, type RowWorkRequest } from './row-work.js';

parentPort?.on('message', (request: RowWorkRequest) => parentPort!.postMessage(answer(request)));
