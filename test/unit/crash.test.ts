// Power cuts mid-import: a child importing a 10,000-row roster through the real import path is
// killed with SIGKILL at random moments, until 30 kills have hit a live child. After every kill the
// database passes integrity_check and holds all or none of each import: members and batches agree.
import { describe, expect, it } from 'vitest';
import { checkFile, onPrivateCopy } from '../../db/integrity.js';
import { runAndKill as killAfterBegin } from '../support/kill-battery.js';
import { tempDir } from '../support/migrations.js';
import path from 'node:path';

export const KILLS = 30;
const ROWS = 10_000;

interface Kill {
  /** The child was still running when the signal was sent (not exited, not killed already). */
  alive: boolean;
  /** The last line it printed: how far the import had come. */
  last: string;
}

/** Runs the child until it prints `begin` (its commit starts), then kills it after `delayMs`. */
function runAndKill(dir: string, run: number, delayMs: number): Promise<Kill> {
  return killAfterBegin('test/support/crash-child.ts', [dir, String(run), String(ROWS)], delayMs);
}

/** Members and import batches, counted on a copy with its WAL, as the next start would see them. */
function counts(file: string): { members: number; batches: number } {
  return onPrivateCopy(
    file,
    {},
    (db) => ({
      members: db.prepare('SELECT count(*) FROM organizations').pluck().get() as number,
      batches: db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number,
    }),
    (error) => {
      throw error;
    },
  );
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs of a live child during a ${ROWS}-row import with all or none of each import`, async () => {
    const dir = tempDir('alliance-crash-');
    const file = path.join(dir, 'alliance.sqlite');
    const phases: Record<string, number> = {};
    // A fixed-seed spread of kill moments over the whole commit (about a second and a half here) and just after it.
    let seed = 20230819;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let live = 0;
    for (let run = 0; live < KILLS && run < KILLS * 2; run++) {
      const { alive, last } = await runAndKill(dir, run, Math.floor(random() * 2000));
      if (!alive) continue;
      live++;
      const phase = last.startsWith('progress') ? 'mid-write' : last;
      phases[phase] = (phases[phase] ?? 0) + 1;
      const check = checkFile(file);
      expect(check.ok, check.reason ?? '').toBe(true);
      const { members, batches } = counts(file);
      expect(members).toBe(batches * ROWS);
    }
    console.log(`crash test: ${live} kills of a live child by phase ${JSON.stringify(phases)}; final ${JSON.stringify(counts(file))}`);
    expect(live).toBe(KILLS);
    expect(phases['mid-write'] ?? 0).toBeGreaterThan(5);
  }, 400_000);
});
