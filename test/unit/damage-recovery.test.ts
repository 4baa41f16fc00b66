// Every kind of damage a data file can have opens the app in recovery mode: the file is never
// written, `check` names the damage, a backup can be restored, and the damaged file is kept aside.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DamageKind } from '../../core/folder/contract.js';
import type { DataFolder } from '../../core/folder/data-folder.js';
import { ask, damage, openFolder, refusal } from '../support/folder.js';
import { tempDir } from '../support/migrations.js';
import { startShell } from '../support/server.js';

const open: DataFolder[] = [];
afterEach(() => {
  for (const folder of open.splice(0)) folder.close();
});
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A folder with 190 members, a kept backup of them, then closed. */
async function folderWithBackup(): Promise<{ dir: string; file: string; backup: string }> {
  const dir = tempDir('alliance-damage-');
  const folder = await openFolder(dir);
  await ask(folder, 'sample.load', {});
  const backup = (await folder.backup('manual')).name;
  folder.close();
  return { dir, file: path.join(dir, 'alliance.sqlite'), backup };
}

const pageSize = (file: string) => fs.readFileSync(file).readUInt16BE(16);

const VARIANTS: Record<Exclude<DamageKind, 'locked'>, (file: string) => void> = {
  truncated: (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / pageSize(file) / 2) * pageSize(file)),
  zeroed: (file) => fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size)),
  badHeader: (file) => {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0, 0, 0]), 0, 3, 21); // the payload fractions every SQLite file has
    fs.closeSync(fd);
  },
  notSqlite: (file) => fs.writeFileSync(file, '名称,统一社会信用代码\n吉林大学,12220000412755089R\n'),
  empty: (file) => fs.writeFileSync(file, ''),
  corrupt: (file) => damage(file),
  foreign: (file) => {
    fs.rmSync(file);
    const db = new Database(file);
    db.exec("CREATE TABLE organizations (id TEXT, name TEXT); INSERT INTO organizations VALUES ('1', '别的程序')");
    db.close();
  },
};

async function expectRecovery(dir: string, file: string, backup: string, kind: DamageKind) {
  const damagedBytes = sha(file);
  const folder = await openFolder(dir);
  open.push(folder);
  expect(folder.isDamaged).toBe(true);
  expect((await ask(folder, 'app.overview', {})).health).toMatchObject({ state: 'damaged', kind, newestBackup: backup });
  expect(await ask(folder, 'app.check', {})).toMatchObject({ ok: false, damage: { kind } });
  expect((await refusal(folder, 'members.list', {})).code).toBe('DB_DAMAGED');
  // Nothing was written to it, not even by opening and checking.
  expect(sha(file)).toBe(damagedBytes);

  await ask(folder, 'backups.restore', { name: backup });
  expect(folder.isDamaged).toBe(false);
  expect((await ask(folder, 'app.overview', {})).memberCount).toBe(190);
  const aside = fs.readdirSync(dir).filter((n) => /^alliance\.damaged-.*\.sqlite$/.test(n));
  expect(aside).toHaveLength(1);
  expect(sha(path.join(dir, aside[0]!))).toBe(damagedBytes);
}

describe('recovery from every kind of damage', () => {
  for (const [kind, spoil] of Object.entries(VARIANTS) as [Exclude<DamageKind, 'locked'>, (file: string) => void][]) {
    it(`opens a ${kind} data file in recovery mode, names it, and restores a backup over it`, async () => {
      const { dir, file, backup } = await folderWithBackup();
      spoil(file);
      await expectRecovery(dir, file, backup, kind);
    });
  }

  it('opens a file another program holds locked in recovery mode, and opens it normally once let go', async () => {
    const { dir, file } = await folderWithBackup();
    // Holds the file as a program with its own exclusive lock does: readers cannot get in either.
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    let folder: DataFolder;
    try {
      folder = await openFolder(dir);
      open.push(folder);
      expect((await ask(folder, 'app.overview', {})).health).toMatchObject({ state: 'damaged', kind: 'locked' });
      expect((await ask(folder, 'app.check', {})).damage?.kind).toBe('locked');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await ask(folder, 'app.reopen', {})).toEqual({ state: 'ok', uncleanShutdown: false });
    expect((await ask(folder, 'app.overview', {})).memberCount).toBe(190);
  }, 30_000);

  it('treats an empty file in a folder that never had a backup as a new start', async () => {
    const dir = tempDir('alliance-damage-');
    fs.writeFileSync(path.join(dir, 'alliance.sqlite'), '');
    const folder = await openFolder(dir);
    open.push(folder);
    expect(folder.isDamaged).toBe(false);
    expect((await ask(folder, 'app.overview', {})).memberCount).toBe(0);
  });

  it('starts the browser shell in recovery mode on a truncated file, without a stack trace', async () => {
    const { dir, file } = await folderWithBackup();
    VARIANTS.truncated(file);
    const shell = await startShell(dir);
    try {
      const body = (await shell.api('app.overview', {})) as { ok: boolean; result: { health: { state: string; kind: string } } };
      expect(body.result.health).toMatchObject({ state: 'damaged', kind: 'truncated' });
    } finally {
      await shell.stop();
    }
  }, 90_000);
});
