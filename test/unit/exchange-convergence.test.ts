// Convergence (issue #16): two or three copies make random changes offline (creates, edits, deletions,
// restores, contacts, agreements, ceremony marks, roster imports), pass exchange files in
// random orders and directions, merge with the rule `newer`, and end identical — with no record lost
// and every value that was overwritten findable in a history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshCore } from '../support/core.js';
import { registerOf } from '../support/exchange.js';
import { apply, findable, op, settle, type Trace } from '../support/exchange-ops.js';

describe('copies that exchange files converge', () => {
  for (const replicas of [2, 3]) {
    it(`${replicas} copies, random changes and exchanges, end identical with nothing lost`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op(replicas), { minLength: 4, maxLength: 24 }), async (ops) => {
          const cores = await Promise.all(Array.from({ length: replicas }, () => freshCore()));
          try {
            const trace: Trace = { written: [], created: [], deleted: new Set() };
            for (const o of ops) await apply(cores, o, trace);
            settle(cores);
            const first = registerOf(cores[0]!);
            for (const core of cores.slice(1)) expect(registerOf(core)).toEqual(first);
            // No record lost: each unit made is here, merged into another, or was deleted by a clerk.
            const here = new Set(first.organizations!.map((o) => (o as { id: string }).id));
            const aliased = new Set(cores.flatMap((c) => c.ctx.sqlite.prepare("SELECT from_pk FROM sync_aliases WHERE tbl = 'organizations'").pluck().all() as string[]));
            for (const id of trace.created) expect(here.has(id) || aliased.has(id) || trace.deleted.has(id)).toBe(true);
            for (const { value } of trace.written) expect(findable(cores, value)).toBe(true);
          } finally {
            for (const core of cores) core.close();
          }
        }),
        // EXCHANGE_RUNS=500 for a longer hunt; the suite's share keeps it to seconds.
        { numRuns: Number(process.env.EXCHANGE_RUNS ?? (replicas === 2 ? 40 : 25)) },
      );
    }, 240_000);
  }
});
