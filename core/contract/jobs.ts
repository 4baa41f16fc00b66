// Long jobs (imports, exports, backups, restores …): the caller names a job by an id of its own
// choosing, then asks jobs.progress and jobs.cancel about it while the call runs. One table per
// dispatcher; a job leaves it when its call ends, whatever the outcome.
import { AppError } from './errors.js';
import type { Job } from './method.js';

interface RunningJob extends Job {
  done: number;
  total: number;
  readonly controller: AbortController;
}

export const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function newJob(): RunningJob {
  const controller = new AbortController();
  const job: RunningJob = {
    done: 0,
    total: 0,
    controller,
    signal: controller.signal,
    progress(done, total) {
      job.done = done;
      job.total = total;
    },
    checkpoint() {
      if (controller.signal.aborted) throw new AppError('CANCELLED', 'Cancelled; nothing was changed.', { key: 'errors.cancelled' });
    },
  };
  return job;
}

export class JobTable {
  private readonly running = new Map<string, RunningJob>();

  /** A job for one call; registered under its id when the caller gave one. */
  start(jobId: string | undefined): { job: Job; end(): void } {
    const job = newJob();
    if (jobId === undefined) return { job, end: () => undefined };
    if (this.running.has(jobId)) throw new AppError('CONFLICT', 'A job with this id is already running.', { key: 'errors.conflict' });
    this.running.set(jobId, job);
    return { job, end: () => this.running.delete(jobId) };
  }

  progress(jobId: string): { done: number; total: number } | null {
    const job = this.running.get(jobId);
    return job ? { done: job.done, total: job.total } : null;
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.running.get(jobId);
    job?.controller.abort();
    return { cancelled: Boolean(job) };
  }
}
