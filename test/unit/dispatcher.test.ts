import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiMethods, apiSchemas } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import { createDispatcher } from '../../core/contract/dispatcher.js';
import { memberHandlers } from '../../core/members/members.js';
import { callError, freshCore } from '../support/core.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(() => core.close());

describe('dispatcher', () => {
  it('refuses an unknown method with the error shape', () => {
    expect(callError(core, 'members.drop', {})).toEqual({
      code: 'UNKNOWN_METHOD',
      message: 'Unknown API method: members.drop',
      details: { key: 'errors.unknownMethod', params: { method: 'members.drop' } },
    });
    expect(callError(core, '__proto__', {}).code).toBe('UNKNOWN_METHOD');
    expect(callError(core, 'toString', {}).code).toBe('UNKNOWN_METHOD');
  });

  it('refuses invalid input before any handler runs', () => {
    const error = callError(core, 'members.list', { limit: 'lots', extra: 1 });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toMatchObject({ limit: { key: 'validation.type' }, _: { key: 'validation.unknownField' } });
    expect(callError(core, 'members.get', { id: 'not-a-uuid' }).code).toBe('VALIDATION');
    expect(callError(core, 'members.create', null).code).toBe('VALIDATION');
    expect(callError(core, 'members.create', 'a string').code).toBe('VALIDATION');
  });

  it('turns an unexpected exception into INTERNAL without leaking its text', () => {
    const seen: unknown[] = [];
    const broken = createDispatcher(
      core.ctx,
      [
        { ...memberHandlers, 'members.list': () => { throw new Error('secret stack detail'); } },
        ...[], // the rest are not needed for this call but the table must be complete:
        Object.fromEntries(apiMethods.filter((m) => !(m in memberHandlers)).map((m) => [m, () => null])),
      ],
      (error) => seen.push(error),
    );
    const response = broken.dispatch('members.list', {});
    expect(response).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An unexpected error occurred.', details: { key: 'errors.internal' } } });
    expect(seen).toHaveLength(1);
  });

  it('refuses to start with a method registered twice or missing', () => {
    expect(() => createDispatcher(core.ctx, [memberHandlers, memberHandlers])).toThrow(/registered twice/);
    expect(() => createDispatcher(core.ctx, [memberHandlers])).toThrow(/without a handler/);
  });

  it('documents every method of the contract with a schema', () => {
    expect(apiMethods.length).toBeGreaterThan(10);
    for (const method of apiMethods) expect(typeof apiSchemas[method].safeParse).toBe('function');
  });
});
