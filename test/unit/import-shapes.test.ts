// Spreadsheets shaped the way Chinese offices make them: a cover sheet first, sums and sign-off
// lines, 单位性质 instead of a category, two people in one contact cell, codes and phones Excel has
// changed, placeholders for "nothing", UTF-16 without a BOM, a damaged UTF-8 byte, an old .xls.
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { callAsync, callAsyncError, callError, callOk } from '../support/core.js';
import { inlineCell, numberCell, sheetXml, xlsxFromParts } from '../support/hostile-imports.js';
import { validUscc } from '../support/import-fixtures.js';
import { useImportCore } from '../support/import-core.js';

const imports = useImportCore();

function xlsFrom(sheets: Record<string, unknown[][]>, bookType: 'biff8' | 'xlsx' | 'ods' = 'biff8'): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType }) as Uint8Array);
}

async function preview(fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  const staged = await imports.stage(fileName, bytes);
  return { staged, preview: callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId, ...extra }) };
}

describe('workbooks with several sheets', () => {
  it('passes over a cover sheet, lists every sheet with its rows, and reads another when asked', async () => {
    const bytes = xlsFrom({ 填报说明: [['填报说明'], ['1. 请按表格填写'], ['2. 不要改表头']], 成员名单: [['单位名称', '类别'], ['长春市教育局', '政府机构'], ['一汽集团', '企业']] }, 'xlsx');
    const { staged, preview: rows } = await preview('名单.xlsx', bytes);
    expect(staged.sheets.map((s) => [s.number, s.name, s.rows])).toEqual([
      [1, '填报说明', 3],
      [2, '成员名单', 3],
    ]);
    expect(staged.sheet).toBe(2);
    expect(rows.rows.map((r) => r.name)).toEqual(['长春市教育局', '一汽集团']);
    const other = await callAsyncError(imports.core, 'imports.chooseSheet', { uploadId: staged.uploadId, sheet: 1 });
    expect(other.details?.key).toBe('import.file.noHeader');
    expect((await callAsyncError(imports.core, 'imports.stage', { fileName: '名单.xlsx', bytes: bytes.toString('base64'), sheet: '不存在' })).details?.key).toBe('import.file.noSuchSheet');
  });

  it('reads the same roster from .xls, .ods and .xlsx', async () => {
    const rows = [['单位名称', '类别', '联系人'], ['长春市教育局', '政府机构', '王明'], ['一汽集团', '企业', '李华']];
    for (const type of ['biff8', 'ods', 'xlsx'] as const) {
      const { staged, preview: p } = await preview(`名单.${type}`, xlsFrom({ 名单: rows }, type));
      expect(staged.kind, type).toBe(type === 'biff8' ? 'xls' : type);
      expect(p.rows.map((r) => [r.name, r.category, r.contactName])).toEqual([
        ['长春市教育局', 'government', '王明'],
        ['一汽集团', 'enterprise', '李华'],
      ]);
    }
  });

  it('reports hidden rows and columns that hold values', async () => {
    const xml = sheetXml(`<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}</row><row r="2">${inlineCell('A2', '甲公司')}${inlineCell('B2', '企业')}</row><row r="3" hidden="1">${inlineCell('A3', '乙公司')}${inlineCell('B3', '企业')}</row>`, '', '<cols><col min="3" max="3" hidden="1"/></cols>');
    const { staged } = await preview('隐藏.xlsx', xlsxFromParts({ sheets: [{ xml: xml.replace('</row><row r="2">', `${inlineCell('C1', '备注')}</row><row r="2">`) }] }));
    expect(staged).toMatchObject({ hiddenRows: [3], hiddenRowCount: 1, hiddenColumns: ['C'] });
  });
});

describe('rows that are not members', () => {
  it('skips sums, sign-off lines and notes with the reason, and imports the rest', async () => {
    const csv = ['单位名称,类别,联系人', '长春市教育局,政府机构,王明', '一汽集团,企业,李华', '合计,2家,', '填表人：张三,,日期：2026年11月1日', '（盖章）,,', '备注：名单以此为准,,'].join('\n');
    const { preview: p } = await preview('名单.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.rowNumber, r.status, r.skipReason])).toEqual([
      [2, 'new', null],
      [3, 'new', null],
      [4, 'skipped', 'sum'],
      [5, 'skipped', 'signOff'],
      [6, 'skipped', 'signOff'],
      [7, 'skipped', 'note'],
    ]);
    const staged = await imports.stage('名单.csv', Buffer.from(csv));
    expect(await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId })).toMatchObject({ created: 2, rejected: 0, notMembers: 4 });
  });
});

describe('a section heading that names no category', () => {
  it('is shown as such, and the rows under it ask for their category instead of taking the section above', async () => {
    const csv = ['序号,单位名称,联系人', '一、企业,,', '1,一汽集团,李华', '二、学校,,', '1,长春市第一中学,王明', '2,吉林大学,赵六'].join('\n');
    const { staged, preview: p } = await preview('名单.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.rowNumber, r.status, r.skipReason, r.category, r.issues.map((i) => [i.field, i.key, i.params?.value])])).toEqual([
      [3, 'new', null, 'enterprise', []],
      [4, 'skipped', 'section', null, []],
      [5, 'error', null, null, [['category', 'import.issue.sectionUnknown', '学校']]],
      [6, 'error', null, null, [['category', 'import.issue.sectionUnknown', '学校']]],
    ]);
    expect(await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId, skipInvalid: true })).toMatchObject({ created: 1, rejected: 2, notMembers: 1 });
    // A category column settles it: the heading is still shown, the rows are read.
    const withColumn = ['序号,单位名称,类别', '二、学校,,', '1,长春市第一中学,中职学校'].join('\n');
    expect((await preview('名单2.csv', Buffer.from(withColumn))).preview.rows.map((r) => [r.status, r.skipReason, r.category])).toEqual([
      ['skipped', 'section', null],
      ['new', null, 'secondary_vocational'],
    ]);
  });
});

describe('rows that look like headings', () => {
  it('reads a sum with its count as a sum, keeps a role sub-heading inside its section, and keeps units alone on their rows', async () => {
    const csv = [
      '序号,单位名称,联系人',
      '一、企业,,',
      '（一）理事长单位,,',
      '1,一汽集团,李华',
      '（二）理事单位,,',
      '2,长春旭阳工业集团,王明',
      ',中电科55所,',
      ',1、长春一汽富维,',
      '小计：4家,,',
      '3,长春富维安道拓,赵六',
      '合计（5家）,,',
    ].join('\n');
    const { preview: p } = await preview('名单.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.rowNumber, r.status, r.skipReason, r.category])).toEqual([
      [3, 'skipped', 'section', null],
      [4, 'new', null, 'enterprise'],
      [5, 'skipped', 'section', null],
      [6, 'new', null, 'enterprise'],
      [7, 'new', null, 'enterprise'],
      [8, 'new', null, 'enterprise'],
      [9, 'skipped', 'sum', null],
      [10, 'new', null, 'enterprise'],
      [11, 'skipped', 'sum', null],
    ]);
    expect(p.rows.filter((r) => r.status === 'new').map((r) => r.name)).toEqual(['一汽集团', '长春旭阳工业集团', '中电科55所', '1、长春一汽富维', '长春富维安道拓']);
  });
});

describe('sections and the groups inside them', () => {
  it('keeps a section’s category through groups that name none, and starts afresh at a new section that names a role', async () => {
    const csv = [
      '序号,单位名称,联系人',
      '一、企业,,',
      '（一）长春市,,',
      '1,一汽集团,李华',
      '（二）吉林市,,',
      '2,吉林化纤集团,王明',
      '二、副理事长单位,,',
      '（一）本科院校,,',
      '3,吉林大学,赵六',
      '三、理事单位,,',
      '4,长春市第一中学,孙七',
    ].join('\n');
    const { preview: p } = await preview('名单.csv', Buffer.from(csv));
    expect(p.rows.filter((r) => !r.skipReason).map((r) => [r.name, r.status, r.category, r.issues.map((i) => i.key)])).toEqual([
      ['一汽集团', 'new', 'enterprise', []],
      ['吉林化纤集团', 'new', 'enterprise', []],
      ['吉林大学', 'new', 'university', []],
      // Under a role's section with no group naming a category: asked, never filed as 本科院校 from above.
      ['长春市第一中学', 'error', null, ['import.issue.noCategory']],
    ]);
    expect(p.rows.filter((r) => r.skipReason).map((r) => [r.rowNumber, r.skipReason])).toEqual([
      [3, 'section'],
      [5, 'section'],
      [7, 'section'],
      [10, 'section'],
    ]);
  });
});

describe('values Excel has damaged, and placeholders', () => {
  it('refuses a credit code stored as a number even when its check character fits, and one in scientific notation', async () => {
    // 15 significant digits survive: this code's digits happen to give a valid check character after the cut.
    const cut = 912201001234567000;
    const xml = sheetXml(`<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}${inlineCell('C1', '统一社会信用代码')}${inlineCell('D1', '联系电话')}${inlineCell('E1', '联系人')}</row><row r="2">${inlineCell('A2', '甲公司')}${inlineCell('B2', '企业')}${numberCell('C2', cut)}${numberCell('D2', 43188886666)}${inlineCell('E2', '王明')}</row>`);
    const { preview: p } = await preview('数字.xlsx', xlsxFromParts({ sheets: [{ xml }] }));
    expect(p.rows[0]!.status).toBe('error');
    expect(p.rows[0]!.issues.map((i) => [i.field, i.key])).toEqual([['uscc', 'import.issue.usccCut']]);
    // Shown as Excel shows the number (15 significant digits), and the row keeps its name though it cannot be read.
    expect(p.rows[0]!.issues[0]!.params?.value).toBe('912201001234567000');
    expect(p.rows[0]!.name).toBe('甲公司');
    expect(p.rows[0]!.warnings.map((i) => [i.field, i.key, i.params?.suggestion])).toEqual([['contactPhone', 'import.issue.phoneLeadingZero', '043188886666']]);
    const csv = ['单位名称,类别,统一社会信用代码,联系电话', '乙公司,企业,9.12201E+17,1.38123E+10'].join('\n');
    const scientific = (await preview('科学.csv', Buffer.from(csv))).preview.rows[0]!;
    expect(scientific.issues.map((i) => i.key)).toEqual(['import.issue.usccScientific', 'import.issue.phoneScientific']);
  });

  it('reads 暂无, 无, —, ／ and / as empty', async () => {
    const csv = ['单位名称,类别,统一社会信用代码,联系人,联系电话,地址', '甲公司,企业,暂无,无,—,／', '乙公司,企业,/,,, 无 '].join('\n');
    const { preview: p } = await preview('空.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.status, r.uscc, r.contactName, r.contactPhone])).toEqual([
      ['new', null, null, null],
      ['new', null, null, null],
    ]);
  });
});

describe('legal forms (单位性质)', () => {
  const csv = ['单位名称,单位性质', '长春市教育局,机关', '吉林省汽车工程学会,社会团体', '长春汽车职业技术大学,事业单位', '长春新区实验学校,民办非企业单位', '一汽集团,国有企业'].join('\n');

  it('suggests a category for a form that fits one, and asks for one that fits several', async () => {
    const { preview: p } = await preview('性质.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.cells[0], r.status, r.category])).toEqual([
      ['长春市教育局', 'new', 'government'],
      ['吉林省汽车工程学会', 'new', 'association'],
      ['长春汽车职业技术大学', 'error', null],
      ['长春新区实验学校', 'error', null],
      ['一汽集团', 'new', 'enterprise'],
    ]);
    expect(p.legalForms.map((f) => [f.value, f.suggested, f.choices.length > 1, f.chosen])).toEqual([
      ['机关', 'government', false, null],
      ['社会团体', 'association', false, null],
      ['事业单位', null, true, null],
      ['民办非企业单位', null, true, null],
      ['国有企业', 'enterprise', false, null],
    ]);
    // 民办非企业单位 is never an enterprise.
    expect(p.legalForms[3]!.choices).not.toContain('enterprise');
  });

  it('takes the clerk’s answers, and remembers them for the next file', async () => {
    const staged = await imports.stage('性质.csv', Buffer.from(csv));
    const legalForms = { 事业单位: 'higher_vocational', 民办非企业单位: 'secondary_vocational' } as const;
    const answered = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId, legalForms });
    expect(answered.rows.map((r) => r.category)).toEqual(['government', 'association', 'higher_vocational', 'secondary_vocational', 'enterprise']);
    await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId, legalForms });
    const next = await preview('下一个.csv', Buffer.from(['单位名称,单位性质', '长春职业技术学院附属学校,事业单位'].join('\n')));
    expect(next.preview.rows[0]).toMatchObject({ status: 'new', category: 'higher_vocational' });
    expect(next.preview.legalForms[0]).toMatchObject({ value: '事业单位', chosen: 'higher_vocational' });
  });
});

describe('contacts', () => {
  it('makes several people in one cell several contacts, with their phones and titles', async () => {
    const csv = ['单位名称,类别,联系人,联系电话', '甲公司,企业,"张三、李四",', '乙公司,企业,"王五 13800000001；赵六 13900000002",', '丙公司,企业,钱七（办公室主任） 0431-88886666,', '丁公司,企业,"孙八,周九","0431-1234567,13700000003"'].join('\n');
    const { staged } = await preview('联系人.csv', Buffer.from(csv));
    await callAsync(imports.core, 'imports.commit', { uploadId: staged.uploadId });
    const contacts = (name: string) => {
      const id = callOk(imports.core, 'members.list', { text: name, limit: 1 }).rows[0]!.id;
      return callOk(imports.core, 'members.get', { id }).contacts.map((c) => [c.name, c.title, c.phone, c.mobile]);
    };
    expect(contacts('甲公司')).toEqual([
      ['张三', null, null, null],
      ['李四', null, null, null],
    ]);
    expect(contacts('乙公司')).toEqual([
      ['王五', null, null, '13800000001'],
      ['赵六', null, null, '13900000002'],
    ]);
    expect(contacts('丙公司')).toEqual([['钱七', '办公室主任', '0431-88886666', null]]);
    expect(contacts('丁公司')).toEqual([
      ['孙八', null, '0431-1234567', null],
      ['周九', null, null, '13700000003'],
    ]);
  });
});

describe('encodings', () => {
  const text = ['单位名称,类别,联系人', '长春市教育局,政府机构,王明', '一汽集团,企业,李华'].join('\r\n');

  it('reads UTF-16 without a byte-order mark, in both byte orders', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const { staged, preview: p } = await preview('u16.csv', iconv.encode(text, encoding, { addBOM: false }));
      expect(staged.encoding, encoding).toBe(encoding);
      expect(p.rows.map((r) => r.name)).toEqual(['长春市教育局', '一汽集团']);
    }
  });

  it('names the line and byte of a bad byte in a UTF-8 file instead of reading it as GB18030', async () => {
    const good = Buffer.from(text, 'utf8');
    const at = good.indexOf(Buffer.from('李华'));
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const error = await callAsyncError(imports.core, 'imports.stage', { fileName: '坏.csv', bytes: bad.toString('base64') });
    expect(error.details).toMatchObject({ key: 'import.file.invalidUtf8', params: { line: 3, byte: at + 1, hex: 'FF' } });
    // GB18030 text is still read as GB18030.
    expect((await imports.stage('gbk.csv', iconv.encode(text, 'gb18030'))).encoding).toBe('gb18030');
  });
});

describe('duplicates by other names', () => {
  it('finds a member by its short name and by its former name', async () => {
    const a = callOk(imports.core, 'members.create', { name: '中国第一汽车集团有限公司', shortName: '一汽集团', category: 'enterprise', contacts: [] }).member;
    const b = callOk(imports.core, 'members.create', { name: '长春汽车职业技术大学', category: 'higher_vocational', contacts: [] }).member;
    callOk(imports.core, 'members.update', { id: b.id, name: '长春汽车职业技术大学（新）', category: 'higher_vocational', contacts: [] });
    expect(callOk(imports.core, 'members.get', { id: b.id }).formerNames.map((f) => f.name)).toEqual(['长春汽车职业技术大学']);
    const csv = ['单位名称,类别,统一社会信用代码', `一汽集团,企业,${validUscc(3)}`, '长春汽车职业技术大学,高职院校,'].join('\n');
    const { preview: p } = await preview('别名.csv', Buffer.from(csv));
    expect(p.rows.map((r) => [r.match?.id, r.match?.by])).toEqual([
      [a.id, 'shortName'],
      [b.id, 'formerName'],
    ]);
    // A short name two members share names neither for sure: the clerk is asked for the full name.
    callOk(imports.core, 'members.create', { name: '一汽集团长春分公司', shortName: '一汽集团', category: 'enterprise', contacts: [] });
    const again = await preview('别名2.csv', Buffer.from(['单位名称,类别', '一汽集团,企业'].join('\n')));
    expect(again.preview.rows[0]).toMatchObject({ status: 'error', name: '一汽集团' });
    expect(again.preview.rows[0]!.issues.map((i) => [i.key, i.params?.names])).toEqual([['import.issue.ambiguousName', '一汽集团长春分公司、中国第一汽车集团有限公司']]);
  });
});

describe('a phone with no name in the contact cell', () => {
  it('is an error that names the contact, never dropped', async () => {
    const staged = await imports.stage('电话.csv', Buffer.from(['单位名称,类别,联系人', '甲公司,企业,13800000001'].join('\n')));
    const row = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows[0]!;
    expect(row.status).toBe('error');
    expect(row.issues.map((i) => [i.field, i.key])).toEqual([['contactName', 'import.issue.contactWithoutName']]);
  });
});

describe('answers the core keeps', () => {
  it('refuses more legal-form answers than any file could need', async () => {
    const staged = await imports.stage('性质.csv', Buffer.from(['单位名称,单位性质', '甲,事业单位'].join('\n')));
    const legalForms = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`性质${i}`, 'other']));
    const error = callError(imports.core, 'imports.preview', { uploadId: staged.uploadId, legalForms });
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.details?.fields ?? {})).toEqual(['legalForms']);
  });
});
