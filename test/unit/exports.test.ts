import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import { runCli } from '../../core/cli/run-cli.js';
import { neutraliseCell } from '../../core/io/exports/cells.js';
import type { FileContent } from '../../core/io/exports/contract.js';
import { callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';

let core: AppCore;
beforeAll(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
  callOk(core, 'sample.load', {});
  callOk(core, 'members.create', { name: '=HYPERLINK("http://evil","点我")', category: 'other', contacts: [{ name: '@SUM(A1)', mobile: '+8613900000000' }] });
});
afterAll(() => core.close());

async function exported(method: 'exports.roster' | 'exports.agreements', input: object): Promise<{ file: FileContent; bytes: Buffer }> {
  const response = (await core.dispatcher.dispatch(method, input)) as ApiResponse;
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  const file = response.result as FileContent;
  return { file, bytes: Buffer.from(file.bytes, 'base64') };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])('prefixes %j with an apostrophe, keeping it whole', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });
  it.each([
    ['\u0001=cmd|calc', "'=cmd|calc"],
    ['\u0000\u0007@SUM(A1)', "'@SUM(A1)"],
    ['\u202e=1+1', "'=1+1"],
    ['吉林\u202e大学', '吉林大学'],
  ])('cleans %j first, then neutralises what is left', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseCell('长春市教育局')).toBe('长春市教育局');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(-5)).toBe(-5);
  });
});

describe('roster export', () => {
  it('writes xlsx grouped by category with counts, frozen header, print titles and A4', async () => {
    const { file, bytes } = await exported('exports.roster', { format: 'xlsx' });
    expect(file.fileName).toBe('长春汽车产教联合体成员单位名单-20261128.xlsx');
    const sheet = (await workbookOf(bytes)).getWorksheet('成员单位名单')!;
    expect(sheet.getCell('A1').value).toBe('长春市汽车产业集群产教联合体成员单位名单');
    expect(sheet.getRow(3).values).toEqual([undefined, '序号', '单位名称', '联合体职务', '联系人', '职务', '联系电话']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '3:3' });
    const headings: string[] = [];
    let dataRows = 0;
    sheet.eachRow((row, n) => {
      if (n <= 3) return;
      const first = row.getCell(1).value;
      if (typeof first === 'string') headings.push(first);
      else dataRows++;
    });
    expect(headings).toEqual(['政府机构（10个）', '本科院校（8所）', '高职院校（8所）', '中职学校（38所）', '科研机构（6个）', '企业（120家）', '其他（1个）']);
    expect(dataRows).toBe(191);
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining([1, '长春汽车经济技术开发区管理委员会', '牵头单位']));
    expect((sheet.getColumn(2).width ?? 0) >= 30).toBe(true);
  });

  it('neutralises formula-looking cells in xlsx and csv', async () => {
    const sheet = (await workbookOf((await exported('exports.roster', { format: 'xlsx' })).bytes)).getWorksheet(1)!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    // xlsx keeps the text as typed, in a text cell with Excel's quote prefix (no visible apostrophe).
    expect(values).toContain(`=HYPERLINK("http://evil","点我")`);
    expect(values).toContain('@SUM(A1)');
    expect(values).toContain('+8613900000000');
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    // exceljs does not read quotePrefix: the raw parts say which format each such cell has.
    const zip = await JSZip.loadAsync((await exported('exports.roster', { format: 'xlsx' })).bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const formats = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const formulaLike = [...sheetXml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)" t="inlineStr"><is><t[^>]*>([=+\-@][^<]*)<\/t>/g)];
    expect(formulaLike.map((m) => m[2])).toEqual(['=HYPERLINK(&quot;http://evil&quot;,&quot;点我&quot;)', '@SUM(A1)', '+8613900000000']);
    for (const [, style] of formulaLike) expect(formats[Number(style)]).toContain('quotePrefix="1"');

    const csv = (await exported('exports.roster', { format: 'csv' })).bytes.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(csv).toContain("'@SUM(A1)");
  });

  it('writes csv as UTF-8 with a BOM and CRLF, group headings on their own rows', async () => {
    const { file, bytes } = await exported('exports.roster', { format: 'csv', includeUscc: true });
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    // The internal version has the code and what it says (kind, registering department, region).
    expect(lines[0]).toBe('序号,单位名称,联合体职务,联系人,职务,联系电话,统一社会信用代码,代码登记信息');
    expect(lines[1]).toBe('政府机构（10个）');
    expect(lines[2]).toMatch(/^1,长春汽车经济技术开发区管理委员会,牵头单位,.+,\d{11},11220100\w{10},机关 · 机构编制 · 吉林省长春市$/);
  });
});

describe('agreement summary export', () => {
  it('writes the summary with subtotals by type and a sheet of agreements expiring within 90 days', async () => {
    const [a, b] = callOk(core, 'members.list', { text: '吉林大学' }).rows.concat(callOk(core, 'members.list', { text: '一汽模具' }).rows);
    callOk(core, 'agreements.create', { title: '即将到期的协议', status: 'signed', signedDate: '2024-01-01', endDate: '2027-01-31', parties: [{ organizationId: a!.id }, { organizationId: b!.id }] });
    const workbook = await workbookOf((await exported('exports.agreements', { format: 'xlsx' })).bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['协议汇总表', '90天内到期']);
    const summary = workbook.getWorksheet('协议汇总表')!;
    expect(summary.getRow(3).values).toEqual([undefined, '序号', '协议编号', '协议名称', '协议类型', '签约各方', '签约代表', '签订日期', '签约活动', '有效期至', '状态', '合作内容摘要']);
    expect(summary.pageSetup.orientation).toBe('landscape');
    const firstColumn: unknown[] = [];
    const secondColumn: unknown[] = [];
    summary.eachRow((row, n) => {
      if (n > 3) {
        firstColumn.push(row.getCell(1).value);
        secondColumn.push(row.getCell(2).value);
      }
    });
    expect(firstColumn.filter((v) => typeof v === 'string')).toEqual(['校企（3份）', '校校（2份）', '科教（1份）', '政企（1份）', '总计']);
    expect(secondColumn.filter((v) => typeof v === 'string' && v.startsWith('小计'))).toEqual(['小计：3 份', '小计：2 份', '小计：1 份', '小计：1 份']);
    expect(secondColumn.filter((v) => typeof v === 'string' && v.startsWith('合计'))).toEqual(['合计：7 份']);
    const expiring = workbook.getWorksheet('90天内到期')!;
    expect(expiring.getRow(4).values).toEqual(expect.arrayContaining(['即将到期的协议', '2027-01-31', '即将到期']));
  });

  it('exports the filtered list only', async () => {
    const csv = (await exported('exports.agreements', { format: 'csv', types: ['school_school'] })).bytes.toString('utf8');
    expect(csv.split('\r\n').filter((l) => /^\d+,2023-校校/.test(l))).toHaveLength(2);
    expect(csv).not.toContain('校企');
  });
});

describe('export from the command line', () => {
  it('writes the roster to the chosen file', async () => {
    const dir = tempDir();
    const quiet = { out: () => undefined, err: () => undefined };
    await runCli(['--data-dir', dir, 'sample', 'load'], quiet);
    const out = path.join(tempDir(), '名单.xlsx');
    expect(await runCli(['--data-dir', dir, 'export', 'roster', '--format', 'xlsx', '--out', out], quiet)).toBe(0);
    expect((await workbookOf(fs.readFileSync(out))).getWorksheet(1)!.getCell('A1').value).toBe('长春市汽车产业集群产教联合体成员单位名单');
    expect(await runCli(['--data-dir', dir, 'export', 'roster', '--format', 'odt', '--out', out], quiet)).toBe(2);
  });

  it('writes the council list, and a meeting record whose format follows the file name', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    await runCli(['--data-dir', dir, 'sample', 'load'], io);
    const council = path.join(tempDir(), '理事会.docx');
    expect(await runCli(['--data-dir', dir, 'export', 'council', '--format', 'docx', '--out', council], io)).toBe(0);
    expect(fs.readFileSync(council).subarray(0, 2).toString()).toBe('PK');
    lines.length = 0;
    await runCli(['--data-dir', dir, 'events', 'list', '--json'], io);
    const eventId = (JSON.parse(lines.join('\n')) as { id: string }[])[0]!.id;
    const record = path.join(tempDir(), '会议记录.pdf');
    expect(await runCli(['--data-dir', dir, 'export', 'meeting', '--event', eventId, '--part', 'sign-in', '--out', record], io)).toBe(0);
    expect(fs.readFileSync(record).subarray(0, 5).toString()).toBe('%PDF-');
    lines.length = 0;
    expect(await runCli(['--data-dir', dir, 'export', 'meeting', '--out', record], io)).toBe(2);
    expect(lines.join('\n')).toContain('--event ID is required');
  });

  it('writes the 通讯录, the talent lists and a sign-in sheet with spare rows', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    await runCli(['--data-dir', dir, 'sample', 'load'], io);
    const contacts = path.join(tempDir(), '通讯录.csv');
    expect(await runCli(['--data-dir', dir, 'export', 'contacts', '--out', contacts, '--category', 'research'], io)).toBe(0);
    const csv = fs.readFileSync(contacts, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('单位名称,姓名,职务,手机,固定电话,电子邮箱,通讯地址,邮政编码');
    expect(csv.filter(Boolean)).toHaveLength(1 + 6);
    const talent = path.join(tempDir(), '人才.xlsx');
    expect(await runCli(['--data-dir', dir, 'export', 'talent', '--direction', 'supply', '--out', talent], io)).toBe(0);
    expect((await workbookOf(fs.readFileSync(talent))).getWorksheet(1)!.getCell('A1').value).toBe('长春市汽车产业集群产教联合体人才供给信息表');
    lines.length = 0;
    await runCli(['--data-dir', dir, 'events', 'list', '--json'], io);
    const eventId = (JSON.parse(lines.join('\n')) as { id: string }[])[0]!.id;
    const signIn = path.join(tempDir(), '签到表.xlsx');
    expect(await runCli(['--data-dir', dir, 'export', 'signin', '--event', eventId, '--spare', '2', '--out', signIn], io)).toBe(0);
    const sheet = (await workbookOf(fs.readFileSync(signIn))).getWorksheet(1)!;
    expect(String(sheet.getCell('A1').value)).toMatch(/签到表$/);
    expect(await runCli(['--data-dir', dir, 'export', 'signin', '--event', eventId, '--spare', 'many', '--out', signIn], io)).toBe(2);
    expect(await runCli(['--data-dir', dir, 'export', 'talent', '--direction', 'sideways', '--out', talent], io)).toBe(2);
  });
});
