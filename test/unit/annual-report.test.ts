// The annual report: every figure recomputed from the list behind it; joins and exits from the dated
// status history, not today's status; the same figures through the CLI's JSON and in the files.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import type { AppCore } from '../../core/host/core.js';
import type { AnnualReport } from '../../core/reports/contract.js';
import { docxParagraphs, docxXml, pdfText } from '../support/documents.js';
import { callAsync, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';
import { parties } from '../support/records.js';

let core: AppCore;
let today = new Date('2026-11-28T10:00:00Z');

beforeEach(async () => {
  today = new Date('2026-11-28T10:00:00Z');
  core = await freshCore(path.join(tempDir(), 'alliance.sqlite'), () => today);
});
afterEach(() => core.close());

/** Every figure of the report equals the count of its list, or the sum of the list's values. */
/** The entries' names of a zip (the docx package). */
async function zipEntryNames(bytes: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

function recomputeEvery(report: AnnualReport): number {
  let checked = 0;
  for (const table of report.tables) {
    for (const row of table.rows) {
      row.values.forEach((figure, i) => {
        const column = table.columns[i]!.key;
        const items = callOk(core, 'reports.annualTrace', { year: report.year, table: table.key, row: row.key, column });
        const recomputed = items.some((item) => item.value !== undefined) ? items.reduce((sum, item) => sum + (item.value ?? 0), 0) : items.length;
        expect(recomputed, `${table.key}/${row.key}/${column}`).toBe(figure);
        checked++;
      });
    }
  }
  return checked;
}

const figure = (report: AnnualReport, table: string, row: string, column: string) => {
  const t = report.tables.find((x) => x.key === table)!;
  return t.rows.find((r) => r.key === row)!.values[t.columns.findIndex((c) => c.key === column)];
};

describe('the annual report', () => {
  it('counts joins and exits from the dated status history, and every figure traces to its list', () => {
    const joined = (name: string, category: 'enterprise' | 'university', joinDate: string) => callOk(core, 'members.create', { name, category, joinDate }).member.id;
    const a = joined('长春一号企业有限公司', 'enterprise', '2024-03-01');
    const b = joined('长春二号企业有限公司', 'enterprise', '2025-05-01');
    const c = joined('长春大学', 'university', '2023-08-19');
    // c leaves in 2025 and comes back in 2026: in 2025 it is an exit, whatever its status today.
    callOk(core, 'members.setStatus', { id: c, status: 'withdrawn', date: '2025-06-30', reason: '主动退出' });
    callOk(core, 'members.setStatus', { id: c, status: 'active', date: '2026-03-01' });
    // Agreements: one signed in 2025 expiring in 2026, one terminated in 2025, one draft.
    callOk(core, 'agreements.create', { title: '实习协议', status: 'signed', signedDate: '2025-04-10', endDate: '2026-04-09', parties: parties(a, c) });
    callOk(core, 'agreements.create', { title: '已终止的协议', status: 'terminated', signedDate: '2024-02-01', terminatedDate: '2025-09-01', parties: parties(b, c) });
    callOk(core, 'agreements.create', { title: '拟签协议', parties: parties(a, b) });
    const meeting = callOk(core, 'events.create', {
      title: '理事会第二次会议',
      type: 'council_meeting',
      date: '2025-11-20',
      attendance: [
        { organizationId: a, status: 'attended' },
        { organizationId: b, status: 'proxy' },
        { organizationId: c, status: 'absent' },
      ],
    }).id;
    callOk(core, 'projects.create', { name: '订单班', kind: 'order_class', partners: [{ organizationId: a }], startDate: '2025-09-01', figures: [{ year: 2025, studentsEnrolled: 40 }, { year: 2026, studentsEnrolled: 44 }] });
    callOk(core, 'talent.create', { organizationId: a, eventId: meeting, direction: 'demand', field: '汽车装配', headcount: 25 });

    const report = callOk(core, 'reports.annual', { year: 2025 });
    expect([figure(report, 'members', 'total', 'start'), figure(report, 'members', 'total', 'joined'), figure(report, 'members', 'total', 'left'), figure(report, 'members', 'total', 'end')]).toEqual([2, 1, 1, 2]);
    expect([figure(report, 'members', 'enterprise', 'end'), figure(report, 'members', 'university', 'left')]).toEqual([2, 1]);
    expect([figure(report, 'agreementsByType', 'total', 'signed'), figure(report, 'agreementsByType', 'total', 'inForce'), figure(report, 'agreementsByType', 'total', 'expiringNext')]).toEqual([1, 1, 1]);
    expect(figure(report, 'agreementsByMonth', '4', 'total')).toBe(1);
    expect([figure(report, 'events', 'total', 'held'), figure(report, 'events', 'total', 'attendance')]).toEqual([1, 2]);
    expect([figure(report, 'projects', 'order_class', 'count'), figure(report, 'projects', 'order_class', 'studentsEnrolled')]).toEqual([1, 40]);
    expect([figure(report, 'talent', 'demand', 'items'), figure(report, 'talent', 'demand', 'headcount')]).toEqual([1, 25]);
    // 2024: the terminated agreement was in force at the end of 2024.
    const before = callOk(core, 'reports.annual', { year: 2024 });
    expect(figure(before, 'agreementsByType', 'total', 'inForce')).toBe(1);
    expect(recomputeEvery(report) + recomputeEvery(before) + recomputeEvery(callOk(core, 'reports.annual', { year: 2026 }))).toBeGreaterThan(200);
  });

  it('reports the sample’s founding year, and its figures trace back too', () => {
    const dir = tempDir();
    return (async () => {
      expect(await runCli(['--data-dir', dir, 'sample', 'load'], { out: () => undefined, err: () => undefined })).toBe(0);
      const out: string[] = [];
      expect(await runCli(['--data-dir', dir, 'report', 'annual', '--year', '2023', '--json'], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
      const report = JSON.parse(out.join('\n')) as AnnualReport;
      expect(report.tables.map((t) => t.key)).toEqual(['members', 'council', 'agreementsByType', 'agreementsByMonth', 'events', 'projects', 'talent']);
      expect(figure(report, 'members', 'total', 'joined')).toBe(190);
      expect(figure(report, 'agreementsByType', 'total', 'signed')).toBe(6);
      expect(figure(report, 'agreementsByMonth', '8', 'total')).toBe(6);
      expect(figure(report, 'events', 'founding_congress', 'held')).toBe(1);
      expect(figure(report, 'projects', 'total', 'count')).toBeGreaterThan(0);
      expect(report.tables.every((t) => t.rows.every((r) => r.values.every((v) => typeof v === 'number')))).toBe(true);

      // The files: xlsx has a sheet per table with the same figures; docx and pdf carry the key sentence.
      const xlsx = path.join(tempDir(), 'annual.xlsx');
      expect(await runCli(['--data-dir', dir, 'report', 'annual', '--year', '2023', '--out', xlsx], { out: () => undefined, err: () => undefined })).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(report.tables.map((t) => t.title));
      const members = Array.from(workbook.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
      expect(members.find((r) => r[0] === '合计')).toEqual(['合计', 0, 190, 0, 190]);
      const docx = path.join(tempDir(), 'annual.docx');
      expect(await runCli(['--data-dir', dir, 'report', 'annual', '--year', '2023', '--format', 'docx', '--out', docx], { out: () => undefined, err: () => undefined })).toBe(0);
      const paragraphs = docxParagraphs(await docxXml(fs.readFileSync(docx)));
      // The charts are pictures in the package, drawn from the same options the dashboard uses.
      const entries = await zipEntryNames(fs.readFileSync(docx));
      expect(entries.filter((n) => n.startsWith('word/media/'))).toEqual(['word/media/chart1.png', 'word/media/chart2.png', 'word/media/chart3.png']);
      expect(paragraphs).toContain('长春市汽车产业集群产教联合体2023年度工作报告');
      expect(paragraphs).toContain('年初成员单位0家，本年加入190家、退出0家，年末190家。');
      const pdf = path.join(tempDir(), 'annual.pdf');
      expect(await runCli(['--data-dir', dir, 'report', 'annual', '--year', '2023', '--format', 'pdf', '--out', pdf], { out: () => undefined, err: () => undefined })).toBe(0);
      const pdfPages = pdfText(fs.readFileSync(pdf));
      expect(pdfPages.replace(/\s+/g, '')).toContain('本年签订合作协议6份');
      // A heading never ends a page: the last line above each page number is never 一、… 七、.
      const lastLines = pdfPages.split('\f').map((page) => page.split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$/.test(l)).at(-1) ?? '');
      expect(lastLines.filter((line) => /^[一二三四五六七]、/.test(line))).toEqual([]);
      expect(await runCli(['--data-dir', dir, 'report', 'annual', '--year', 'last'], { out: () => undefined, err: () => undefined })).toBe(2);
    })();
  }, 60_000);

  it('says so in a chart with nothing to draw', async () => {
    const { annualCharts } = await import('../../core/reports/chart-options.js');
    const charts = annualCharts(callOk(core, 'reports.annual', { year: 2025 }));
    expect(charts.map((c) => (c.option.graphic as { style: { text: string } } | undefined)?.style.text)).toEqual(['2025年无成员单位', '2025年未签订合作协议', '2025年无合作项目']);
  });

  it('answers an unknown figure with NOT_FOUND, and exports as a job', async () => {
    expect(core.dispatcher.dispatch('reports.annualTrace', { year: 2025, table: 'members', row: 'nobody', column: 'start' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const file = await callAsync(core, 'exports.annual', { year: 2025, format: 'docx' });
    expect(file.fileName).toMatch(/2025年度工作报告-\d{8}\.docx$/);
  });
});

