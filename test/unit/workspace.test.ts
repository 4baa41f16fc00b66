import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
