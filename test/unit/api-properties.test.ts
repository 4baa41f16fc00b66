// Property test over the whole API contract: for every method, hundreds of malformed inputs are
// refused with VALIDATION, never a crash, and nothing is written to the database.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, apiSchemas, type ApiMethod } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import { callOk, freshCore } from '../support/core.js';

export const RUNS_PER_METHOD = 300;

let core: AppCore;
beforeAll(async () => {
  core = await freshCore();
  callOk(core, 'sample.load', {});
});
afterAll(() => core.close());

const contentHash = () => createHash('sha256').update(core.database.sqlite.serialize()).digest('hex');
const totalChanges = () => core.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };

// Values that break fields: wrong types, huge or odd strings, bad ids and dates, prototype tricks.
const badValue = fc.oneof(
  fc.constantFrom(null, true, -1, 1.5, Number.MAX_SAFE_INTEGER, '', ' ', 'x'.repeat(70_000), '2023-02-30', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '__proto__', '<script>', [], {}),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
);

/** A malformed input: anything at all, or an object whose fields are replaced by bad values. */
const malformed = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.dictionary(fc.constantFrom('id', 'name', 'category', 'parties', 'title', 'type', 'date', 'uscc', 'eventId', 'organizationId', 'limit', 'contacts', 'fileName', 'constructor'), badValue, {
    minKeys: 1,
    maxKeys: 4,
  }),
);

describe.each(apiMethods.map((m) => [m]))('%s', (method: ApiMethod) => {
  it(`refuses ${RUNS_PER_METHOD} malformed inputs with VALIDATION and writes nothing`, () => {
    const before = contentHash();
    let tried = 0;
    fc.assert(
      fc.property(malformed, (input) => {
        fc.pre(!apiSchemas[method].safeParse(input).success);
        const changes = totalChanges();
        const response = core.dispatcher.dispatch(method, input);
        expect(response).not.toBeInstanceOf(Promise);
        expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { key: 'errors.validation' } } });
        expect(totalChanges()).toEqual(changes);
        tried++;
      }),
      { numRuns: RUNS_PER_METHOD, maxSkipsPerRun: 100, seed: 20230819 },
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS_PER_METHOD);
    expect(contentHash()).toBe(before);
  });
});
