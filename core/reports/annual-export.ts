// The annual report as files: xlsx with a sheet per table; docx (GB/T 9704 layout, as every report)
// and pdf with a heading, a sentence of its key figures and the table for each part.
import { chineseNumber } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import type { Job } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';
import { tableBlocks, type ReportBlock, type ReportDocument } from '../io/exports/document.js';
import { documentBytes, file, STAGES } from '../io/exports/exports.js';
import { chineseDate } from '../records/dates.js';
import type { ReportSheet } from '../io/exports/table.js';
import { xlsxOf } from '../io/exports/xlsx.js';
import { annualReport } from './annual-report.js';
import { annualCharts, type ChartSpec } from './chart-options.js';
import { chartSvg } from './chart-render.js';
import { TOTAL } from './annual-tables.js';
import type { AnnualReport, AnnualTable } from './contract.js';

function periodText(year: number): string {
  return `统计期间：${chineseDate(`${year}-01-01`)}至${chineseDate(`${year}-12-31`)}`;
}

/** The rows a paper prints: a type or kind with nothing that year is left out, 合计 never is. */
function printedRows(table: AnnualTable): AnnualTable['rows'] {
  return table.rows.filter((r) => r.key === TOTAL || table.key === 'members' || r.values.some((v) => v !== 0));
}

const value = (table: AnnualTable, row: string, column: string) => table.rows.find((r) => r.key === row)?.values[table.columns.findIndex((c) => c.key === column)] ?? 0;

/** One sentence of each part's key figures, as a report's text would say them. */
function keyFigures(table: AnnualTable): string {
  switch (table.key) {
    case 'members':
      return `年初成员单位${value(table, TOTAL, 'start')}家，本年加入${value(table, TOTAL, 'joined')}家、退出${value(table, TOTAL, 'left')}家，年末${value(table, TOTAL, 'end')}家。`;
    case 'council':
      return `本年理事会增补${value(table, 'add', 'count')}家次、调整${value(table, 'adjust', 'count')}家次、退出${value(table, 'leave', 'count')}家次${value(table, 'newTerm', 'count') ? '，完成换届' : ''}。`;
    case 'agreementsByType':
      return `本年签订合作协议${value(table, TOTAL, 'signed')}份；年末有效协议${value(table, TOTAL, 'inForce')}份，其中${value(table, TOTAL, 'expiringNext')}份将于次年到期。`;
    case 'events':
      return `本年举办会议活动${value(table, TOTAL, 'held')}场，参会单位${value(table, TOTAL, 'attendance')}家次。`;
    case 'projects':
      return `本年开展合作项目${value(table, TOTAL, 'count')}个，培养学生${value(table, TOTAL, 'studentsEnrolled')}人，培训${value(table, TOTAL, 'trainees')}人次，实习${value(table, TOTAL, 'interns')}人，就业${value(table, TOTAL, 'hires')}人。`;
    case 'talent':
      return `本年发布人才供给${value(table, 'supply', 'items')}条（${value(table, 'supply', 'headcount')}人）、需求${value(table, 'demand', 'items')}条（${value(table, 'demand', 'headcount')}人）。`;
    default:
      return '';
  }
}

export function annualSheets(report: AnnualReport): ReportSheet[] {
  return report.tables.map((table) => ({
    sheetName: table.title.replace(/[\\/?*[\]:]/g, ''),
    title: `${report.allianceName ?? ''}${report.year}年度${table.title}`,
    subtitle: periodText(report.year),
    header: ['项目', ...table.columns.map((c) => c.label)],
    landscape: table.columns.length > 5,
    sections: [{ rows: printedRows(table).map((r) => [r.label, ...r.values]) }],
  }));
}

/** Which part each chart illustrates: drawn under the part's sentence, above its table. */
const CHART_OF_TABLE: Record<string, ChartSpec['key']> = { members: 'members', agreementsByMonth: 'agreements', projects: 'projects' };

export async function annualDocument(report: AnnualReport): Promise<ReportDocument> {
  const charts = new Map(await Promise.all(annualCharts(report).map(async (c) => [c.key, { ...c, svg: await chartSvg(c.option) }] as const)));
  const blocks: ReportBlock[] = report.tables.flatMap((table, i) => {
    const chart = CHART_OF_TABLE[table.key] ? charts.get(CHART_OF_TABLE[table.key]!) : undefined;
    return [
    { kind: 'heading' as const, text: `${chineseNumber(i + 1)}、${table.title}` },
    { kind: 'paragraph' as const, text: keyFigures(table) },
    ...(chart ? [{ kind: 'chart' as const, svg: chart.svg, widthMm: 150, heightMm: 75, alt: chart.title }] : []),
    ...tableBlocks({ header: ['项目', ...table.columns.map((c) => c.label)], sections: [{ rows: printedRows(table).map((r) => [r.label, ...r.values]) }] }),
    ];
  });
  return { title: `${report.allianceName ?? ''}${report.year}年度工作报告`, subtitle: periodText(report.year), landscape: false, blocks };
}

export async function exportAnnual(ctx: ServiceContext, input: { year: number; format: 'docx' | 'xlsx' | 'pdf' }, job: Job): Promise<FileContent> {
  job.progress(0, STAGES);
  const report = annualReport(ctx, input.year);
  job.progress(1, STAGES);
  job.checkpoint();
  const written = input.format === 'xlsx' ? { bytes: await xlsxOf(annualSheets(report)), missing: [] } : await documentBytes(ctx, await annualDocument(report), input.format);
  job.progress(STAGES, STAGES);
  return file(ctx, `${input.year}年度工作报告`, input.format, written);
}
