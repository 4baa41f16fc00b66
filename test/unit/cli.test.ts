import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import { DataFolder } from '../../core/folder/data-folder.js';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { damage, folderState } from '../support/folder.js';
import { tempDir } from '../support/migrations.js';
import { smallDisk, unmountAll } from '../support/small-disk.js';

afterAll(unmountAll);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** An expected error prints its code and one message, never a stack trace. */
const noStack = (err: string) => expect(err).not.toMatch(/\n\s+at /);

describe('command line', () => {
  it('loads the sample, then lists members and the roster as JSON', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'sample', 'load')).code).toBe(0);

    const all = await cli('--data-dir', dir, 'members', 'list', '--json');
    expect(all.code).toBe(0);
    const members = JSON.parse(all.out) as { name: string; category: string; role: string; uscc: string; status: string }[];
    expect(members).toHaveLength(190);
    expect(members.find((m) => m.name === '长春市教育局')).toMatchObject({ category: 'government', role: 'lead', status: 'active' });
    expect(members.every((m) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(m.uscc))).toBe(true);

    const research = JSON.parse((await cli('--data-dir', dir, 'members', 'list', '--json', '--category', 'research', '--role', 'vice_chair')).out);
    expect(research.map((m: { name: string }) => m.name)).toEqual(['中国科学院长春分院']);

    const roster = JSON.parse((await cli('--data-dir', dir, 'roster', '--json')).out) as { groups: { heading: string }[] };
    expect(roster.groups.map((g) => g.heading)).toEqual(['政府机构（10个）', '本科院校（8所）', '高职院校（8所）', '中职学校（38所）', '科研机构（6个）', '企业（120家）']);

    const strokes = JSON.parse((await cli('--data-dir', dir, 'roster', '--json', '--order', 'stroke')).out) as { groups: { rows: { name: string }[] }[] };
    expect(strokes.groups.at(-1)!.rows[0]!.name).toBe('一汽模具制造有限公司');
    const refused = await cli('--data-dir', dir, 'roster', '--order', 'alphabetical');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('order');

    const text = await cli('--data-dir', dir, 'roster');
    expect(text.out.split('\n').slice(0, 2)).toEqual(['长春市汽车产业集群产教联合体成员单位名单', '政府机构（10个）']);
  });

  it('lists the sample’s council terms and prints the council as of a day, as JSON and text', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'sample', 'load')).code).toBe(0);
    const terms = JSON.parse((await cli('--data-dir', dir, 'terms', 'list', '--json')).out) as { name: string; state: string; startDate: string; electedEventTitle: string; seatCount: number }[];
    expect(terms).toEqual([expect.objectContaining({ name: '第一届理事会', state: 'current', startDate: '2023-08-19', electedEventTitle: '长春市汽车产业集群产教联合体成立大会' })]);
    const council = JSON.parse((await cli('--data-dir', dir, 'council', '--as-of', '2024-01-01', '--json')).out) as { term: { name: string }; members: { name: string; role: string }[] };
    expect(council.term.name).toBe('第一届理事会');
    expect(council.members.length).toBe(terms[0]!.seatCount);
    expect(council.members.slice(0, 2).map((m) => m.role)).toEqual(['lead', 'lead']);
    // Before the founding congress there was no council.
    expect((await cli('--data-dir', dir, 'council', '--as-of', '2023-08-18')).out).toBe('2023-08-18: no council term in office');
    const text = await cli('--data-dir', dir, 'council', '--as-of', '2024-01-01');
    expect(text.out.split('\n')[0]).toBe('第一届理事会（2024-01-01）');
    const bad = await cli('--data-dir', dir, 'council', '--as-of', '2024/01/01');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of');
    const out = path.join(tempDir(), 'council.xlsx');
    expect((await cli('--data-dir', dir, 'export', 'council', '--as-of', '2024-01-01', '--out', out)).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('loads the sample beside the clerk’s records only with --yes, and removes exactly it again', async () => {
    const dir = tempDir();
    const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
    await folder.dispatcher.dispatch('members.create', { name: '长春启航汽车科技有限公司', category: 'enterprise' });
    folder.close();
    const refused = await cli('--data-dir', dir, 'sample', 'load');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('CONFLICT');
    noStack(refused.err);
    expect((await cli('--data-dir', dir, 'sample', 'load', '--yes')).code).toBe(0);
    const removed = await cli('--data-dir', dir, 'sample', 'remove');
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('Removed the sample: 190 members, 6 agreements, 1 events');
    const left = JSON.parse((await cli('--data-dir', dir, 'members', 'list', '--json')).out) as { name: string }[];
    expect(left.map((m) => m.name)).toEqual(['长春启航汽车科技有限公司']);
  });

  it('lists agreements and events as JSON', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const agreements = JSON.parse((await cli('--data-dir', dir, 'agreements', 'list', '--json')).out) as {
      number: string;
      type: string;
      status: string;
      signedDate: string;
      parties: { organizationId: string; name: string }[];
    }[];
    expect(agreements.length).toBe(6);
    expect(agreements.every((a) => a.status === 'signed' && a.signedDate === '2023-08-19')).toBe(true);
    expect(new Set(agreements.map((a) => a.type))).toEqual(new Set(['school_enterprise', 'school_school', 'research_education', 'government_enterprise']));
    expect(new Set(agreements.flatMap((a) => a.parties.map((p) => p.organizationId))).size).toBe(13);
    expect(agreements.find((a) => a.number === '2023-科教-001')?.parties.map((p) => p.name)).toEqual(['中国科学院长春分院', '吉林大学']);

    const schoolSchool = JSON.parse((await cli('--data-dir', dir, 'agreements', 'list', '--json', '--type', 'school_school')).out);
    expect(schoolSchool.map((a: { number: string }) => a.number).sort()).toEqual(['2023-校校-001', '2023-校校-002']);

    const events = JSON.parse((await cli('--data-dir', dir, 'events', 'list', '--json')).out);
    expect(events).toMatchObject([{ date: '2023-08-19', type: 'founding_congress', title: '长春市汽车产业集群产教联合体成立大会' }]);
  });

  it('backs up, checks and restores', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const out = path.join(tempDir(), '备份.sqlite');
    expect((await cli('--data-dir', dir, 'backup', '--out', out)).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(100_000);
    const kept = await cli('--data-dir', dir, 'backup');
    expect(kept.out).toMatch(/backups.alliance-\d{8}-\d{6}-\d{3}-manual\.sqlite/);

    const check = await cli('--data-dir', dir, 'check');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^ok: .*passed integrity_check in \d+ ms; 0 attachments match their files\.$/);

    const other = tempDir();
    expect((await cli('--data-dir', other, 'restore', out)).code).toBe(0);
    expect(JSON.parse((await cli('--data-dir', other, 'members', 'list', '--json')).out)).toHaveLength(190);
  });

  it('check exits non-zero with the reason when the database is damaged', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    damage(path.join(dir, 'alliance.sqlite'));
    const check = await cli('--data-dir', dir, 'check');
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/^FAILED: .*alliance\.sqlite is damaged \(corrupt\): .+/);
  });

  it('refuses to load the sample twice', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const again = await cli('--data-dir', dir, 'sample', 'load');
    expect(again.code).toBe(1);
    expect(again.err).toContain('CONFLICT');
  });

  it.each([
    [['--data-dir', 'X', 'members', 'remove']],
    [['--data-dir', 'X']],
    [['--data-dir', 'X', 'members', 'list', '--bogus']],
    [['--data-dir', 'X', 'members', 'list', '--category', 'school']],
    [['--data-dir', 'X', 'members', 'list', '--sort', 'stroke-count']],
    [['--data-dir', 'X', 'agreements', 'list', '--type', '校企']],
    [['--data-dir', 'X', 'events', 'list', '--from', '19 August']],
  ])('prints usage and exits non-zero for bad arguments: %j', async (argv) => {
    const result = await cli(...argv.map((a) => (a === 'X' ? tempDir() : a)));
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: npm run cli');
  });
});

describe('command line errors on the clerk\'s files', () => {
  afterEach(() => vi.restoreAllMocks());


  it('names a folder given where a file is wanted, and a folder that does not exist', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const folder = await cli('--data-dir', dir, 'export', 'roster', '--out', tempDir(), '--format', 'xlsx');
    expect(folder).toMatchObject({ code: 4 });
    expect(folder.err).toMatch(/^FILE_IS_FOLDER: /);
    noStack(folder.err);
    const missing = await cli('--data-dir', dir, 'export', 'roster', '--out', path.join(dir, 'no', 'such', 'roster.xlsx'));
    expect(missing).toMatchObject({ code: 4 });
    expect(missing.err).toMatch(/^FILE_NOT_FOUND: .*no[/\\]such/);
    const folderToImport = await cli('--data-dir', dir, 'import', 'members', tempDir());
    expect(folderToImport).toMatchObject({ code: 4 });
    expect(folderToImport.err).toMatch(/^FILE_IS_FOLDER: /);
    noStack(folderToImport.err);
  });

  it('says the disk is full, or that permission is missing, and leaves no half-written file behind', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    // A real disk too small for the copy: SQLite's backup meets a full disk halfway.
    const outDir = smallDisk(128);
    const result = await cli('--data-dir', dir, 'backup', '--out', path.join(outDir, 'copy.sqlite'));
    expect(result).toMatchObject({ code: 4 });
    expect(result.err).toMatch(/^DISK_FULL: /);
    noStack(result.err);
    expect(fs.readdirSync(outDir)).toEqual([]);

    const denied = Object.assign(new Error(`EACCES: permission denied, open '${outDir}'`), { code: 'EACCES', path: outDir });
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((target, ...rest) => {
      if (String(target).startsWith(outDir)) throw denied;
      return open(target, ...(rest as [never]));
    });
    const refused = await cli('--data-dir', dir, 'export', 'council', '--out', path.join(outDir, 'council.docx'));
    expect(refused).toMatchObject({ code: 4 });
    expect(refused.err).toContain(`FILE_ACCESS_DENIED: You have no permission for this file or folder. ${outDir}`);
    noStack(refused.err);
  });

  it('refuses a format an export cannot be written as', async () => {
    const result = await cli('--data-dir', tempDir(), 'export', 'meeting', '--event', '00000000-0000-4000-8000-000000000000', '--out', 'x.csv');
    expect(result.code).toBe(2);
    expect(result.err).toContain('export meeting writes docx, pdf');
  });
});

describe('what the command line prints', () => {
  it('never hands a terminal an escape sequence or a text-direction override stored in a name', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    // A name stored before names were checked (or written by an older version), straight into the file.
    const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
    folder.appCore!.database.sqlite.prepare(`UPDATE organizations SET name = ? WHERE name = '吉林大学'`).run('吉林\u001b]0;pwned\u0007\u001b[2J大学\u202e');
    folder.close();
    const listed = await cli('--data-dir', dir, 'members', 'list', '--text', '吉林');
    expect(listed.out).toContain('吉林\\u001b]0;pwned\\u0007\\u001b[2J大学\\u202e');
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(listed.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    const json = await cli('--data-dir', dir, 'members', 'list', '--json', '--text', '吉林');
    expect(JSON.parse(json.out)[0].name).toBe('吉林\u001b]0;pwned\u0007\u001b[2J大学\u202e');
  });
});

describe('restore and check on the command line', () => {
  it('refuses to restore a file that is not a backup of this app, with NOT_A_BACKUP and nothing changed', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const foreign = path.join(tempDir(), '别的程序.sqlite');
    const db = new Database(foreign);
    db.exec("CREATE TABLE organizations (id TEXT, name TEXT); INSERT INTO organizations VALUES ('1', '别的单位')");
    db.close();
    const before = folderState(dir);
    const result = await cli('--data-dir', dir, 'restore', foreign);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^NOT_A_BACKUP: /);
    noStack(result.err);
    expect(folderState(dir)).toEqual(before);
  });

  it('check --json names the damage of an unusable file, and the records whose scans are missing', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'sample', 'load');
    const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
    const agreement = (await folder.dispatcher.dispatch('agreements.list', { limit: 1 })) as { ok: true; result: { rows: { id: string; number: string }[] } };
    const id = agreement.result.rows[0]!.id;
    const added = (await folder.dispatcher.dispatch('attachments.add', { ownerType: 'agreement', ownerId: id, fileName: '扫描件.pdf', contentBase64: Buffer.from('%PDF').toString('base64') })) as { ok: true; result: { sha256: string } };
    folder.close();
    fs.rmSync(path.join(dir, 'attachments', added.result.sha256.slice(0, 2), added.result.sha256));
    const missing = await cli('--data-dir', dir, 'check', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, attachmentsChecked: 1, missingFiles: [{ ownerType: 'agreement', ownerId: id, fileName: '扫描件.pdf', problem: 'missing' }] });

    fs.truncateSync(path.join(dir, 'alliance.sqlite'), 4096 * 3);
    const damaged = await cli('--data-dir', dir, 'check', '--json');
    expect(damaged.code).toBe(1);
    expect(JSON.parse(damaged.out)).toMatchObject({ ok: false, damage: { kind: 'truncated' } });
  });
});
