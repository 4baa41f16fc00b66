// Member import: reading messy files, preview, duplicates, all-or-nothing commit, batch undo.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { callAsync, callAsyncError, callError, callOk, freshCore } from '../support/core.js';
import { encodeText, largeWorkbook, mergedCategoryWorkbook, messyWorkbook, validUscc, type TextEncoding } from '../support/import-fixtures.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
});
afterEach(() => core.close());

function stage(fileName: string, bytes: Buffer) {
  return callAsync(core, 'imports.stage', { fileName, bytes: bytes.toString('base64') });
}
function memberCount(): number {
  return callOk(core, 'members.list', { limit: 1 }).total;
}

const MESSY = [
  {
    label: '政府机构',
    rows: [
      { name: ' 长春市 教育局 ', role: '牵头单位', contact: '王 明', title: '处长', phone: '０４３１－８８８８８８８８' },
      { name: '长春市工业和信息化局', role: '理事单位', contact: '李华', title: '科长', phone: '13900000001' },
    ],
  },
  {
    label: '企业',
    rows: [
      { name: 'ＡＢＣ汽车零部件(长春)有限公司', role: '常务理事', contact: '@SUM(A1)', title: '=1+1', phone: '13900000002', uscc: validUscc(1) },
      { name: '一汽模具制造有限公司', role: '', contact: '赵强', phone: '13900000003', uscc: '91220101000000001X' },
    ],
  },
];

describe('reading a messy workbook', () => {
  it('finds the header under the title rows, maps the columns and takes categories from section rows', async () => {
    const staged = await stage('名单.xlsx', await messyWorkbook(MESSY));
    expect(staged.headerRow).toBe(3);
    expect(staged.mapping).toEqual([null, 'name', 'role', 'contactName', 'contactTitle', 'contactPhone', 'uscc']);
    const { rows, counts } = callOk(core, 'imports.preview', { uploadId: staged.uploadId });
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 6, 8, 9]);
    expect(rows.map((r) => r.category)).toEqual(['government', 'government', 'enterprise', null]);
    expect(rows.every((r) => r.status === 'error' || r.categoryFromSection)).toBe(true);
    // Stray spaces and full-width characters tidied; Chinese brackets in names made full-width.
    expect(rows[0]).toMatchObject({ name: '长春市教育局', role: 'lead', contactName: '王明', contactPhone: '0431-88888888', status: 'new' });
    expect(rows[2]).toMatchObject({ name: 'ABC汽车零部件（长春）有限公司', role: 'executive_council', contactName: '@SUM(A1)' });
    // A mistyped credit code is an error naming the field and the reason.
    expect(rows[3]!.status).toBe('error');
    expect(rows[3]!.issues).toEqual([expect.objectContaining({ field: 'uscc', key: 'validation.uscc.checksum' })]);
    expect(counts).toEqual({ new: 3, update: 0, duplicate: 0, error: 1 });
  });

  it('gives every row of a merged category cell its category', async () => {
    const staged = await stage('merged.xlsx', await mergedCategoryWorkbook([
      { category: '高职院校', names: ['长春职业技术学院', '长春汽车工业高等专科学校'] },
      { category: '企业', names: ['长春一汽富维汽车零部件股份有限公司', '长春富奥汽车零部件股份有限公司', '长春旭阳工业集团'] },
    ]));
    const { rows } = callOk(core, 'imports.preview', { uploadId: staged.uploadId });
    expect(rows.map((r) => r.category)).toEqual(['higher_vocational', 'higher_vocational', 'enterprise', 'enterprise', 'enterprise']);
    expect(rows.every((r) => r.status === 'new' && !r.categoryFromSection)).toBe(true);
  });

  it('reads date cells as dates and formula cells as their results', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成员');
    sheet.addRow(['单位名称', '类别', '入会日期', '联系人']);
    sheet.addRow(['长春市教育局', '政府机构', new Date(Date.UTC(2023, 7, 19)), { formula: 'CONCATENATE("王","明")', result: '王明' }]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const staged = await stage('日期.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await callAsync(core, 'imports.commit', { uploadId: staged.uploadId, mapping: ['name', 'category', 'joinDate', 'contactName'] });
    const member = callOk(core, 'members.list', { text: '教育局' }).rows[0]!;
    expect(member.joinDate).toBe('2023-08-19');
    expect(member.contactName).toBe('王明');
  });

  it("decodes Excel's _xHHHH_ escapes, so a literal one survives an export and import", async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成员');
    sheet.addRow(['单位名称', '类别']);
    // As Excel writes them: an escaped character, and a literal _x0042_ with its underscore escaped.
    sheet.addRow(['长春_x0041_汽车公司', '企业']);
    sheet.addRow(['长春_x005F_x0042_汽车公司', '企业']);
    const staged = await stage('转义.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(callOk(core, 'imports.preview', { uploadId: staged.uploadId }).rows.map((r) => r.name)).toEqual(['长春A汽车公司', '长春_x0042_汽车公司']);
    await callAsync(core, 'imports.commit', { uploadId: staged.uploadId });
    // Our own xlsx export escapes the literal again; importing it into an empty register gives the same names.
    const exported = Buffer.from((await callAsync(core, 'exports.roster', { format: 'xlsx' })).bytes, 'base64');
    const other = await freshCore(':memory:');
    try {
      const again = await callAsync(other, 'imports.stage', { fileName: '名单.xlsx', bytes: exported.toString('base64') });
      expect(callOk(other, 'imports.preview', { uploadId: again.uploadId }).rows.map((r) => r.name).sort()).toEqual(['长春A汽车公司', '长春_x0042_汽车公司'].sort());
    } finally {
      other.close();
    }
  });

  it('reads a workbook whose zip stores a worksheet before workbook.xml', async () => {
    // Valid, and what exceljs's streaming reader trips over; other programs may write the parts in this order.
    const original = await JSZip.loadAsync(await messyWorkbook(MESSY));
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'];
    const reordered = new JSZip();
    const names = Object.keys(original.files).filter((n) => !original.files[n]!.dir);
    for (const name of [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))]) reordered.file(name, await original.file(name)!.async('nodebuffer'));
    const staged = await stage('重排.xlsx', await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(staged.headerRow).toBe(3);
    expect(callOk(core, 'imports.preview', { uploadId: staged.uploadId }).counts).toEqual({ new: 3, update: 0, duplicate: 0, error: 1 });
  });

  it('keeps formula-looking cells as text and neutralises them again on export', async () => {
    const staged = await stage('名单.xlsx', await messyWorkbook(MESSY));
    await callAsync(core, 'imports.commit', { uploadId: staged.uploadId, skipInvalid: true });
    const member = callOk(core, 'members.list', { text: 'ABC' }).rows[0]!;
    expect(member.contactName).toBe('@SUM(A1)');
    expect(member.contactTitle).toBe('=1+1');
    const csv = Buffer.from((await callAsync(core, 'exports.roster', { format: 'csv' })).bytes, 'base64').toString('utf8');
    expect(csv).toContain("'@SUM(A1),'=1+1");
  });
});

const CSV_TEXT = '成员单位名单\r\n单位名称,类别,联系人,联系电话\r\n长春市教育局,政府机构,王明,0431-88888888\r\n"长春汽车职业技术大学",本科院校,"李,华",13900000001\r\n吉林省汽车工程学会,行业协会,赵强,\r\n';

describe('text encodings', () => {
  it.each<TextEncoding>(['utf-8', 'utf-8-bom', 'gb18030', 'gbk', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'])('reads a csv in %s', async (encoding) => {
    const staged = await stage('名单.csv', encodeText(CSV_TEXT, encoding));
    expect(staged.kind).toBe('csv');
    expect(staged.headerRow).toBe(2);
    const { rows } = callOk(core, 'imports.preview', { uploadId: staged.uploadId });
    expect(rows.map((r) => [r.name, r.category, r.contactName])).toEqual([
      ['长春市教育局', 'government', '王明'],
      ['长春汽车职业技术大学', 'university', '李,华'],
      ['吉林省汽车工程学会', 'association', '赵强'],
    ]);
  });

  it('reads tab-separated text too', async () => {
    const staged = await stage('名单.txt', encodeText('单位名称\t类别\n长春市教育局\t政府\n', 'utf-16le-bom'));
    expect(callOk(core, 'imports.preview', { uploadId: staged.uploadId }).rows[0]).toMatchObject({ name: '长春市教育局', category: 'government' });
  });
});

describe('files that are not member spreadsheets', () => {
  async function refused(fileName: string, bytes: Buffer): Promise<string> {
    const error = await callAsyncError(core, 'imports.stage', { fileName, bytes: bytes.toString('base64') });
    expect(error.code).toBe('IMPORT_FILE');
    return error.details!.key!;
  }

  it('refuses empty, binary, encrypted, legacy and headerless files with the reason', async () => {
    expect(await refused('空.csv', Buffer.alloc(0))).toBe('import.file.empty');
    expect(await refused('空.csv', Buffer.from('\r\n,,\r\n', 'utf8'))).toBe('import.file.empty');
    expect(await refused('照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('import.file.notSpreadsheet');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refused('旧.xls', ole)).toBe('import.file.legacyXls');
    expect(await refused('加密.xlsx', Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]))).toBe('import.file.encrypted');
    expect(await refused('无表头.csv', Buffer.from('甲,乙\n1,2\n'))).toBe('import.file.noHeader');
    const notWorkbook = await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    expect(await refused('压缩包.xlsx', notWorkbook)).toBe('import.file.notSpreadsheet');
    expect(memberCount()).toBe(0);
  });

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    // Many parts.
    const many = new JSZip();
    many.file('xl/workbook.xml', '<workbook/>');
    for (let i = 0; i < 2100; i += 1) many.file(`xl/worksheets/sheet${i}.xml`, '');
    expect(await refused('多.xlsx', await many.generateAsync({ type: 'nodebuffer' }))).toBe('import.file.tooManyParts');
    // A part that unpacks to 400 MB: its declared size is read from the central directory.
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', 'x');
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const directory = bytes.readUInt32LE(bytes.length - 22 + 16);
    let at = directory;
    for (let i = 0; i < bytes.readUInt16LE(bytes.length - 22 + 10); i += 1) {
      const nameLength = bytes.readUInt16LE(at + 28);
      if (bytes.subarray(at + 46, at + 46 + nameLength).toString().endsWith('sheet1.xml')) bytes.writeUInt32LE(400 * 1024 * 1024, at + 24);
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    expect(await refused('炸弹.xlsx', bytes)).toBe('import.file.tooLargeUncompressed');
  });

  it('refuses a file over the size cap', async () => {
    expect(await refused('大.csv', Buffer.alloc(21 * 1024 * 1024, 0x41))).toBe('import.file.tooLarge');
  });
});

describe('duplicates', () => {
  let existing: { byUscc: string; byName: string; byAlias: string };
  beforeEach(() => {
    const a = callOk(core, 'members.create', { name: '长春旭阳工业集团', category: 'enterprise', uscc: validUscc(7), contacts: [] }).member;
    const b = callOk(core, 'members.create', { name: '长春市教育局', category: 'government', address: '长春市人民大街', contacts: [{ name: '王明', phone: '0431-1' }] }).member;
    const c = callOk(core, 'members.create', { name: '中国科学院长春光学精密机械与物理研究所', aliases: ['长春光机所'], category: 'research', contacts: [] }).member;
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
    const { rows } = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'skip' });
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
    for (const id of [existing.byUscc, existing.byName, existing.byAlias]) callOk(core, 'members.setStatus', { id, status: 'withdrawn', date: '2026-01-01', reason: '自愿退出' });
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const { rows } = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'skip' });
    expect(rows.slice(0, 3).map((r) => [r.status, r.match?.by ?? null, r.match?.id ?? null])).toEqual([
      ['duplicate', 'uscc', existing.byUscc],
      ['new', null, null],
      ['new', null, null],
    ]);
  });

  it('matches among many members by code and by name', async () => {
    // 3,000 members in the register and a file naming two of them, by code and by name.
    const sqlite = core.database.sqlite;
    const insert = sqlite.prepare(`INSERT INTO organizations (id, name, category, uscc, role, role_rank, status, pinyin_key, search_text, created_at, updated_at) VALUES (?, ?, 'enterprise', ?, 'member', 9, 'active', ?, ?, '2026-01-01', '2026-01-01')`);
    sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `批量单位${i}`, validUscc(1000 + i), `pi liang ${i}`, `批量单位${i}`);
    })();
    const file = ['单位名称,类别,统一社会信用代码', `另一个名字,企业,${validUscc(1500)}`, '批量单位2999,企业,', '批量单位3000,企业,'].join('\n');
    const { uploadId } = await stage('多.csv', Buffer.from(file));
    const { rows } = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'fill' });
    expect(rows.map((r) => [r.status, r.match?.by ?? null, r.match?.name ?? null])).toEqual([
      ['duplicate', 'uscc', '批量单位500'],
      ['duplicate', 'name', '批量单位2999'],
      ['new', null, null],
    ]);
  });

  it('fills only empty fields, or overwrites, as chosen per file or per row', async () => {
    const { uploadId } = await stage('重复.csv', Buffer.from(csv));
    const fill = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'fill' }).rows;
    expect(fill[0]!.changes).toEqual(['address', 'contactName', 'contactMobile']);
    expect(fill[1]!.status).toBe('duplicate'); // address and contact already filled
    expect(fill[2]!.changes).toEqual(['address']);
    const overwrite = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'overwrite' }).rows;
    // Another person as contact: overwrite replaces the contact as a whole, fill leaves it alone.
    expect(overwrite[1]!.changes).toEqual(['address', 'contactName', 'contactPhone', 'contactMobile']);
    const mixed = callOk(core, 'imports.preview', { uploadId, onDuplicate: 'fill', rowActions: { '3': 'overwrite', '4': 'skip' } }).rows;
    expect(mixed.map((r) => r.status)).toEqual(['update', 'update', 'duplicate', 'new', 'duplicate']);

    const result = await callAsync(core, 'imports.commit', { uploadId, onDuplicate: 'fill', rowActions: { '3': 'overwrite', '4': 'skip' } });
    expect(result).toMatchObject({ created: 1, updated: 2, skipped: 2, rejected: 0 });
    const education = callOk(core, 'members.get', { id: existing.byName });
    expect(education.address).toBe('长春市新地址');
    expect(education.contacts.map((c) => [c.name, c.mobile])).toEqual([['李四', '13900000008']]);
    const xuyang = callOk(core, 'members.get', { id: existing.byUscc });
    expect(xuyang.name).toBe('长春旭阳工业集团');
    expect(xuyang.address).toBe('长春市绿园区');
  });
});

describe('commit and undo', () => {
  it('writes nothing when any row is invalid, unless told to skip those rows', async () => {
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const error = await callAsyncError(core, 'imports.commit', { uploadId });
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toMatchObject({ key: 'import.invalidRows', params: { count: 1 } });
    expect(memberCount()).toBe(0);
    expect(callOk(core, 'imports.batches', {})).toEqual([]);

    const result = await callAsync(core, 'imports.commit', { uploadId, skipInvalid: true });
    expect(result).toMatchObject({ created: 3, updated: 0, rejected: 1 });
    expect(result.rejectedRows).toEqual([{ rowNumber: 9, reason: expect.stringContaining('校验位应为') }]);
    expect(memberCount()).toBe(3);
  });

  it('lists the rejected rows with their reasons as an xlsx', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const file = await callAsync(core, 'imports.rejectedReport', { uploadId });
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
    const before = callOk(core, 'members.create', { name: '长春市教育局', category: 'government', contacts: [{ name: '王明', phone: '0431-1' }] }).member;
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    const result = await callAsync(core, 'imports.commit', { uploadId, skipInvalid: true, onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ created: 2, updated: 1 });
    expect(callOk(core, 'members.get', { id: before.id }).role).toBe('lead');
    const [batch] = callOk(core, 'imports.batches', {});
    expect(batch).toMatchObject({ fileName: '名单.xlsx', createdCount: 2, updatedCount: 1, rejectedCount: 1, undoneAt: null });

    expect(callOk(core, 'imports.undo', { id: batch!.id })).toEqual({ removed: 2, restored: 1 });
    expect(memberCount()).toBe(1);
    const restored = callOk(core, 'members.get', { id: before.id });
    expect(restored.role).toBe('member');
    expect(restored.contacts.map((c) => [c.name, c.phone, c.title])).toEqual([['王明', '0431-1', null]]);
    expect(callError(core, 'imports.undo', { id: batch!.id }).code).toBe('CONFLICT');
  });

  it('refuses to undo, changing nothing, when an imported member has been used since', async () => {
    const { uploadId } = await stage('名单.xlsx', await messyWorkbook(MESSY));
    await callAsync(core, 'imports.commit', { uploadId, skipInvalid: true });
    const [government, , enterprise] = callOk(core, 'members.list', { limit: 10, sort: 'category' }).rows;
    callOk(core, 'agreements.create', { title: '政企合作协议', type: 'government_enterprise', parties: [{ organizationId: government!.id }, { organizationId: enterprise!.id }] });
    const [batch] = callOk(core, 'imports.batches', {});
    expect(callError(core, 'imports.undo', { id: batch!.id }).code).toBe('IN_USE');
    expect(memberCount()).toBe(3);
    expect(callOk(core, 'imports.batches', {})[0]!.undoneAt).toBeNull();
  });

  it('plans again at commit when a record changed after the preview', async () => {
    const { uploadId } = await stage('a.csv', Buffer.from('单位名称,类别\n长春市教育局,政府\n长春市财政局,政府\n'));
    expect(callOk(core, 'imports.preview', { uploadId }).counts).toMatchObject({ new: 2 });
    callOk(core, 'members.create', { name: '长春市财政局', category: 'government' });
    expect(await callAsync(core, 'imports.commit', { uploadId })).toMatchObject({ created: 1, skipped: 1 });
    expect(memberCount()).toBe(2);
  });

  it('remembers a column mapping the clerk changed', async () => {
    const text = '单位名称,类别,负责同志\n长春市教育局,政府,王明\n';
    const first = await stage('a.csv', Buffer.from(text));
    expect(first.mapping).toEqual(['name', 'category', null]);
    await callAsync(core, 'imports.commit', { uploadId: first.uploadId, mapping: ['name', 'category', 'contactName'] });
    const second = await stage('b.csv', Buffer.from(text));
    expect(second.mapping).toEqual(['name', 'category', 'contactName']);
  });

  it('imports 10,000 rows in one batch, with progress, and can be cancelled leaving nothing', async () => {
    const bytes = await largeWorkbook(10_000);
    const { uploadId, rowCount } = await stage('万行.xlsx', bytes);
    expect(rowCount).toBe(10_000);
    const preview = callOk(core, 'imports.preview', { uploadId });
    expect(preview.counts).toEqual({ new: 10_000, update: 0, duplicate: 0, error: 0 });

    // Cancel after the first chunk; a call made meanwhile waits and is kept.
    const running = core.dispatcher.dispatch('imports.commit', { uploadId });
    await new Promise((resolve) => setImmediate(resolve));
    const progress = callOk(core, 'imports.progress', { uploadId });
    expect(progress!.total).toBe(10_000);
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThan(10_000);
    const waiting = core.dispatcher.dispatch('members.create', { name: '导入期间新增的单位', category: 'other' });
    expect(waiting).toBeInstanceOf(Promise);
    expect(callOk(core, 'imports.cancel', { uploadId })).toEqual({ cancelled: true });
    const cancelled = await running;
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error.details?.key).toBe('import.cancelled');
    expect((await waiting).ok).toBe(true);
    expect(memberCount()).toBe(1);
    expect(callOk(core, 'imports.batches', {})).toEqual([]);

    const result = await callAsync(core, 'imports.commit', { uploadId });
    expect(result.created).toBe(10_000);
    expect(memberCount()).toBe(10_001);
    expect(callOk(core, 'members.list', { roles: ['council'], limit: 1 }).total).toBe(200);
  }, 60_000);
});

describe('export then import', () => {
  it.each(['xlsx', 'csv'] as const)('gives the same roster back through %s', async (format) => {
    const source = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
    try {
      callOk(source, 'sample.load', {});
      const file = await callAsync(source, 'exports.roster', { format, includeUscc: true });
      const staged = await callAsync(core, 'imports.stage', { fileName: file.fileName, bytes: file.bytes });
      expect(staged.mapping).toEqual([null, 'name', 'role', 'contactName', 'contactTitle', 'contactPhone', 'uscc']);
      const result = await callAsync(core, 'imports.commit', { uploadId: staged.uploadId });
      expect(result).toMatchObject({ created: 190, rejected: 0 });
      const strip = (roster: ReturnType<typeof callOk<'reports.roster'>>) =>
        roster.groups.map((g) => ({ heading: g.heading, rows: g.rows.map(({ id: _id, ...row }) => row) }));
      expect(strip(callOk(core, 'reports.roster', { includeUscc: true }))).toEqual(strip(callOk(source, 'reports.roster', { includeUscc: true })));
    } finally {
      source.close();
    }
  });
});
