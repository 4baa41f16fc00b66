import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootId, LOCK_FILE_NAME, processStart } from '../../core/folder/data-dir-lock.js';
import type { DataFolder } from '../../core/folder/data-folder.js';
import { tempDir } from '../support/migrations.js';
import { ask, damage, openFolder, refusal } from '../support/folder.js';

const open: DataFolder[] = [];
async function folderAt(dir?: string, now?: () => Date) {
  const folder = await openFolder(dir, now ? { now } : {});
  open.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of open.splice(0)) folder.close();
});
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const memberCount = async (folder: DataFolder) => (await ask(folder, 'app.overview', {})).memberCount;

describe('backups', () => {
  it('backs up at start-up, then only when something changed', async () => {
    const folder = await folderAt();
    expect(folder.listBackups().map((b) => b.reason)).toEqual(['startup']);
    expect(await folder.backupIfChanged()).toBeNull();
    await ask(folder, 'members.create', { name: '长春市教育局', category: 'government' });
    expect((await folder.backupIfChanged())?.reason).toBe('auto');
    expect(await folder.backupIfChanged()).toBeNull();
  });

  it('writes consistent copies that pass integrity_check and leave no -wal/-shm beside them', async () => {
    const folder = await folderAt();
    await ask(folder, 'sample.load', {});
    const backup = await folder.backup('manual');
    const file = path.join(folder.backupsDir, backup.name);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 190 });
    copy.close();
    expect(fs.readdirSync(folder.backupsDir).filter((n) => n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([]);
  });

  it('gives "Back up now" as bytes for the shell to save, and keeps a copy in the list', async () => {
    const folder = await folderAt();
    await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
    const before = (await ask(folder, 'backups.list', {})).map((b) => b.name);
    const file = await ask(folder, 'backups.create', {});
    expect(file.fileName).toMatch(/^联合体数据备份-\d{8}-\d{6}\.sqlite$/);
    expect(file.kept?.reason).toBe('manual');
    const after = await ask(folder, 'backups.list', {});
    expect(after.map((b) => b.name).filter((n) => !before.includes(n))).toEqual([file.kept!.name]);
    const kept = new Database(path.join(folder.backupsDir, file.kept!.name), { readonly: true });
    expect(kept.prepare('SELECT name FROM organizations').pluck().all()).toEqual(['吉林大学']);
    kept.close();
    const saved = path.join(tempDir(), 'saved.sqlite');
    fs.writeFileSync(saved, Buffer.from(file.bytes, 'base64'));
    const db = new Database(saved, { readonly: true });
    expect(db.prepare('SELECT name FROM organizations').pluck().all()).toEqual(['吉林大学']);
    db.close();
  });

  it('restores a backup after saving the current data, so the restore itself can be undone', async () => {
    const folder = await folderAt();
    await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
    const before = await folder.backup('manual');
    await ask(folder, 'members.create', { name: '长春工业大学', category: 'university' });
    expect(await memberCount(folder)).toBe(2);

    await ask(folder, 'backups.restore', { name: before.name });
    expect(await memberCount(folder)).toBe(1);
    const undo = folder.listBackups().find((b) => b.reason === 'before-restore')!;
    await ask(folder, 'backups.restore', { name: undo.name });
    expect(await memberCount(folder)).toBe(2);
  });

  it('refuses a damaged backup, an unknown name and a foreign file, leaving the data as it was', async () => {
    const folder = await folderAt();
    await ask(folder, 'sample.load', {});
    const good = await folder.backup('manual');
    damage(path.join(folder.backupsDir, good.name));
    expect((await refusal(folder, 'backups.restore', { name: good.name })).code).toBe('BACKUP_DAMAGED');
    expect((await refusal(folder, 'backups.restore', { name: '../alliance.sqlite' })).code).toBe('NOT_FOUND');
    const foreign = new Database(path.join(tempDir(), 'other.sqlite'));
    foreign.exec('CREATE TABLE t (x)');
    const bytes = foreign.serialize().toString('base64');
    foreign.close();
    expect((await refusal(folder, 'backups.restoreFile', { fileName: 'other.sqlite', contentBase64: bytes })).details?.key).toBe('errors.notABackup');
    expect(await memberCount(folder)).toBe(190);
  });
});

describe('integrity', () => {
  it('opens a damaged database read-only in recovery mode, never over it, and restores the newest good backup', async () => {
    const dir = tempDir('alliance-folder-');
    const first = await folderAt(dir);
    await ask(first, 'sample.load', {});
    const good = await first.backup('manual');
    first.close();
    open.splice(open.indexOf(first), 1);

    damage(path.join(dir, 'alliance.sqlite'));
    const damagedBytes = sha(path.join(dir, 'alliance.sqlite'));
    const folder = await folderAt(dir);
    expect(folder.isDamaged).toBe(true);
    const overview = await ask(folder, 'app.overview', {});
    expect(overview.health).toMatchObject({ state: 'damaged', newestBackup: good.name });
    expect((await refusal(folder, 'members.list', {})).code).toBe('DB_DAMAGED');
    expect((await ask(folder, 'app.check', {})).ok).toBe(false);
    expect(sha(path.join(dir, 'alliance.sqlite'))).toBe(damagedBytes);

    await ask(folder, 'backups.restore', { name: good.name });
    expect(folder.isDamaged).toBe(false);
    expect(await memberCount(folder)).toBe(190);
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('alliance.damaged-'));
    expect(aside).toHaveLength(1);
    expect(sha(path.join(dir, aside[0]!))).toBe(damagedBytes);
  });

  it('runs the full check after an unclean shutdown', async () => {
    const dir = tempDir('alliance-folder-');
    const first = await folderAt(dir);
    first.close();
    open.splice(open.indexOf(first), 1);
    // A lock left by a process that no longer exists: the last session died.
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const folder = await folderAt(dir);
    expect(folder.uncleanShutdown).toBe(true);
    expect((await ask(folder, 'app.overview', {})).health).toEqual({ state: 'ok', uncleanShutdown: true });
  });
});

describe('two processes, one data folder', () => {
  it('refuses a second opener of the same folder with the reason', async () => {
    const dir = tempDir('alliance-folder-');
    await folderAt(dir);
    await expect(openFolder(dir)).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE', details: { params: { pid: process.pid } } });
  });

  it('takes over a lock whose process id now belongs to an unrelated program, or to a boot before this one', async () => {
    const dir = tempDir('alliance-folder-');
    const first = await folderAt(dir);
    first.close();
    open.splice(open.indexOf(first), 1);
    const host = (await import('node:os')).hostname();
    // PID 1 is alive, but it is not the app that wrote the lock: its start time differs.
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, host, startedAt: '2026-01-01T00:00:00Z', bootId: bootId(), processStart: '12345678901' }));
    const reused = await folderAt(dir);
    expect(reused.uncleanShutdown).toBe(true);
    reused.close();
    open.splice(open.indexOf(reused), 1);
    // This very process, but the lock says it was written before a reboot.
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, host, startedAt: '2026-01-01T00:00:00Z', bootId: 'a-boot-long-ago', processStart: processStart(process.pid) }));
    expect((await folderAt(dir)).uncleanShutdown).toBe(true);
  });

  it('gives a clear error, not a hang, when another program locks the database', async () => {
    const folder = await folderAt();
    const other = new Database(folder.file);
    other.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    try {
      const error = await refusal(folder, 'members.create', { name: '长春市教育局', category: 'government' });
      expect(error).toMatchObject({ code: 'DB_BUSY', details: { key: 'errors.dbBusy' } });
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await ask(folder, 'members.create', { name: '长春市教育局', category: 'government' })).member.name).toBe('长春市教育局');
  }, 30_000);
});

describe('backups during an import', () => {
  it('skips the timed backup while an import holds its transaction open, and takes it afterwards', async () => {
    const { largeWorkbook } = await import('../support/import-fixtures.js');
    const folder = await folderAt();
    const staged = await ask(folder, 'imports.stage', { fileName: '万行.xlsx', bytes: (await largeWorkbook(2_000)).toString('base64') });
    const running = folder.dispatcher.dispatch('imports.commit', { uploadId: staged.uploadId });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await folder.backupIfChanged()).toBeNull();
    expect(await running).toMatchObject({ ok: true });
    expect((await folder.backupIfChanged())?.reason).toBe('auto');
  });
});

describe('checking in the background', () => {
  async function sampleFolder(): Promise<string> {
    const dir = tempDir();
    const first = await openFolder(dir, {});
    await ask(first, 'sample.load', {});
    first.close();
    return dir;
  }
  // A minute or two later than the first open, so each start-up backup has a name of its own.
  const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

  it('answers reads at once, holds writes until the worker has checked the file, then backs up', async () => {
    const dir = await sampleFolder();
    const backupsBefore = fs.readdirSync(path.join(dir, 'backups')).length;
    const folder = await openFolder(dir, { backgroundCheck: true, now: later(1) });
    open.push(folder);
    const read = folder.dispatcher.dispatch('members.list', { limit: 5 });
    expect(read).not.toBeInstanceOf(Promise);
    expect(read).toMatchObject({ ok: true, result: { total: 190 } });
    const write = folder.dispatcher.dispatch('members.create', { name: '检查期间新增的单位', category: 'other' });
    expect(write).toBeInstanceOf(Promise);
    expect(await write).toMatchObject({ ok: true });
    await folder.ready;
    expect(folder.isDamaged).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).length).toBe(backupsBefore + 1);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('switches to recovery mode when the worker finds damage, and the held write is refused', async () => {
    const dir = await sampleFolder();
    damage(path.join(dir, 'alliance.sqlite'));
    const folder = await openFolder(dir, { backgroundCheck: true });
    open.push(folder);
    const write = folder.dispatcher.dispatch('members.create', { name: '损坏后新增的单位', category: 'other' });
    await folder.ready;
    expect(folder.isDamaged).toBe(true);
    const refused = await write;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('DB_DAMAGED');
    expect((await ask(folder, 'app.overview', {})).health).toMatchObject({ state: 'damaged' });
  });

  it('checks on this thread when the worker cannot start', async () => {
    const dir = await sampleFolder();
    const folder = await openFolder(dir, { backgroundCheck: true, checkWorkerFile: path.join(dir, 'no-such-worker.cjs'), onUnexpected: () => undefined, now: later(1) });
    open.push(folder);
    await folder.ready;
    expect(folder.isDamaged).toBe(false);
    expect(await memberCount(folder)).toBe(190);
    expect(folder.listBackups().filter((b) => b.reason === 'startup')).toHaveLength(2);
  });

  it('removes a start-up backup left half-written by a crash', async () => {
    const dir = await sampleFolder();
    const leftover = path.join(dir, 'backups', 'alliance-20260101-000000-000-startup.sqlite.part');
    fs.writeFileSync(leftover, 'half a backup');
    const folder = await openFolder(dir, { backgroundCheck: true, now: later(2) });
    open.push(folder);
    expect(fs.existsSync(leftover)).toBe(false);
    await folder.ready;
  });
});
