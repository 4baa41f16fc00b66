// docx and pdf exports (roster, council list, agreement summary, meeting record and sign-in sheet),
// read back through their XML and through poppler, and the print preview's layout.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import { fitColumns, printedCell, wantedColumns } from '../../core/io/exports/document.js';
import type { FileContent } from '../../core/io/exports/contract.js';
import { callOk, freshCore } from '../support/core.js';
import JSZip from 'jszip';
import { docxParagraphs, docxXml, pdfFonts, pdfPageCount, pdfText } from '../support/documents.js';

let core: AppCore;
let eventId: string;
beforeAll(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
  callOk(core, 'sample.load', {});
  eventId = callOk(core, 'events.list', {})[0]!.id;
});
afterAll(() => core.close());

async function exported(method: 'exports.roster' | 'exports.agreements' | 'exports.council' | 'exports.meeting', input: object): Promise<{ file: FileContent; bytes: Buffer }> {
  const response = (await core.dispatcher.dispatch(method, input)) as ApiResponse;
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  const file = response.result as FileContent;
  return { file, bytes: Buffer.from(file.bytes, 'base64') };
}

/** The non-empty lines of pdftotext's output, with runs of spaces collapsed. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe('roster as docx', () => {
  it('is laid out as GB/T 9704 asks, grouped with counts and 序号 per group', async () => {
    const { file, bytes } = await exported('exports.roster', { format: 'docx' });
    expect(file.fileName).toMatch(/成员单位名单-20261128\.docx$/);
    const xml = await docxXml(bytes);
    // A4; top margin 37 mm and left 28 mm (twips), a type area of 156 × 225 mm on 22 lines.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587"');
    expect(11906 - 1587 - 1475).toBe(Math.round((156 * 1440) / 25.4));
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
    // Title 2号 方正小标宋简体 centred; headings 3号 黑体; tables 4号 仿宋_GB2312.
    expect(xml).toMatch(/<w:jc w:val="center"\/><w:spacing w:after="120"\/><\/w:pPr><w:r><w:rPr><w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/>/);
    // Tables in 四号, stepping down (小四, 五号) until no phone or role has to break: the phone column
    // holds 11 digits (6.1 em in these faces) plus the cell margins at the size chosen.
    const tableSize = Number(/<w:tblHeader\/><\/w:trPr><w:tc>[^]*?<w:sz w:val="(\d+)"\/>/.exec(xml)![1]);
    expect([28, 24, 21]).toContain(tableSize);
    const phoneColumn = Number([...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)][5]![1]);
    expect(phoneColumn).toBeGreaterThanOrEqual(6.1 * (tableSize / 2) * 20 + 160);
    // And the role column holds 常务副理事长单位 on one line.
    const roleColumn = Number([...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)][2]![1]);
    expect(roleColumn).toBeGreaterThanOrEqual(8 * (tableSize / 2) * 20 + 160);
    expect(xml).toContain('<w:tblHeader/>');
    const zip = await JSZip.loadAsync(bytes);
    const part = (name: string) => zip.file(name)!.async('string');
    // The faces a machine may lack name their stand-ins; Word opens it in its own mode, odd and even footers differ.
    expect(await part('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(await part('word/fontTable.xml')).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    const settings = await part('word/settings.xml');
    expect(settings).toContain('w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const odd = await part('word/footer1.xml');
    const even = await part('word/footer2.xml');
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/w:eastAsia="宋体"[^>]*\/><w:sz w:val="28"\/>/);
      expect(docxParagraphs(footer)).toEqual(['— 1 —']);
    }
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs[0]).toBe('长春市汽车产业集群产教联合体成员单位名单');
    expect(paragraphs[1]).toBe('截至2026年11月28日，共190家');
    const roster = callOk(core, 'reports.roster', {});
    const headings = roster.groups.map((g) => g.heading);
    expect(paragraphs.filter((p) => headings.includes(p))).toEqual(headings);
    // Within the government group the cells follow the roster's order, numbered from 1.
    const government = roster.groups[0]!;
    const at = paragraphs.indexOf(government.heading);
    const firstRow = paragraphs.slice(at + 1 + 6, at + 1 + 12);
    expect(firstRow).toEqual(['1', government.rows[0]!.name, '牵头单位', government.rows[0]!.contactName, government.rows[0]!.contactTitle, government.rows[0]!.contactPhone]);
    const enterprises = roster.groups.find((g) => g.category === 'enterprise')!;
    expect(enterprises.heading).toBe('企业（120家）');
  });

  it('escapes text that is markup in XML', async () => {
    callOk(core, 'members.create', { name: '研发&测试<中心>"有限公司"', category: 'other', contacts: [] });
    const xml = await docxXml((await exported('exports.roster', { format: 'docx', categories: ['other'] })).bytes);
    expect(xml).toContain('研发&amp;测试&lt;中心&gt;&quot;有限公司&quot;');
    expect(xml).not.toContain('<中心>');
  });

  it('follows the register filters', async () => {
    const xml = await docxXml((await exported('exports.roster', { format: 'docx', categories: ['university'] })).bytes);
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs).toContain('本科院校（8所）');
    expect(paragraphs.some((p) => p.startsWith('企业（'))).toBe(false);
  });
});

describe('roster as pdf', () => {
  it('embeds every font and prints the groups in order with their members', async () => {
    const { file, bytes } = await exported('exports.roster', { format: 'pdf' });
    expect(file.mimeType).toBe('application/pdf');
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const text = lines(pdfText(bytes));
    expect(text[0]).toBe('长春市汽车产业集群产教联合体成员单位名单');
    const roster = callOk(core, 'reports.roster', {});
    const headingLines = text.filter((l) => roster.groups.some((g) => g.heading === l));
    expect(headingLines).toEqual(roster.groups.map((g) => g.heading));
    // Every member's name appears, in roster order.
    const joined = text.join('\n');
    let from = 0;
    for (const row of roster.groups.flatMap((g) => g.rows)) {
      const at = joined.indexOf(row.name.slice(0, 8), from);
      expect(at, row.name).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(pdfPageCount(bytes)).toBeGreaterThan(3);
    expect(text.some((l) => /^—\s*1\s*—$/.test(l))).toBe(true);
  });
});

describe('council list', () => {
  it('lists the role holders by rank with their representatives, in xlsx, docx and pdf', async () => {
    const holders = callOk(core, 'members.list', { roles: ['lead', 'chair', 'executive_vice_chair', 'vice_chair', 'executive_council', 'council'], statuses: ['active', 'suspended'], limit: 5000 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('exports.council', { format: 'xlsx' })).bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(1)!;
    // The council is the term in office today: the sample's first, elected at the founding congress.
    expect(sheet.getCell('A1').value).toBe('长春市汽车产业集群产教联合体第一届理事会组成名单');
    const values = sheet.getSheetValues().slice(4).map((r) => (r as unknown[]).slice(1));
    // A heading row is merged across the table: every cell holds the heading.
    const headings = values.filter((r) => typeof r[0] === 'string' && r.every((v) => v === r[0])).map((r) => String(r[0]));
    expect(headings[0]).toMatch(/^牵头单位（\d+家）$/);
    expect(headings.map((h) => h.replace(/（.*/, ''))).toEqual(['牵头单位', '理事长单位', '常务副理事长单位', '副理事长单位', '常务理事单位', '理事单位'].filter((r) => headings.some((h) => h.startsWith(r))));
    const rows = values.filter((r) => typeof r[0] === 'number');
    expect(rows).toHaveLength(holders.total);
    const chair = holders.rows.find((r) => r.role === 'chair')!;
    expect(rows.find((r) => r[1] === chair.name)!.slice(3, 5)).toEqual([chair.contactName, chair.contactTitle]);

    const docx = docxParagraphs(await docxXml((await exported('exports.council', { format: 'docx' })).bytes));
    expect(docx).toContain(headings[0]);
    const pdf = await exported('exports.council', { format: 'pdf' });
    expect(pdfFonts(pdf.bytes).every((f) => f.embedded)).toBe(true);
    expect(lines(pdfText(pdf.bytes))).toContain(headings[1]);
  });
});

describe('agreement summary as docx and pdf', () => {
  it('is landscape with subtotals by type and the expiring list', async () => {
    const created = callOk(core, 'agreements.create', {
      title: '即将到期的实习基地协议',
      type: 'school_enterprise',
      parties: callOk(core, 'members.list', { categories: ['higher_vocational', 'enterprise'], limit: 200 })
        .rows.filter((r, i, all) => r.category === 'higher_vocational' ? all.findIndex((x) => x.category === 'higher_vocational') === i : all.findIndex((x) => x.category === 'enterprise') === i)
        .map((r) => ({ organizationId: r.id })),
      status: 'signed',
      signedDate: '2024-01-01',
      endDate: '2027-01-15',
    });
    const xml = await docxXml((await exported('exports.agreements', { format: 'docx' })).bytes);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs).toContain('校企（3份）');
    expect(paragraphs).toContain('小计：3 份');
    expect(paragraphs).toContain('90天内到期（1份）');
    // A grand total after the groups, by type; every closing row spans the whole table.
    const total = callOk(core, 'agreements.list', { limit: 1 }).total;
    expect(paragraphs).toContain('总计');
    expect(paragraphs).toContain(`合计：${total} 份`);
    // Dates read as the papers' text does; on this full landscape line they go onto two lines after 年,
    // and the four free-text columns keep at least four characters a line.
    expect(paragraphs).toContain('2024年1月1日');
    expect(paragraphs.filter((p) => /\d{4}-\d{2}-\d{2}/.test(p))).toEqual([]);
    expect(xml).toMatch(/>2024年<\/w:t><\/w:r><w:r><w:rPr>.*?<\/w:rPr><w:br\/><\/w:r><w:r><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">1月1日</);
    const grid = [.../<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(xml)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const tableSize = Number(/<w:tbl>.*?<w:sz w:val="(\d+)"/.exec(xml)![1]) / 2;
    for (const free of [2, 4, 7, 10]) expect((grid[free]! - 160) / 20).toBeGreaterThanOrEqual(4 * tableSize);
    const preview = callOk(core, 'reports.preview', { report: 'agreements' });
    for (const block of preview.blocks) if (block.kind === 'table' && block.footer) expect(block.footer).toHaveLength(block.header.length);

    // A row is never split from its cells at a page's foot: every agreement's number and its parties share a page.
    const pages = pdfText((await exported('exports.agreements', { format: 'pdf' })).bytes).split('\f').map((p) => p.replace(/\s+/g, ''));
    for (const a of callOk(core, 'agreements.list', { limit: 200 }).rows) {
      const page = pages.find((p) => p.includes(a.number));
      expect(page, a.number).toBeDefined();
      expect(page, a.number).toContain(a.parties[0]!.name.slice(0, 4));
    }

    // A summary taller than a page is cut at the page's foot in the pdf (one row, one page), never scattered;
    // in the docx its row may run over the page break, so nothing is cut.
    const long = callOk(core, 'agreements.create', { title: '长摘要协议', type: 'other', summary: '合作内容'.repeat(900), parties: created.parties.map((p) => ({ organizationId: p.organizationId })) });
    const longPages = pdfText((await exported('exports.agreements', { format: 'pdf', types: ['other'] })).bytes).split('\f').filter((p) => p.trim());
    expect(longPages.filter((p) => p.replace(/\s+/g, '').includes(long.number))).toHaveLength(1);
    expect(longPages.length).toBeLessThanOrEqual(3);
    const longXml = await docxXml((await exported('exports.agreements', { format: 'docx', types: ['other'] })).bytes);
    expect(docxParagraphs(longXml).join('')).toContain('合作内容'.repeat(900));
    expect(longXml.match(/<w:tr><w:trPr>(?!<w:cantSplit\/>)/g)).toHaveLength(1);
    callOk(core, 'agreements.delete', { id: long.id });

    const pdf = (await exported('exports.agreements', { format: 'pdf', types: ['school_enterprise'] })).bytes;
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    const text = pdfText(pdf);
    // Titles wrap inside their cell; the number does not.
    expect(text).toContain(created.number);
    // In two lines of the cell, as pdftotext reads a table's rows side by side.
    expect(text).toContain('2024年');
    expect(text).toContain('1月1日');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('小计：3 份');
    expect(text).not.toContain('校校（');
  });
});

describe('meeting record and sign-in sheet', () => {
  it('writes the agenda, attendance, signings and a sign-in sheet with an empty signature column', async () => {
    const event = callOk(core, 'events.get', { id: eventId });
    const { file, bytes } = await exported('exports.meeting', { id: eventId, format: 'docx' });
    expect(file.fileName).toContain('会议记录');
    const paragraphs = docxParagraphs(await docxXml(bytes));
    expect(paragraphs[0]).toBe(`${event.title}会议记录`);
    expect(paragraphs).toContain(`一、议程（${event.agenda.length}项）`);
    expect(paragraphs).toContain(`二、参会单位（${event.attendance.length}家）`);
    expect(paragraphs).toContain(`三、签约协议（${event.agreements.length}份）`);
    for (const item of event.agenda) expect(paragraphs).toContain(item.title);
    for (const agreement of event.agreements) expect(paragraphs).toContain(agreement.number);
    const signIn = paragraphs.indexOf(`${event.title}签到表`);
    expect(signIn).toBeGreaterThan(0);
    const header = paragraphs.slice(signIn + 2, signIn + 7);
    expect(header).toEqual(['序号', '单位名称', '姓名', '职务', '签名']);
    // The first attendee's row: number, unit, person, then empty title and signature cells.
    const first = paragraphs.slice(signIn + 7, signIn + 12);
    expect(first[0]).toBe('1');
    expect(first[1]).toBe(event.attendance[0]!.organizationName);
    expect(first[4]).toBe('');

    const pdf = (await exported('exports.meeting', { id: eventId, format: 'pdf', part: 'signIn' })).bytes;
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    const text = lines(pdfText(pdf));
    expect(text[0]).toBe(`${event.title}签到表`);
    expect(text.some((l) => /序号 单位名称 姓名 职务 签名/.test(l))).toBe(true);
    expect(text.join('\n')).not.toContain('议程');
  });

  it('gives a blank sign-in sheet to fill by hand when no attendance was planned', async () => {
    const empty = callOk(core, 'events.create', { title: '理事会第二次会议', type: 'council_meeting', date: '2026-12-10' });
    const text = lines(pdfText((await exported('exports.meeting', { id: empty.id, format: 'pdf', part: 'signIn' })).bytes));
    expect(text.filter((l) => /^\d+$/.test(l))).toHaveLength(20);
  });

  it('refuses an unknown meeting with NOT_FOUND', async () => {
    const response = (await core.dispatcher.dispatch('exports.meeting', { id: '00000000-0000-4000-8000-000000000000', format: 'pdf' })) as ApiResponse;
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('NOT_FOUND');
  });
});

describe('print preview', () => {
  it('lays out the roster as the documents do', async () => {
    const doc = callOk(core, 'reports.preview', { report: 'roster' });
    const roster = callOk(core, 'reports.roster', {});
    expect(doc.title).toBe('长春市汽车产业集群产教联合体成员单位名单');
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(roster.groups.map((g) => g.heading));
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual(roster.groups.map((g) => g.count));
  });

  it('lays out the agreement summary landscape with the expiring list', () => {
    const doc = callOk(core, 'reports.preview', { report: 'agreements' });
    expect(doc.landscape).toBe(true);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('90天内到期'))).toBe(true);
  });
});

describe('column fitting', () => {
  it('keeps short columns whole and lets free text wrap when the line is too narrow', () => {
    const widths = fitColumns([5, 36, 12, 36], 60);
    expect(widths[0]).toBe(5);
    expect(widths[2]).toBe(12);
    expect(widths[1]! + widths[3]!).toBeCloseTo(43);
  });
  it('fills the line when everything fits', () => {
    expect(fitColumns([10, 10], 40)).toEqual([20, 20]);
  });
  it('still gives free text a fifth of the line, and each free column four characters, when short columns alone overflow it', () => {
    const widths = fitColumns([18, 18, 18, 30], 60);
    expect(widths[3]).toBeCloseTo(12);
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(60);
    // Three free columns on the same line: four characters each (10 half-ems with padding), not a fifth shared.
    const many = fitColumns([18, 18, 30, 30, 30], 60);
    for (const w of many.slice(2)) expect(w).toBeCloseTo(10);
  });
  it('prints dates whole while free text keeps room, and after 年 on two lines when it would not', () => {
    const roomy = { widths: [6, 11, 36], wholeWidths: [6, 16, 36] };
    expect(wantedColumns(roomy, 2, 100)).toEqual([8, 18, 38]);
    expect(wantedColumns(roomy, 2, 40)).toEqual([8, 13, 38]);
    expect(printedCell('2026年11月29日', 16)).toBe('2026年11月29日');
    expect(printedCell('2026年11月29日', 11)).toBe('2026年\n11月29日');
    // Only a whole date breaks, and only after 年.
    expect(printedCell('2026年度工作计划', 4)).toBe('2026年度工作计划');
    expect(printedCell(12, 1)).toBe('12');
  });
});
