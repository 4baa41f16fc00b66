// A fresh core for each import test (on a fixed clock), and the two calls they all make.
import { afterEach, beforeEach } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { callAsync, callOk, freshCore } from './core.js';

export function useImportCore() {
  const state = { core: null as unknown as AppCore };
  beforeEach(async () => {
    state.core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
  });
  afterEach(() => state.core.close());
  return {
    get core(): AppCore {
      return state.core;
    },
    stage: (fileName: string, bytes: Buffer) => callAsync(state.core, 'imports.stage', { fileName, bytes: bytes.toString('base64') }),
    memberCount: (): number => callOk(state.core, 'members.list', { limit: 1 }).total,
  };
}
