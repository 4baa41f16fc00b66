// A data folder on a read-only disk, a read-only file, a full disk and a file another program holds:
// a clear, translated error naming the file, backups that give up after their retries, and an app
// that can still be read. Real conditions: tmpfs mounts (see test/support/small-disk.ts).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DataFolder } from '../../core/folder/data-folder.js';
import { backupDatabase } from '../../db/backup.js';
import { ask, openFolder, refusal } from '../support/folder.js';
import { tempDir } from '../support/migrations.js';
import { fillDisk, makeReadOnly, smallDisk, unmountAll } from '../support/small-disk.js';

const open: DataFolder[] = [];
afterEach(() => {
  for (const folder of open.splice(0)) folder.close();
});
afterAll(unmountAll);

async function folderAt(dir: string, options = {}) {
  const folder = await openFolder(dir, options);
  open.push(folder);
  return folder;
}

async function withMembers(dir: string) {
  const folder = await openFolder(dir);
  await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
  folder.close();
}

describe('a read-only data folder', () => {
  it('opens for reading, refuses changes naming the folder, and takes no lock or backup', async () => {
    const dir = smallDisk(8 * 1024);
    await withMembers(dir);
    makeReadOnly(dir);
    const folder = await folderAt(dir, { startupBackup: true });
    expect((await ask(folder, 'members.list', {})).rows.map((m) => m.name)).toEqual(['吉林大学']);
    expect((await ask(folder, 'app.overview', {})).health).toMatchObject({ state: 'ok', readOnly: { path: dir } });
    const refused = await refusal(folder, 'members.create', { name: '长春大学', category: 'university' });
    expect(refused).toMatchObject({ code: 'FILE_READ_ONLY', details: { key: 'errors.readOnlyFolder', params: { path: dir } } });
    expect(fs.existsSync(path.join(dir, 'alliance.lock'))).toBe(false);
    expect((await refusal(folder, 'backups.create', {})).code).toBe('FILE_READ_ONLY');
  });
});

describe('a read-only data file', () => {
  it('is read, changes are refused naming the file, and backups still work', async () => {
    const dir = tempDir('alliance-ro-file-');
    await withMembers(dir);
    const file = path.join(dir, 'alliance.sqlite');
    // An immutable file: even an administrator cannot write it, as with a file another tool locked down.
    execFileSync('chattr', ['+i', file]);
    try {
      const folder = await folderAt(dir);
      expect((await ask(folder, 'members.list', {})).rows).toHaveLength(1);
      expect(await refusal(folder, 'members.create', { name: '长春大学', category: 'university' })).toMatchObject({ code: 'FILE_READ_ONLY', details: { params: { path: file } } });
      expect((await folder.backup('manual')).reason).toBe('manual');
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
  });
});

describe('a full disk', () => {
  it('refuses the change with DISK_FULL, keeps the data as it was and stays readable', async () => {
    const dir = smallDisk(4 * 1024);
    const folder = await folderAt(dir);
    await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
    fillDisk(dir);
    const notes = '备注'.repeat(900);
    let refused = null;
    // SQLite may still have free pages for the first few: write until the disk says no.
    for (let i = 0; i < 200 && !refused; i++) {
      const response = await folder.dispatcher.dispatch('members.create', { name: `单位${i}`, category: 'enterprise', notes });
      if (!response.ok) refused = response.error;
    }
    expect(refused).toMatchObject({ code: 'DISK_FULL', details: { key: 'errors.diskFull', params: { path: folder.file } } });
    expect((await ask(folder, 'members.list', { text: '吉林' })).rows.map((m) => m.name)).toEqual(['吉林大学']);

    // The timed backup meets the full disk, gives up after its retries, and says so on the first screen.
    const started = Date.now();
    expect(await folder.backupIfChanged()).toBeNull();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await ask(folder, 'app.overview', {})).health).toMatchObject({ state: 'ok', backupFailure: { code: 'DISK_FULL' } });
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.part'))).toEqual([]);
    const check = new Database(path.join(dir, 'alliance.sqlite'), { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
  }, 60_000);
});

describe('a file another program holds', () => {
  it('makes a backup give up with DB_BUSY after a bounded wait instead of spinning', async () => {
    // A rollback-journal database whose every page another program's exclusive lock keeps from us:
    // SQLite's backup step answers "busy" for ever, and better-sqlite3 would retry it for ever.
    const file = path.join(tempDir('alliance-held-'), 'held.sqlite');
    const source = new Database(file);
    source.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('吉林大学')");
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      await expect(backupDatabase(source, path.join(path.dirname(file), 'copy.sqlite'))).rejects.toMatchObject({ code: 'DB_BUSY' });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['held.sqlite']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await backupDatabase(source, path.join(path.dirname(file), 'copy.sqlite'))).toBeGreaterThan(0);
    source.close();
  }, 60_000);

  it('gives up when the file is taken halfway through, after a bounded number of steps', async () => {
    const file = path.join(tempDir('alliance-held-'), 'held.sqlite');
    const source = new Database(file);
    source.exec(`CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT randomblob(900) FROM n`);
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    let taken = false;
    try {
      const started = Date.now();
      const backup = backupDatabase(source, path.join(path.dirname(file), 'copy.sqlite'), {
        // After the first 100 pages another program takes the file: every later step is "busy".
        onStep: () => {
          if (taken) return;
          taken = true;
          other.exec('BEGIN EXCLUSIVE');
        },
      });
      await expect(backup).rejects.toMatchObject({ code: 'DB_BUSY' });
      expect(taken).toBe(true);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['held.sqlite']);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      source.close();
    }
  }, 60_000);
});
