// The lists besides the roster: 通讯录 (a row per person, csv for mail merge), the talent lists, and
// the sign-in sheet with 职务 and spare rows, as docx, pdf and xlsx; and the record's title.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import type { FileContent } from '../../core/io/exports/contract.js';
import { recordTitle } from '../../core/io/exports/meeting-record.js';
import { callOk, freshCore } from '../support/core.js';
import { docxParagraphs, docxXml, pdfFonts, pdfText } from '../support/documents.js';

let core: AppCore;
let eventId: string;
beforeAll(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
  const a = callOk(core, 'members.create', {
    name: '长春职业技术学院',
    category: 'higher_vocational',
    address: '长春市南关区',
    postcode: '130033',
    contacts: [
      { name: '王芳', title: '校长', mobile: '13900000001', isPrimary: true },
      { name: '李强', title: '处长', phone: '0431-88880000', email: 'li@example.cn' },
    ],
  }).member;
  const b = callOk(core, 'members.create', { name: '一汽模具制造有限公司', category: 'enterprise', contacts: [{ name: '薛耀', title: '董事长' }] }).member;
  callOk(core, 'members.create', { name: '长春市教育局', category: 'government' });
  eventId = callOk(core, 'events.create', {
    title: '理事会第二次会议',
    type: 'council_meeting',
    date: '2026-12-10',
    venue: '汽开区会议中心',
    attendance: [{ organizationId: a.id, person: '李强' }, { organizationId: b.id }],
  }).id;
  callOk(core, 'talent.create', { organizationId: a.id, direction: 'supply', field: '汽车检测与维修', headcount: 40 });
  callOk(core, 'talent.create', { organizationId: b.id, direction: 'demand', field: '模具设计', headcount: 12 });
});
afterAll(() => core.close());

async function exported(method: string, input: object): Promise<{ file: FileContent; bytes: Buffer }> {
  const response = (await core.dispatcher.dispatch(method, input)) as ApiResponse;
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  const file = response.result as FileContent;
  return { file, bytes: Buffer.from(file.bytes, 'base64') };
}

async function sheetRows(bytes: Buffer): Promise<{ rows: string[][]; footer: string | undefined }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
  return { rows, footer: sheet.headerFooter.oddFooter };
}

describe('the meeting record’s title', () => {
  it('never doubles 会议', () => {
    expect(recordTitle('理事会第二次会议')).toBe('理事会第二次会议记录');
    expect(recordTitle('成立大会')).toBe('成立大会会议记录');
  });
});

describe('sign-in sheet', () => {
  it('lists the invited units with the person coming and their 职务, then the spare rows asked for, as xlsx with page numbers', async () => {
    const { file, bytes } = await exported('exports.signIn', { id: eventId, format: 'xlsx', spareRows: 3 });
    expect(file.fileName).toMatch(/理事会第二次会议签到表-20261128\.xlsx$/);
    const { rows, footer } = await sheetRows(bytes);
    expect(rows[0]![0]).toBe('理事会第二次会议签到表');
    expect(rows[1]![0]).toBe('2026年12月10日\u3000汽开区会议中心');
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '单位名称', '姓名', '职务', '签名']);
    const body = rows.slice(header + 1);
    // The named person with their own title; a unit without one, its first contact.
    expect(body.slice(0, 2).map((r) => r.slice(0, 4))).toEqual([
      ['1', '长春职业技术学院', '李强', '处长'],
      ['2', '一汽模具制造有限公司', '薛耀', '董事长'],
    ]);
    expect(body.slice(2).map((r) => r[0])).toEqual(['3', '4', '5']);
    expect(footer).toBe('&C第 &P 页 共 &N 页');
  });

  it('in the record, starts on a new page under its own centred title, in docx and pdf', async () => {
    const xml = await docxXml((await exported('exports.meeting', { id: eventId, format: 'docx', spareRows: 0 })).bytes);
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs[0]).toBe('理事会第二次会议记录');
    expect(xml).toMatch(/<w:br w:type="page"\/><\/w:r><\/w:p><w:p><w:pPr><w:keepNext\/><w:keepLines\/><w:jc w:val="center"\/>[^]*?理事会第二次会议签到表/);
    const text = pdfText((await exported('exports.signIn', { id: eventId, format: 'pdf', spareRows: 2 })).bytes);
    expect(text).toContain('理事会第二次会议签到表');
    expect(text).toMatch(/李强\s+处长/);
  });

  it('refuses a spare-row count out of range, naming the field', async () => {
    const response = (await core.dispatcher.dispatch('exports.signIn', { id: eventId, format: 'xlsx', spareRows: 500 })) as ApiResponse;
    expect(response.ok).toBe(false);
    if (!response.ok) expect(Object.keys(response.error.details?.fields ?? {})).toEqual(['spareRows']);
  });
});

describe('通讯录', () => {
  it('has a row per person (a unit without contacts keeps its row), in xlsx and csv for mail merge', async () => {
    const { rows } = await sheetRows((await exported('exports.contacts', { format: 'xlsx' })).bytes);
    const header = rows.findIndex((r) => r[0] === '单位名称');
    expect(rows[header]).toEqual(['单位名称', '姓名', '职务', '手机', '固定电话', '电子邮箱', '通讯地址', '邮政编码']);
    // (Trailing empty cells are not stored in xlsx: padded to the header's width.)
    expect(rows.slice(header + 1).map((r) => [...r, ...Array<string>(8 - r.length).fill('')])).toEqual([
      ['长春市教育局', '', '', '', '', '', '', ''],
      ['长春职业技术学院', '王芳', '校长', '13900000001', '', '', '长春市南关区', '130033'],
      ['长春职业技术学院', '李强', '处长', '', '0431-88880000', 'li@example.cn', '长春市南关区', '130033'],
      ['一汽模具制造有限公司', '薛耀', '董事长', '', '', '', '', ''],
    ]);
    const csv = Buffer.from((await exported('exports.contacts', { format: 'csv', categories: ['higher_vocational'] })).file.bytes, 'base64').toString('utf8');
    // A mail merge reads the first line as its field names: no title above it.
    expect(csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3)).toEqual([
      '单位名称,姓名,职务,手机,固定电话,电子邮箱,通讯地址,邮政编码',
      '长春职业技术学院,王芳,校长,13900000001,,,长春市南关区,130033',
      '长春职业技术学院,李强,处长,,0431-88880000,li@example.cn,长春市南关区,130033',
    ]);
    const docx = docxParagraphs(await docxXml((await exported('exports.contacts', { format: 'docx' })).bytes));
    expect(docx[0]).toBe('通讯录');
    expect(docx).toContain('li@example.cn');
  });
});

describe('talent lists', () => {
  it('lists supply and demand under their own headings, or one of them', async () => {
    const docx = docxParagraphs(await docxXml((await exported('exports.talent', { format: 'docx' })).bytes));
    expect(docx).toContain('人才供给（1项）');
    expect(docx).toContain('人才需求（1项）');
    expect(docx).toContain('汽车检测与维修');
    const { rows } = await sheetRows((await exported('exports.talent', { format: 'xlsx', direction: 'demand' })).bytes);
    expect(rows[0]![0]).toBe('人才需求信息表');
    expect(rows.flat()).toContain('模具设计');
    expect(rows.flat()).not.toContain('汽车检测与维修');
  });
});

describe('pdf faces', () => {
  it('sets the body in a serif face and names every character no embedded face has, never dropping it silently', async () => {
    callOk(core, 'members.create', { name: '𠀀𪚥研究中心😀', category: 'research' });
    const { file, bytes } = await exported('exports.roster', { format: 'pdf', categories: ['research'] });
    expect(file.missingCharacters).toEqual(['𠀀', '𪚥', '😀']);
    const fonts = pdfFonts(bytes).map((f) => f.name);
    expect(fonts.some((name) => name.includes('NotoSerifSC'))).toBe(true);
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
    // docx keeps them as text: Word finds a face on the clerk's machine.
    const docx = await exported('exports.roster', { format: 'docx', categories: ['research'] });
    expect(docx.file.missingCharacters).toBeUndefined();
    expect(docxParagraphs(await docxXml(docx.bytes))).toContain('𠀀𪚥研究中心😀');
    const clean = await exported('exports.roster', { format: 'pdf', categories: ['higher_vocational'] });
    expect(clean.file.missingCharacters).toBeUndefined();
  });
});
