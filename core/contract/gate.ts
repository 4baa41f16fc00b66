// The one gate every call passes, with what the method's rules say about it:
// - control calls (a job's progress and cancel) pass at once, always;
// - while an exclusive call runs (an import's open transaction, a restore swapping the file), every
//   other call waits; an exclusive call itself waits for the calls already running to finish;
// - while the start-up check runs, reads pass and everything else waits for its verdict;
// - a damaged file answers only the recovery methods;
// - a file or folder that cannot be written answers reads, and refuses writes naming it.
// A caller always gets a release, which the dispatcher calls in `finally`.
import { AppError } from './errors.js';
import type { Host } from './services.js';
import type { MethodRules } from './method.js';

export type Release = () => void;

const nothingToRelease: Release = () => undefined;

export class Gate {
  /** Settles when the running exclusive call ends. */
  private exclusive: Promise<void> | null = null;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly host: Pick<Host, 'checking' | 'damage' | 'readOnly'>) {}

  /** Admits a call now (a release) or later (a promise of one); throws when it may not run at all. */
  enter(rules: Pick<MethodRules, 'access' | 'recovery' | 'exclusive'>): Release | Promise<Release> {
    if (rules.access === 'control') return nothingToRelease;
    const wait = this.exclusive ?? (rules.access === 'read' ? null : this.host.checking());
    if (wait) return wait.then(() => this.enter(rules));
    const damage = this.host.damage();
    if (damage !== null && !rules.recovery) {
      throw new AppError('DB_DAMAGED', `The data file is damaged: ${damage}`, { key: 'errors.dbDamaged', params: { reason: damage } });
    }
    const readOnly = rules.access === 'write' ? this.host.readOnly() : null;
    if (readOnly !== null) {
      throw new AppError('FILE_READ_ONLY', `Changes cannot be saved: ${readOnly} is read-only. Reading works; copy the folder somewhere writable (or fix its permissions) to make changes.`, {
        key: 'errors.readOnlyFolder',
        params: { path: readOnly },
      });
    }
    if (!rules.exclusive) return nothingToRelease;
    let end!: () => void;
    this.exclusive = new Promise<void>((resolve) => (end = resolve));
    const release: Release = () => {
      this.exclusive = null;
      end();
    };
    if (this.running.size === 0) return release;
    return Promise.allSettled([...this.running]).then(() => release);
  }

  /** A call that answers later: an exclusive call waits for it. */
  track(pending: Promise<unknown>): void {
    this.running.add(pending);
    void pending.finally(() => this.running.delete(pending)).catch(() => undefined);
  }
}
