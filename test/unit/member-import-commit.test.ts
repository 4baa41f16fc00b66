// Member import: duplicates, all-or-nothing commit with progress and cancel, batch undo, round trips.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useImportCore } from '../support/import-core.js';
import { callAsync, callAsyncError, callError, callOk, freshCore } from '../support/core.js';
import { largeWorkbook, MESSY, messyWorkbook, validUscc } from '../support/import-fixtures.js';

const imports = useImportCore();
const { stage, memberCount } = imports;

describe('duplicates', () => {
  let existing: { byUscc: string; byName: string; byAlias: string };
  beforeEach(() => {
    const a = callOk(imports.core, 'members.create', { name: '长春旭阳工业集团', category: 'enterprise', uscc: validUscc(7), contacts: [] }).member;
    const b = callOk(imports.core, 'members.create', { name: '长春市教育局', category: 'government', address: '长春市人民大街', contacts: [{ name: '王明', phone: '0431-1' }] }).member;
    const c = callOk(imports.core, 'members.create', { name: '中国科学院长春光学精密机械与物理研究所', aliases: ['长春光机所'], category: 'research', contacts: [] }).member;
    existing = { byUscc: a.id, byName: b.id, byAlias: c.id };
  });

  const csv = [
    '单位名称,类别,统一社会信用代码,地址,联系人,联系电话',
    `旭阳集团,企业,${validUscc(7)},长春市绿园区,张三,13900000009`,
    '长春市教育局,政府机构,,长春市新地址,李四,13900000008',
    '长春光机所,科研机构,,长春市东南湖大路,,',
    '长春新能源汽车有限公司,企业,,,,',
    '长春新能源汽车有限公司,企业,,,,',
  ].join('\n');

  it('matches by credit code first, then by name or alias, and within the file', async () => {
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const { rows } = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'skip' });
    expect(rows.map((r) => [r.status, r.match?.by ?? null, r.match?.id ?? null])).toEqual([
      ['duplicate', 'uscc', existing.byUscc],
      ['duplicate', 'name', existing.byName],
      ['duplicate', 'alias', existing.byAlias],
      ['new', null, null],
      ['duplicate', 'row', null],
    ]);
    expect(rows[4]!.match!.row).toBe(5);
  });

  it('matches a former member by credit code, but not by its name or alias, which a new unit may take', async () => {
    for (const id of [existing.byUscc, existing.byName, existing.byAlias]) callOk(imports.core, 'members.setStatus', { id, status: 'withdrawn', date: '2026-01-01', reason: '自愿退出' });
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const { rows } = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'skip' });
    expect(rows.slice(0, 3).map((r) => [r.status, r.match?.by ?? null, r.match?.id ?? null])).toEqual([
      ['duplicate', 'uscc', existing.byUscc],
      ['new', null, null],
      ['new', null, null],
    ]);
  });

  it('matches among many members by code and by name', async () => {
    // 3,000 members in the register and a file naming two of them, by code and by name.
    const sqlite = imports.core.database.sqlite;
    const insert = sqlite.prepare(`INSERT INTO organizations (id, name, category, uscc, role, role_rank, status, pinyin_key, search_text, created_at, updated_at) VALUES (?, ?, 'enterprise', ?, 'member', 9, 'active', ?, ?, '2026-01-01', '2026-01-01')`);
    sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `批量单位${i}`, validUscc(1000 + i), `pi liang ${i}`, `批量单位${i}`);
    })();
    const file = ['单位名称,类别,统一社会信用代码', `另一个名字,企业,${validUscc(1500)}`, '批量单位2999,企业,', '批量单位3000,企业,'].join('\n');
    const { uploadId } = await stage('多.csv', Buffer.from(file));
    const { rows } = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'fill' });
    expect(rows.map((r) => [r.status, r.match?.by ?? null, r.match?.name ?? null])).toEqual([
      ['duplicate', 'uscc', '批量单位500'],
      ['duplicate', 'name', '批量单位2999'],
      ['new', null, null],
    ]);
  });

  it('fills only empty fields, or overwrites, as chosen per file or per row', async () => {
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const fill = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'fill' }).rows;
    expect(fill[0]!.changes).toEqual(['address', 'contactName', 'contactMobile']);
    // The address is filled already, so the file's other address is shown, not taken; the other
    // person (李四) is added beside 王明 rather than dropped.
    expect(fill[1]).toMatchObject({ status: 'update', changes: ['contacts'], differs: ['address'] });
    expect(fill[2]!.changes).toEqual(['address']);
    // Skip takes nothing and says what the file had.
    const skip = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'skip' }).rows;
    expect(skip[1]).toMatchObject({ status: 'duplicate', changes: [], differs: ['address', 'contacts'] });
    const overwrite = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'overwrite' }).rows;
    // Another person as contact: overwrite replaces the contact as a whole, fill adds the person.
    expect(overwrite[1]!.changes).toEqual(['address', 'contactName', 'contactPhone', 'contactMobile']);
    const mixed = callOk(imports.core, 'imports.preview', { uploadId, onDuplicate: 'fill', rowActions: { '3': 'overwrite', '4': 'skip' } }).rows;
    expect(mixed.map((r) => r.status)).toEqual(['update', 'update', 'duplicate', 'new', 'duplicate']);
    // The default is fill.
    expect(callOk(imports.core, 'imports.preview', { uploadId }).rows.map((r) => r.status)).toEqual(fill.map((r) => r.status));

    const result = await callAsync(imports.core, 'imports.commit', { uploadId, onDuplicate: 'fill', rowActions: { '3': 'overwrite', '4': 'skip' } });
    expect(result).toMatchObject({ created: 1, updated: 2, skipped: 2, rejected: 0 });
    const education = callOk(imports.core, 'members.get', { id: existing.byName });
    expect(education.address).toBe('长春市新地址');
    expect(education.contacts.map((c) => [c.name, c.mobile])).toEqual([['李四', '13900000008']]);
    const xuyang = callOk(imports.core, 'members.get', { id: existing.byUscc });
    expect(xuyang.name).toBe('长春旭阳工业集团');
    expect(xuyang.address).toBe('长春市绿园区');
  });

  it('stops, naming the unit, when a merge would take a member past 50 contacts; a 51st contact is refused at its field', async () => {
    for (let i = 1; i < 50; i++) callOk(imports.core, 'contacts.create', { organizationId: existing.byName, name: `联系人${i}` });
    const refused = callError(imports.core, 'contacts.create', { organizationId: existing.byName, name: '第五十一人' });
    expect([refused.code, refused.details?.fields?.name?.key]).toEqual(['VALIDATION', 'validation.tooMany']);
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const before = memberCount();
    const error = await callAsyncError(imports.core, 'imports.commit', { uploadId, onDuplicate: 'fill' });
    expect([error.code, error.details?.key, error.details?.params?.name]).toEqual(['VALIDATION', 'errors.importTooManyContacts', '长春市教育局']);
    expect(memberCount()).toBe(before);
    expect(callOk(imports.core, 'members.get', { id: existing.byName }).contacts).toHaveLength(50);
  });
});

describe('commit and undo', () => {
  it('writes nothing when any row is invalid, unless told to skip those rows', async () => {
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const error = await callAsyncError(imports.core, 'imports.commit', { uploadId });
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toMatchObject({ key: 'import.invalidRows', params: { count: 1 } });
    expect(memberCount()).toBe(0);
    expect(callOk(imports.core, 'imports.batches', {})).toEqual([]);

    const result = await callAsync(imports.core, 'imports.commit', { uploadId, skipInvalid: true });
    expect(result).toMatchObject({ created: 3, updated: 0, rejected: 1 });
    expect(result.rejectedRows).toEqual([{ rowNumber: 9, reason: expect.stringContaining('校验位应为') }]);
    expect(memberCount()).toBe(3);
  });

  it('lists the rejected rows with their reasons as an xlsx', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const file = await callAsync(imports.core, 'imports.rejectedReport', { uploadId });
    expect(file.fileName).toBe('名单-未导入的行.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(1)!;
    expect(sheet.getRow(3).values).toEqual([undefined, '行号', '序号', '单位 名称', '联合体职务', '联系人', '职务', '联系电话', '统一社会信用代码', '原因']);
    const row = sheet.getRow(4).values as unknown[];
    expect(row[1]).toBe(9);
    expect(row[3]).toBe('一汽模具制造有限公司');
    expect(String(row[9])).toMatch(/^校验位应为 .，实际为 X，可能有字符输错$/);
  });

  it('undoes a batch as a whole: created members removed, changed ones put back', async () => {
    const before = callOk(imports.core, 'members.create', { name: '长春市教育局', category: 'government', contacts: [{ name: '王明', phone: '0431-1' }] }).member;
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const result = await callAsync(imports.core, 'imports.commit', { uploadId, skipInvalid: true, onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ created: 2, updated: 1 });
    expect(callOk(imports.core, 'members.get', { id: before.id }).role).toBe('lead');
    const [batch] = callOk(imports.core, 'imports.batches', {});
    expect(batch).toMatchObject({ fileName: '名单.xlsx', createdCount: 2, updatedCount: 1, rejectedCount: 1, undoneAt: null });

    expect(callOk(imports.core, 'imports.undo', { id: batch!.id })).toEqual({ removed: 2, restored: 1 });
    expect(memberCount()).toBe(1);
    const restored = callOk(imports.core, 'members.get', { id: before.id });
    expect(restored.role).toBe('member');
    expect(restored.contacts.map((c) => [c.name, c.phone, c.title])).toEqual([['王明', '0431-1', null]]);
    expect(callError(imports.core, 'imports.undo', { id: batch!.id }).code).toBe('CONFLICT');
  });

  it('refuses to undo, changing nothing, when an imported member has been used since', async () => {
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    await callAsync(imports.core, 'imports.commit', { uploadId, skipInvalid: true });
    const [government, , enterprise] = callOk(imports.core, 'members.list', { limit: 10, sort: 'category' }).rows;
    callOk(imports.core, 'agreements.create', { title: '政企合作协议', type: 'government_enterprise', parties: [{ organizationId: government!.id }, { organizationId: enterprise!.id }] });
    const [batch] = callOk(imports.core, 'imports.batches', {});
    expect(callError(imports.core, 'imports.undo', { id: batch!.id }).code).toBe('IN_USE');
    expect(memberCount()).toBe(3);
    expect(callOk(imports.core, 'imports.batches', {})[0]!.undoneAt).toBeNull();
  });

  it('plans again at commit when a record changed after the preview', async () => {
    const { uploadId } = await stage('a.csv', Buffer.from('单位名称,类别\n长春市教育局,政府\n长春市财政局,政府\n'));
    expect(callOk(imports.core, 'imports.preview', { uploadId }).counts).toMatchObject({ new: 2 });
    callOk(imports.core, 'members.create', { name: '长春市财政局', category: 'government' });
    expect(await callAsync(imports.core, 'imports.commit', { uploadId })).toMatchObject({ created: 1, skipped: 1 });
    expect(memberCount()).toBe(2);
  });

  it('remembers a column mapping the clerk changed', async () => {
    const text = '单位名称,类别,负责同志\n长春市教育局,政府,王明\n';
    const first = await stage('a.csv', Buffer.from(text));
    expect(first.mapping).toEqual(['name', 'category', null]);
    await callAsync(imports.core, 'imports.commit', { uploadId: first.uploadId, mapping: ['name', 'category', 'contactName'] });
    const second = await stage('b.csv', Buffer.from(text));
    expect(second.mapping).toEqual(['name', 'category', 'contactName']);
  });

  it('imports 10,000 rows in one batch, with progress, and can be cancelled leaving nothing', async () => {
    const bytes = await largeWorkbook(10_000);
    const { uploadId, rowCount } = await stage('万行.xlsx', bytes);
    expect(rowCount).toBe(10_000);
    const preview = callOk(imports.core, 'imports.preview', { uploadId });
    expect(preview.counts).toEqual({ new: 10_000, update: 0, duplicate: 0, error: 0, skipped: 0 });

    // Cancel after the first chunk; a call made meanwhile waits and is kept.
    const jobId = randomUUID();
    const running = imports.core.dispatcher.dispatch('imports.commit', { uploadId }, { jobId });
    await new Promise((resolve) => setImmediate(resolve));
    const progress = callOk(imports.core, 'jobs.progress', { jobId });
    expect(progress!.total).toBe(10_000);
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThan(10_000);
    const waiting = imports.core.dispatcher.dispatch('members.create', { name: '导入期间新增的单位', category: 'other' });
    expect(waiting).toBeInstanceOf(Promise);
    expect(callOk(imports.core, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    const cancelled = await running;
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error.code).toBe('CANCELLED');
    // The job has ended: nothing to report or cancel any more.
    expect(callOk(imports.core, 'jobs.progress', { jobId })).toBeNull();
    expect(callOk(imports.core, 'jobs.cancel', { jobId })).toEqual({ cancelled: false });
    expect((await waiting).ok).toBe(true);
    expect(memberCount()).toBe(1);
    expect(callOk(imports.core, 'imports.batches', {})).toEqual([]);

    const result = await callAsync(imports.core, 'imports.commit', { uploadId });
    expect(result.created).toBe(10_000);
    expect(memberCount()).toBe(10_001);
    expect(callOk(imports.core, 'members.list', { roles: ['council'], limit: 1 }).total).toBe(200);
  }, 60_000);
});

describe('export then import', () => {
  it.each(['xlsx', 'csv'] as const)('gives the same roster back through %s', async (format) => {
    const source = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
    try {
      callOk(source, 'sample.load', {});
      const file = await callAsync(source, 'exports.roster', { format, includeUscc: true });
      const staged = await callAsync(imports.core, 'imports.stage', { fileName: file.fileName, bytes: file.bytes });
      // The internal roster's 代码登记信息 column is derived from the code: not imported.
      expect(staged.mapping).toEqual([null, 'name', 'role', 'contactName', 'contactTitle', 'contactPhone', 'uscc', null]);
      const result = await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId });
      expect(result).toMatchObject({ created: 190, rejected: 0 });
      const strip = (roster: ReturnType<typeof callOk<'reports.roster'>>) =>
        roster.groups.map((g) => ({ heading: g.heading, rows: g.rows.map(({ id: _id, ...row }) => row) }));
      expect(strip(callOk(imports.core, 'reports.roster', { includeUscc: true }))).toEqual(strip(callOk(source, 'reports.roster', { includeUscc: true })));
    } finally {
      source.close();
    }
  });
});
