// Member import: reading messy files in every encoding, and refusing files that are not rosters.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useImportCore } from '../support/import-core.js';
import { callAsync, callAsyncError, callOk, freshCore } from '../support/core.js';
import { encodeText, mergedCategoryWorkbook, MESSY, messyWorkbook, type TextEncoding } from '../support/import-fixtures.js';

const imports = useImportCore();
const { stage, memberCount } = imports;


describe('reading a messy workbook', () => {
  it('finds the header under the title rows, maps the columns and takes categories from section rows', async () => {
    const staged = await stage('名单.xlsx', await messyWorkbook(MESSY));
    expect(staged.headerRow).toBe(3);
    expect(staged.mapping).toEqual([null, 'name', 'role', 'contactName', 'contactTitle', 'contactPhone', 'uscc']);
    const preview = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId });
    const { counts } = preview;
    // The note under the table (注：本名单由秘书处整理。) is left out with its reason.
    expect(preview.rows.filter((r) => r.status === 'skipped').map((r) => [r.rowNumber, r.skipReason])).toEqual([[11, 'note']]);
    const rows = preview.rows.filter((r) => r.status !== 'skipped');
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 6, 8, 9]);
    expect(rows.map((r) => r.category)).toEqual(['government', 'government', 'enterprise', null]);
    expect(rows.every((r) => r.status === 'error' || r.categoryFromSection)).toBe(true);
    // Stray spaces and full-width characters tidied; Chinese brackets in names made full-width.
    expect(rows[0]).toMatchObject({ name: '长春市教育局', role: 'lead', contactName: '王明', contactPhone: '0431-88888888', status: 'new' });
    expect(rows[2]).toMatchObject({ name: 'ABC汽车零部件（长春）有限公司', role: 'executive_council', contactName: '@SUM(A1)' });
    // A mistyped credit code is an error naming the field and the reason.
    expect(rows[3]!.status).toBe('error');
    expect(rows[3]!.issues).toEqual([expect.objectContaining({ field: 'uscc', key: 'validation.uscc.checksum' })]);
    expect(counts).toEqual({ new: 3, update: 0, duplicate: 0, error: 1, skipped: 1 });
  });

  it('gives every row of a merged category cell its category', async () => {
    const staged = await stage('merged.xlsx', await mergedCategoryWorkbook([
      { category: '高职院校', names: ['长春职业技术学院', '长春汽车工业高等专科学校'] },
      { category: '企业', names: ['长春一汽富维汽车零部件股份有限公司', '长春富奥汽车零部件股份有限公司', '长春旭阳工业集团'] },
    ]));
    const { rows } = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId });
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
    await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId, mapping: ['name', 'category', 'joinDate', 'contactName'] });
    const member = callOk(imports.core, 'members.list', { text: '教育局' }).rows[0]!;
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
    expect(callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows.map((r) => r.name)).toEqual(['长春A汽车公司', '长春_x0042_汽车公司']);
    await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId });
    // Our own xlsx export escapes the literal again; importing it into an empty register gives the same names.
    const exported = Buffer.from((await callAsync(imports.core, 'exports.roster', { format: 'xlsx' })).bytes, 'base64');
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
    expect(callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).counts).toEqual({ new: 3, update: 0, duplicate: 0, error: 1, skipped: 1 });
  });

  it('keeps formula-looking cells as text and neutralises them again on export', async () => {
    const staged = await stage('名单.xlsx', await messyWorkbook(MESSY));
    await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId, skipInvalid: true });
    const member = callOk(imports.core, 'members.list', { text: 'ABC' }).rows[0]!;
    expect(member.contactName).toBe('@SUM(A1)');
    expect(member.contactTitle).toBe('=1+1');
    const csv = Buffer.from((await callAsync(imports.core, 'exports.roster', { format: 'csv' })).bytes, 'base64').toString('utf8');
    expect(csv).toContain("'@SUM(A1),'=1+1");
  });
});

const CSV_TEXT = '成员单位名单\r\n单位名称,类别,联系人,联系电话\r\n长春市教育局,政府机构,王明,0431-88888888\r\n"长春汽车职业技术大学",本科院校,"李,华",13900000001\r\n吉林省汽车工程学会,行业协会,赵强,\r\n';

describe('text encodings', () => {
  it.each<TextEncoding>(['utf-8', 'utf-8-bom', 'gb18030', 'gbk', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'])('reads a csv in %s', async (encoding) => {
    const staged = await stage('名单.csv', encodeText(CSV_TEXT, encoding));
    expect(staged.kind).toBe('csv');
    expect(staged.headerRow).toBe(2);
    const { rows } = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId });
    expect(rows.map((r) => [r.name, r.category, r.contactName])).toEqual([
      ['长春市教育局', 'government', '王明'],
      ['长春汽车职业技术大学', 'university', '李,华'],
      ['吉林省汽车工程学会', 'association', '赵强'],
    ]);
  });

  it('reads tab-separated text too', async () => {
    const staged = await stage('名单.txt', encodeText('单位名称\t类别\n长春市教育局\t政府\n', 'utf-16le-bom'));
    expect(callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows[0]).toMatchObject({ name: '长春市教育局', category: 'government' });
  });
});

describe('files that are not member spreadsheets', () => {
  async function refused(fileName: string, bytes: Buffer): Promise<string> {
    const error = await callAsyncError(imports.core, 'imports.stage', { fileName, bytes: bytes.toString('base64') });
    expect(error.code).toBe('IMPORT_FILE');
    return error.details!.key!;
  }

  it('refuses empty, binary, encrypted, damaged and headerless files with the reason', async () => {
    expect(await refused('空.csv', Buffer.alloc(0))).toBe('import.file.empty');
    expect(await refused('空.csv', Buffer.from('\r\n,,\r\n', 'utf8'))).toBe('import.file.empty');
    expect(await refused('照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('import.file.notSpreadsheet');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    // An old-format container with nothing readable inside is a damaged file, said as such.
    expect(await refused('旧.xls', ole)).toBe('import.file.unreadable');
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
    expect(await refused('多.xlsx', await many.generateAsync({ type: 'nodebuffer' }))).toBe('import.file.limit.parts');
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
    expect(await refused('炸弹.xlsx', bytes)).toBe('import.file.limit.uncompressed');
  });

  it('refuses a file over the size cap', async () => {
    expect(await refused('大.csv', Buffer.alloc(21 * 1024 * 1024, 0x41))).toBe('import.file.limit.bytes');
  });
});
