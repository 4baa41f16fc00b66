// The one chain every call passes: validate → gate → run → map errors, with the gate's rules taken
// from the registry and released in `finally` whatever the handler does.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type AppHandlers } from '../../core/contract/dispatcher.js';
import { assembleMethods, defineMethods, returns } from '../../core/contract/method.js';
import { apiMethods, registry, specOf } from '../../core/contract/registry.js';
import type { Host } from '../../core/contract/services.js';
import { appHandlers } from '../../core/host/handlers.js';
import type { AppCore } from '../../core/host/core.js';
import { z } from 'zod';
import { callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(() => core.close());

/** A host over the test core whose check and damage the test controls. */
function controlledHost(state: { checking: Promise<void> | null; damage: string | null; readOnly?: string | null }): Host {
  const services = { ctx: core.ctx, folder: undefined as never, workspace: undefined as never, info: () => ({ health: { state: 'ok' as const, uncleanShutdown: false }, dataFile: null }) };
  return { services, checking: () => state.checking, damage: () => state.damage, readOnly: () => state.readOnly ?? null };
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('validate', () => {
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

  it('refuses a job id that is not a UUID', () => {
    const response = core.dispatcher.dispatch('exports.council', {}, { jobId: '../etc' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: { jobId: { key: 'validation.format' } } } } });
  });
});

describe('map errors', () => {
  it('turns an unexpected exception into INTERNAL without leaking its text', () => {
    const seen: unknown[] = [];
    const broken: AppHandlers = {
      ...appHandlers,
      'members.list': () => {
        throw new Error('secret stack detail');
      },
    };
    const response = createDispatcher(broken, controlledHost({ checking: null, damage: null }), (error) => seen.push(error)).dispatch('members.list', {});
    expect(response).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An unexpected error occurred.', details: { key: 'errors.internal' } } });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['EACCES', 'FILE_ACCESS_DENIED', 'errors.fileAccessDenied'],
    ['EROFS', 'FILE_READ_ONLY', 'errors.fileReadOnly'],
    ['ENOSPC', 'DISK_FULL', 'errors.diskFull'],
    ['EISDIR', 'FILE_IS_FOLDER', 'errors.fileIsFolder'],
    ['ENOENT', 'FILE_NOT_FOUND', 'errors.fileNotFound'],
  ])('gives %s its own code (%s), naming the path, and does not report it as a bug', async (errno, code, key) => {
    const seen: unknown[] = [];
    const failure = Object.assign(new Error(`${errno}: failed`), { code: errno, path: '/root/secret.xlsx' });
    const handlers: AppHandlers = { ...appHandlers, 'members.list': () => Promise.reject(failure) };
    const response = await createDispatcher(handlers, controlledHost({ checking: null, damage: null }), (error) => seen.push(error)).dispatch('members.list', {});
    expect(response).toMatchObject({ ok: false, error: { code, details: { key, params: { path: '/root/secret.xlsx' } } } });
    expect(seen).toEqual([]);
  });
});

describe('the registry', () => {
  it('refuses to start with a method registered twice or without a handler', () => {
    const one = defineMethods({ 'a.b': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'read', reads: [] } });
    expect(() => assembleMethods(one, one)).toThrow(/declared twice: a\.b/);
    const { 'members.list': _missing, ...incomplete } = appHandlers;
    expect(() => createDispatcher(incomplete as AppHandlers, controlledHost({ checking: null, damage: null }))).toThrow(/without a handler: members\.list/);
  });

  it('refuses a write that does not say what it changes, and a read that does not say what it reads', () => {
    expect(() => defineMethods({ 'a.w': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'write' } })).toThrow(/declares what it changes/);
    expect(() => defineMethods({ 'a.r': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'read' } })).toThrow(/declares what it reads/);
    // A read changes no record: at most the backups listed, or everything when it opens another file alone.
    expect(() => defineMethods({ 'a.r': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'read', reads: [], changes: ['organization'] } })).toThrow(/changes no record/);
    expect(() => defineMethods({ 'a.r': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'read', reads: [], changes: 'all' } })).toThrow(/runs alone/);
    expect(() => defineMethods({ 'a.r': { doc: 'x', input: z.strictObject({}), result: returns<null>(), access: 'read', reads: [], changes: ['backup'] } })).not.toThrow();
  });

  it('declares every method with a doc line and rules the gate can act on', () => {
    for (const method of apiMethods) {
      const spec = specOf(method);
      expect(spec.doc.length, method).toBeGreaterThan(10);
      expect(['read', 'write', 'control'], method).toContain(spec.access);
      // Only what recovery needs is answered with a damaged file.
      if (spec.recovery) expect(method, method).toMatch(/^(app\.(overview|check|reopen)|backups\.|files\.|jobs\.)/);
    }
    expect(Object.keys(registry).filter((m) => specOf(m as never).exclusive).sort()).toEqual(['app.reopen', 'backups.restore', 'backups.restoreFile', 'files.create', 'files.open', 'files.saveAs', 'imports.commit']);
  });
});

describe('the gate', () => {
  it('holds every call while an exclusive one runs, lets control calls through, and releases it when the handler fails', async () => {
    const running = deferred();
    const handlers: AppHandlers = { ...appHandlers, 'imports.commit': () => running.promise.then(() => Promise.reject(new Error('broken'))) };
    const dispatcher = createDispatcher(handlers, controlledHost({ checking: null, damage: null }), () => undefined);
    const jobId = randomUUID();
    const commit = dispatcher.dispatch('imports.commit', { uploadId: randomUUID() }, { jobId });
    await new Promise((r) => setImmediate(r));
    const held = dispatcher.dispatch('members.list', {});
    expect(held).toBeInstanceOf(Promise);
    expect(dispatcher.dispatch('jobs.progress', { jobId })).toEqual({ ok: true, result: { done: 0, total: 0 } });
    running.resolve();
    expect(await commit).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await held).toMatchObject({ ok: true, result: { total: 0 } });
    // Released: the next call is answered at once.
    expect(dispatcher.dispatch('members.list', {})).toMatchObject({ ok: true });
  });

  it('lets an exclusive call wait for the calls already running, then run alone', async () => {
    const order: string[] = [];
    const exporting = deferred();
    const handlers: AppHandlers = {
      ...appHandlers,
      'exports.council': async () => {
        await exporting.promise;
        order.push('export');
        return { fileName: 'x', mimeType: 'x', bytes: '' };
      },
      'imports.commit': async () => {
        order.push('commit');
        return { batchId: null, created: 0, updated: 0, skipped: 0, rejected: 0, notMembers: 0, rejectedRows: [] };
      },
    };
    const dispatcher = createDispatcher(handlers, controlledHost({ checking: null, damage: null }));
    const exported = dispatcher.dispatch('exports.council', {});
    const committed = dispatcher.dispatch('imports.commit', { uploadId: randomUUID() });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    exporting.resolve();
    await Promise.all([exported, committed]);
    expect(order).toEqual(['export', 'commit']);
  });

  it('answers reads while the start-up check runs and holds writes until its verdict', async () => {
    const check = deferred();
    const state = { checking: check.promise as Promise<void> | null, damage: null as string | null };
    const dispatcher = createDispatcher(appHandlers, controlledHost(state));
    expect(dispatcher.dispatch('members.list', {})).toMatchObject({ ok: true });
    const write = dispatcher.dispatch('members.create', { name: '长春市教育局', category: 'government' });
    expect(write).toBeInstanceOf(Promise);
    // The check finds damage: the held write is refused, recovery methods still answer.
    state.damage = 'database disk image is malformed';
    state.checking = null;
    check.resolve();
    expect(await write).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED', details: { params: { reason: 'database disk image is malformed' } } } });
    expect(dispatcher.dispatch('members.list', {})).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    expect(dispatcher.dispatch('jobs.progress', { jobId: randomUUID() })).toEqual({ ok: true, result: null });
  });

  it('answers the next call when an import meets a busy file at its commit, and imports once the file is free', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alliance.sqlite');
    const busy = await freshCore(file);
    const other = new Database(file);
    try {
      busy.ctx.sqlite.pragma('busy_timeout = 50');
      const staged = await busy.dispatcher.dispatch('imports.stage', { fileName: 'a.csv', bytes: Buffer.from('单位名称,类别\n长春市教育局,政府\n').toString('base64') });
      if (!staged.ok) throw new Error(JSON.stringify(staged.error));
      const uploadId = (staged.result as { uploadId: string }).uploadId;
      other.exec('BEGIN IMMEDIATE');
      expect(await busy.dispatcher.dispatch('imports.commit', { uploadId })).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } });
      // Not held behind a gate that was never released: answered at once.
      const next = busy.dispatcher.dispatch('members.list', {});
      expect(next).not.toBeInstanceOf(Promise);
      expect(next).toMatchObject({ ok: true, result: { total: 0 } });
      other.exec('ROLLBACK');
      expect(await busy.dispatcher.dispatch('imports.commit', { uploadId })).toMatchObject({ ok: true, result: { created: 1 } });
      expect(callOk(busy, 'members.list', {}).total).toBe(1);
    } finally {
      other.close();
      busy.close();
    }
  });
});
