// One long job at a time from a button: how far it is (for the button's text) and a cancel. Exports,
// certificates and backups run through it, so every long job shows progress and stops the same way.
import { useRef, useState } from 'react';
import type { CallOptions, JobProgress } from './client';

/** " 42%" once the job knows its size, else nothing (the button's spinner says it runs). */
export function percentText(progress: JobProgress | null): string {
  return progress && progress.total > 0 ? ` ${Math.floor((progress.done / progress.total) * 100)}%` : '';
}

export function useJobRun() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  /** Runs `work` with the job's options; resolves to its result, or rejects as the call did (CANCELLED when cancelled). */
  const run = async <T>(work: (job: CallOptions) => Promise<T>): Promise<T> => {
    const cancel = new AbortController();
    running.current = cancel;
    setProgress({ done: 0, total: 0 });
    try {
      return await work({ onProgress: setProgress, signal: cancel.signal });
    } finally {
      running.current = null;
      setProgress(null);
    }
  };
  return {
    progress,
    running: progress !== null,
    run,
    cancel: () => running.current?.abort(),
    /** Whether the last run was cancelled by the clerk (its error is then no news to her). */
    wasCancelled: (error: unknown) => (error as { code?: string } | null)?.code === 'CANCELLED',
  };
}
