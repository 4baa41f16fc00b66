// The start-up check on a worker thread: quick_check and foreign keys, then the start-up backup,
// while the first page is answered. The verdict (`checked`) is what writes wait for; the backup
// finishes on its own (`done`). A worker that cannot start, or dies before its verdict (an unusual
// packaging), falls back to checking on this thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { defaultCheckWorker } from '../../db/open.js';

export interface BackgroundCheckOptions {
  file: string;
  /** Where the start-up backup goes, or null for none. */
  backupTarget: string | null;
  nativeBinding?: string;
  workerFile?: string;
  /** The worker's verdict on the file; `locked` when another program held it rather than damage. */
  onVerdict(ok: boolean, reason: string | null, locked: boolean): void;
  /** The start-up backup is in place. */
  onBackup(): void;
  /** The same check and backup on this thread, when no worker can do them. */
  checkHere(): Promise<void>;
  onUnexpected?(error: unknown): void;
}

export interface BackgroundCheck {
  checked: Promise<void>;
  done: Promise<void>;
  terminate(): void;
}

export function startBackgroundCheck(options: BackgroundCheckOptions): BackgroundCheck {
  let markChecked!: () => void;
  let markDone!: () => void;
  const checked = new Promise<void>((resolve) => (markChecked = resolve));
  const done = new Promise<void>((resolve) => (markDone = resolve));
  let worker: Worker | null = null;
  let gotVerdict = false;
  let finished = false;
  let fellBack = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    void worker?.terminate();
    worker = null;
    markChecked();
    markDone();
  };
  const fallBack = (error?: unknown) => {
    if (fellBack || finished) return;
    fellBack = true;
    if (error) options.onUnexpected?.(error);
    options.checkHere().then(finish, finish);
  };
  try {
    worker = new Worker(options.workerFile ?? defaultCheckWorker(), {
      workerData: { file: options.file, nativeBinding: options.nativeBinding, backupTarget: options.backupTarget },
    });
  } catch (error) {
    fallBack(error);
    return { checked, done, terminate: finish };
  }
  worker.on('message', (message: { kind: string; ok?: boolean; reason?: string | null; locked?: boolean }) => {
    if (message.kind === 'check') {
      gotVerdict = true;
      options.onVerdict(Boolean(message.ok), message.reason ?? null, Boolean(message.locked));
      markChecked();
      if (!message.ok || !options.backupTarget) finish();
      return;
    }
    if (message.kind === 'backup') options.onBackup();
    else options.onUnexpected?.(new Error(`Start-up backup of ${path.basename(options.file)} failed: ${message.reason}`));
    finish();
  });
  worker.on('error', (error) => (gotVerdict ? finish() : fallBack(error)));
  worker.on('exit', () => (gotVerdict ? finish() : fallBack()));
  return { checked, done, terminate: finish };
}
