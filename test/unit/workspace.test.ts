import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../core/contract/registry.js';
import { DataFolder } from '../../core/folder/data-folder.js';
import { Workspace } from '../../core/folder/workspace.js';
import { tempDir } from '../support/migrations.js';

const open: Workspace[] = [];
async function workspace(dir = tempDir('alliance-ws-')) {
  const ws = await Workspace.open(dir, { autoBackupMinutes: null, startupBackup: false });
  open.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
const ask = async (ws: Workspace, method: string, input: unknown) => (await ws.dispatcher.dispatch(method, input)) as ApiResponse & { result?: any; error?: any };

describe('data files: new, open, save as', () => {
  it('creates a new data folder, switches to it, and opens the first one again', async () => {
    const first = tempDir('alliance-ws-');
    const ws = await workspace(first);
    await ask(ws, 'members.create', { name: '吉林大学', category: 'university' });
    const second = path.join(tempDir(), '新的联合体');
    expect((await ask(ws, 'files.create', { path: second })).result).toEqual({ dataFile: path.join(second, 'alliance.sqlite') });
    expect((await ask(ws, 'app.overview', {})).result).toMatchObject({ memberCount: 0, dataFile: path.join(second, 'alliance.sqlite') });
    // The first folder was released: another process could open it now.
    expect(fs.existsSync(path.join(first, 'alliance.lock'))).toBe(false);

    expect((await ask(ws, 'files.open', { path: path.join(first, 'alliance.sqlite') })).ok).toBe(true);
    expect((await ask(ws, 'app.overview', {})).result.memberCount).toBe(1);
  });

  it('saves a copy with its attachments elsewhere and continues there', async () => {
    const ws = await workspace();
    const [a, b] = [
      (await ask(ws, 'members.create', { name: '长春职业技术学院', category: 'higher_vocational' })).result.member.id,
      (await ask(ws, 'members.create', { name: '一汽模具制造有限公司', category: 'enterprise' })).result.member.id,
    ];
    const agreement = (await ask(ws, 'agreements.create', { title: '协议', parties: [{ organizationId: a }, { organizationId: b }] })).result;
    const attachment = (await ask(ws, 'attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: '扫描件.pdf', contentBase64: Buffer.from('%PDF').toString('base64') })).result;
    const copy = path.join(tempDir(), '副本');
    await ask(ws, 'files.saveAs', { path: copy });
    expect(ws.current.dir).toBe(copy);
    expect(Buffer.from((await ask(ws, 'attachments.read', { id: attachment.id })).result.bytes, 'base64').toString()).toBe('%PDF');
    await ask(ws, 'members.create', { name: '只在副本里', category: 'other' });
    expect((await ask(ws, 'app.overview', {})).result.memberCount).toBe(3);
  });

  it.each([
    ['a relative path', 'data/联合体', 'validation.absolutePath'],
    ['a file with another name', '/tmp/notes.sqlite', 'validation.dataFileName'],
  ])('refuses %s', async (_what, given, key) => {
    const ws = await workspace();
    const response = await ask(ws, 'files.open', { path: given });
    expect(response.error).toMatchObject({ code: 'VALIDATION', details: { fields: { path: { key } } } });
  });

  it('refuses to open a folder without a data file, or to create over one', async () => {
    const ws = await workspace();
    expect((await ask(ws, 'files.open', { path: tempDir() })).error.details.fields.path.key).toBe('validation.noDataFile');
    expect((await ask(ws, 'files.create', { path: ws.current.dir })).error.details.fields.path.key).toBe('validation.dataFileExists');
  });

  it('stays on the current folder when the other one is held by another process', async () => {
    const ws = await workspace();
    const busy = tempDir('alliance-ws-');
    const other = await DataFolder.open(busy, { autoBackupMinutes: null, startupBackup: false });
    try {
      expect((await ask(ws, 'files.open', { path: busy })).error.code).toBe('DATA_DIR_IN_USE');
      expect((await ask(ws, 'app.overview', {})).result.dataFile).toBe(ws.current.file);
      expect(ws.current.dir).not.toBe(busy);
    } finally {
      other.close();
    }
  });
});

describe('paths from the page', () => {
  it.each([
    ['/proc', '/proc/self', 'validation.systemFolder'],
    ['/sys', '/sys/kernel/联合体', 'validation.systemFolder'],
    ['/dev', '/dev/shm/联合体', 'validation.systemFolder'],
    ['a missing parent', '/no/such/parent/联合体', 'validation.parentMissing'],
    ['a control character', '/tmp/a\u0007b', 'validation.controlCharacters'],
  ])('refuses a typed path under %s', async (_what, given, key) => {
    const ws = await workspace();
    for (const method of ['files.create', 'files.saveAs', 'files.checkPath']) {
      const response = await ask(ws, method, method === 'files.checkPath' ? { path: given, purpose: 'create' } : { path: given });
      expect(response.error, method).toMatchObject({ code: 'VALIDATION', details: { fields: { path: { key } } } });
    }
  });

  it('follows a symbolic link to where it leads before deciding', async () => {
    const ws = await workspace();
    const link = path.join(tempDir(), '看起来无害');
    fs.symlinkSync('/proc/self', link);
    const response = await ask(ws, 'files.create', { path: path.join(link, '联合体') });
    expect(response.error.details.fields.path.key).toBe('validation.systemFolder');
  });

  it('refuses an alliance.sqlite that is a pipe at once, instead of hanging on it', async () => {
    const ws = await workspace();
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'alliance.sqlite')]);
    const started = Date.now();
    const response = await ask(ws, 'files.open', { path: dir });
    expect(response.error.details.fields.path.key).toBe('validation.dataFileNotAFile');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('describes a typed folder for the clerk to confirm', async () => {
    const ws = await workspace();
    const dir = tempDir();
    expect((await ask(ws, 'files.checkPath', { path: ` ${dir}/./新的 `, purpose: 'create' })).result).toEqual({ path: path.join(dir, '新的'), exists: false, hasDataFile: false });
    expect((await ask(ws, 'files.checkPath', { path: ws.current.file, purpose: 'open' })).result).toEqual({ path: ws.current.dir, exists: true, hasDataFile: true });
  });

  it("in the desktop app takes folders only from its own dialog, by single-use handles", async () => {
    const chosen = tempDir('alliance-chosen-');
    const dialog = vi.fn(async () => chosen);
    const ws = await Workspace.open(tempDir('alliance-ws-'), { autoBackupMinutes: null, startupBackup: false, chooseFolder: dialog });
    open.push(ws);
    expect((await ask(ws, 'app.overview', {})).result.folderDialog).toBe(true);
    // A path the page made up is refused, whatever it is.
    expect((await ask(ws, 'files.create', { path: chosen })).error.code).toBe('FORBIDDEN');

    const { handle, path: shown } = (await ask(ws, 'files.choose', { purpose: 'create' })).result;
    expect(shown).toBe(chosen);
    expect(dialog).toHaveBeenCalledWith('create');
    // A handle is for its purpose only, and for one use.
    expect((await ask(ws, 'files.open', { handle })).error.code).toBe('FORBIDDEN');
    const again = (await ask(ws, 'files.choose', { purpose: 'create' })).result.handle;
    expect((await ask(ws, 'files.create', { handle: again })).result).toEqual({ dataFile: path.join(chosen, 'alliance.sqlite') });
    expect((await ask(ws, 'files.create', { handle: again })).error.code).toBe('FORBIDDEN');
    expect((await ask(ws, 'files.open', { handle: '00000000-0000-4000-8000-000000000000' })).error.code).toBe('FORBIDDEN');
  });

  it('has no folder dialog in the browser shell', async () => {
    const ws = await workspace();
    expect((await ask(ws, 'files.choose', { purpose: 'open' })).error.code).toBe('UNAVAILABLE');
    expect((await ask(ws, 'app.overview', {})).result.folderDialog).toBe(false);
  });
});
