// Restores that check first, backups that hold the scans, and no damage a restore can make worse.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataFolder } from '../../core/folder/data-folder.js';
import { APPLICATION_ID } from '../../db/file-header.js';
import { ask, folderState, openFolder, refusal } from '../support/folder.js';
import { tempDir } from '../support/migrations.js';

const open: DataFolder[] = [];
async function folderAt(dir?: string) {
  const folder = await openFolder(dir);
  open.push(folder);
  return folder;
}
function closeFolder(folder: DataFolder) {
  folder.close();
  open.splice(open.indexOf(folder), 1);
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of open.splice(0)) folder.close();
});

async function agreementWithScan(folder: DataFolder, scan: string) {
  const a = (await ask(folder, 'members.create', { name: '长春职业技术学院', category: 'higher_vocational' })).member.id;
  const b = (await ask(folder, 'members.create', { name: '一汽模具制造有限公司', category: 'enterprise' })).member.id;
  const agreement = await ask(folder, 'agreements.create', { title: '订单培养协议', parties: [{ organizationId: a }, { organizationId: b }] });
  const attachment = await ask(folder, 'attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: '协议扫描件.pdf', contentBase64: Buffer.from(scan).toString('base64') });
  return { agreement, attachment };
}

const readScan = async (folder: DataFolder, id: string) => Buffer.from((await ask(folder, 'attachments.read', { id })).bytes, 'base64').toString();

describe('a restore verifies the candidate before anything changes', () => {
  async function refusedWithNothingChanged(build: (file: string) => void, code: string) {
    const folder = await folderAt();
    await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
    const candidate = path.join(tempDir(), 'candidate.sqlite');
    build(candidate);
    const before = folderState(folder.dir);
    const upload = { fileName: 'candidate.sqlite', contentBase64: fs.readFileSync(candidate).toString('base64') };
    const error = await refusal(folder, 'backups.restoreFile', upload);
    expect(error.code).toBe(code);
    expect(folderState(folder.dir)).toEqual(before);
    // And the app goes on as before.
    expect((await ask(folder, 'members.list', {})).rows.map((m) => m.name)).toEqual(['吉林大学']);
    return error;
  }

  it('refuses an SQLite file of another program that has an organizations table', async () => {
    const error = await refusedWithNothingChanged((file) => {
      const db = new Database(file);
      db.exec('CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT); INSERT INTO organizations VALUES (1, \'某单位\')');
      db.close();
    }, 'NOT_A_BACKUP');
    expect(error.details?.key).toBe('errors.notABackup');
  });

  it("refuses a file stamped with another program's application id", async () => {
    await refusedWithNothingChanged((file) => {
      const db = new Database(file);
      db.pragma('application_id = 1234');
      db.exec('CREATE TABLE t (x)');
      db.close();
    }, 'NOT_A_BACKUP');
  });

  it("refuses a copy of this app's file whose migrations were changed by hand", async () => {
    const source = await folderAt();
    const file = source.file;
    await refusedWithNothingChanged((candidate) => {
      source.appCore!.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(file, candidate);
      const db = new Database(candidate);
      db.exec(`UPDATE __drizzle_migrations SET hash = 'not-ours' WHERE id = 1`);
      db.close();
    }, 'NOT_A_BACKUP');
  });

  it('refuses a file that is not SQLite at all, and one written by a newer app', async () => {
    await refusedWithNothingChanged((file) => fs.writeFileSync(file, '成员单位,统一社会信用代码\n吉林大学,12220000412755089R\n'), 'NOT_A_BACKUP');
    const source = await folderAt();
    await refusedWithNothingChanged((candidate) => {
      source.appCore!.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(source.file, candidate);
      const db = new Database(candidate);
      db.pragma('user_version = 999');
      db.close();
    }, 'DB_NEWER_THAN_APP');
  });

  it('puts the old file back when the swap fails halfway', async () => {
    const folder = await folderAt();
    await ask(folder, 'members.create', { name: '吉林大学', category: 'university' });
    const good = await folder.backup('manual');
    await ask(folder, 'members.create', { name: '长春大学', category: 'university' });
    const rename = fs.renameSync;
    // The rename that would put the staged file in place fails, as on a disk that just filled up.
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('.restoring-') && String(to) === folder.file) throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC', path: String(to) });
      return rename(from, to);
    });
    const error = await refusal(folder, 'backups.restore', { name: good.name });
    expect(error.code).toBe('DISK_FULL');
    vi.restoreAllMocks();
    expect((await ask(folder, 'members.list', {})).rows.map((m) => m.name).sort()).toEqual(['吉林大学', '长春大学']);
    expect(fs.readdirSync(folder.dir).filter((n) => n.includes('.restoring-') || n.startsWith('alliance.replaced-'))).toEqual([]);
  });

  it('stamps the files it writes with its application id', async () => {
    const folder = await folderAt();
    expect(folder.appCore!.database.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });
});

describe('backups hold the scans', () => {
  it('brings a scan back with the backup it belongs to, though the file was deleted since', async () => {
    const folder = await folderAt();
    const { agreement, attachment } = await agreementWithScan(folder, '%PDF-扫描件');
    const backup = await folder.backup('manual');
    await ask(folder, 'attachments.remove', { id: attachment.id });
    expect(fs.existsSync(path.join(folder.attachmentsDir, attachment.sha256.slice(0, 2), attachment.sha256))).toBe(false);

    await ask(folder, 'backups.restore', { name: backup.name });
    const back = await ask(folder, 'agreements.get', { id: agreement.id });
    expect(await readScan(folder, back.attachments[0]!.id)).toBe('%PDF-扫描件');
  });

  it('puts the scans inside a single-file backup, which restores them into a fresh folder', async () => {
    const folder = await folderAt();
    const { agreement } = await agreementWithScan(folder, '%PDF-带走的扫描件');
    const file = await ask(folder, 'backups.create', {});
    const elsewhere = await folderAt();
    await ask(elsewhere, 'backups.restoreFile', { fileName: file.fileName, contentBase64: file.bytes });
    const back = await ask(elsewhere, 'agreements.get', { id: agreement.id });
    expect(await readScan(elsewhere, back.attachments[0]!.id)).toBe('%PDF-带走的扫描件');
    // The carried scans are unpacked, not left inside the register.
    expect(elsewhere.appCore!.database.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'backup_attachment_files'`).pluck().get()).toBe(0);
  });

  it('keeps each scan once in the store, and drops it when no kept backup refers to it', async () => {
    const folder = await folderAt();
    const { attachment } = await agreementWithScan(folder, '%PDF-一份');
    await folder.backup('manual');
    await folder.backup('manual');
    const stored = path.join(folder.backupsDir, 'files', attachment.sha256.slice(0, 2), attachment.sha256);
    expect(fs.readFileSync(stored, 'utf8')).toBe('%PDF-一份');
    expect(fs.readdirSync(path.dirname(stored))).toEqual([attachment.sha256]);
    // Every backup that referred to it goes (the retention rule, here by hand): so does the scan.
    await ask(folder, 'attachments.remove', { id: attachment.id });
    for (const b of folder.listBackups()) fs.rmSync(path.join(folder.backupsDir, b.name));
    await folder.backup('manual');
    expect(fs.existsSync(stored)).toBe(false);
  });
});

describe('check', () => {
  it('verifies every attachment against its hash and names the records whose files are missing or changed', async () => {
    const folder = await folderAt();
    const { agreement, attachment } = await agreementWithScan(folder, '%PDF-原件');
    expect(await ask(folder, 'app.check', {})).toMatchObject({ ok: true, attachmentsChecked: 1, missingFiles: [] });
    const file = path.join(folder.attachmentsDir, attachment.sha256.slice(0, 2), attachment.sha256);
    fs.writeFileSync(file, '%PDF-被改过');
    expect((await ask(folder, 'app.check', {})).missingFiles).toEqual([
      { attachmentId: attachment.id, fileName: '协议扫描件.pdf', ownerType: 'agreement', ownerId: agreement.id, owner: `${agreement.number} 订单培养协议`, problem: 'hashMismatch' },
    ]);
    fs.rmSync(file);
    const report = await ask(folder, 'app.check', {});
    expect(report.ok).toBe(false);
    expect(report.missingFiles.map((m) => m.problem)).toEqual(['missing']);
  });
});

describe('leftovers of an interrupted run', () => {
  it('are removed at the next open; kept copies are not', async () => {
    const folder = await folderAt();
    const dir = folder.dir;
    closeFolder(folder);
    const leftovers = ['alliance.replaced-20261129-101500-1a2b3c4d.sqlite', '.export-123-abc.sqlite', '.upload-123-abc.sqlite', '.restoring-5f0e.sqlite', '.restoring-5f0e.sqlite-wal', 'backups/.alliance-x.sqlite.1b4e28ba-2fa1-11d2-883f-0016d3cca427.part', 'attachments/ab/abcd.1b4e28ba-2fa1-11d2-883f-0016d3cca427.part'];
    const kept = ['alliance.damaged-20261129-101500-1a2b3c4d.sqlite', 'notes.txt'];
    for (const name of [...leftovers, ...kept]) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), 'x');
    }
    // A `backup --out` killed halfway left its temporary copy beside the clerk's target.
    const outside = tempDir();
    fs.writeFileSync(path.join(dir, 'alliance.pending-writes.json'), JSON.stringify([path.join(outside, '备份.sqlite')]));
    fs.writeFileSync(path.join(outside, '.备份.sqlite.1b4e28ba-2fa1-11d2-883f-0016d3cca427.part'), 'half');
    fs.writeFileSync(path.join(outside, '其他文件.xlsx'), 'mine');

    await folderAt(dir);
    for (const name of leftovers) expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
    for (const name of kept) expect(fs.existsSync(path.join(dir, name)), name).toBe(true);
    expect(fs.readdirSync(outside)).toEqual(['其他文件.xlsx']);
    expect(fs.existsSync(path.join(dir, 'alliance.pending-writes.json'))).toBe(false);
  });
});
