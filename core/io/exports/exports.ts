// Export methods: the core builds the file's bytes; the shell saves them (a download, or Electron's
// save dialog for the same download). Spreadsheets (xlsx, csv) are written from the report's tables,
// documents (docx, pdf) and the print preview from its printed layout.
import type { ApiParsed } from '../../contract/registry.js';
import { getProfile } from '../../alliance/alliance.js';
import { todayIso, type ServiceContext } from '../../contract/context.js';
import type { HandlerMap } from '../../contract/dispatcher.js';
import type { FileContent } from '../../contract/types.js';
import { csvOf } from './csv.js';
import { documentOfTable, type ReportDocument } from './document.js';
import { docxOf } from './docx.js';
import { meetingDocument } from './meeting-record.js';
import { pdfOf } from './pdf.js';
import { agreementSummarySheets, councilTable, rosterTable } from './report-tables.js';
import type { ReportSheet } from './table.js';
import { xlsxOf } from './xlsx.js';

export type ExportFormat = 'xlsx' | 'docx' | 'pdf' | 'csv';

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

function file(ctx: ServiceContext, what: string, format: ExportFormat, bytes: Buffer): FileContent {
  const profile = getProfile(ctx);
  const alliance = profile?.shortName ?? profile?.name ?? '';
  const safe = `${alliance}${what}`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
  return { fileName: `${safe}-${todayIso(ctx).replaceAll('-', '')}.${format}`, mimeType: MIME[format], bytes: bytes.toString('base64') };
}

/** Writes a printed document in a document format. */
function documentBytes(ctx: ServiceContext, doc: ReportDocument, format: 'docx' | 'pdf'): Promise<Buffer> {
  return format === 'docx' ? docxOf(doc) : pdfOf(doc, ctx.fontsDir);
}

/** Writes a report whose first sheet is also its printed document. */
async function reportBytes(ctx: ServiceContext, sheets: ReportSheet[], format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return csvOf(sheets[0]!);
  if (format === 'xlsx') return xlsxOf(sheets);
  return documentBytes(ctx, summaryDocument(sheets), format);
}

/** Every sheet in one document: the expiring list follows the summary under its own heading. */
function summaryDocument(sheets: ReportSheet[]): ReportDocument {
  const [first, ...rest] = sheets;
  const doc = documentOfTable(first!);
  for (const sheet of rest) {
    if (sheet.sections.every((s) => s.rows.length === 0)) continue;
    const extra = documentOfTable({ ...sheet, sections: sheet.sections.map((s) => ({ ...s, heading: s.heading ?? `${sheet.sheetName}（${s.rows.length}份）` })) });
    doc.blocks.push(...extra.blocks);
  }
  return doc;
}

export function rosterSheets(ctx: ServiceContext, input: Omit<ApiParsed<'exports.roster'>, 'format'>): ReportSheet[] {
  return [{ ...rosterTable(ctx, input), sheetName: '成员单位名单' }];
}

export async function exportRoster(ctx: ServiceContext, input: ApiParsed<'exports.roster'>): Promise<FileContent> {
  const { format, ...options } = input;
  return file(ctx, '成员单位名单', format, await reportBytes(ctx, rosterSheets(ctx, options), format));
}

export async function exportCouncil(ctx: ServiceContext, input: ApiParsed<'exports.council'>): Promise<FileContent> {
  return file(ctx, '理事会组成名单', input.format, await reportBytes(ctx, [{ ...councilTable(ctx), sheetName: '理事会组成名单' }], input.format));
}

export async function exportAgreements(ctx: ServiceContext, input: ApiParsed<'exports.agreements'>): Promise<FileContent> {
  const { format, ...filters } = input;
  return file(ctx, '协议汇总表', format, await reportBytes(ctx, agreementSummarySheets(ctx, filters), format));
}

export async function exportMeeting(ctx: ServiceContext, input: ApiParsed<'exports.meeting'>): Promise<FileContent> {
  // The document's title is the file's name: 《event》会议记录 or 《event》签到表.
  const doc = meetingDocument(ctx, input.id, input.part);
  return file(ctx, doc.title, input.format, await documentBytes(ctx, doc, input.format));
}

export function previewDocument(ctx: ServiceContext, input: ApiParsed<'reports.preview'>): ReportDocument {
  if (input.report === 'roster') {
    const { report: _report, ...options } = input;
    return summaryDocument(rosterSheets(ctx, options));
  }
  const { report: _report, ...filters } = input;
  return summaryDocument(agreementSummarySheets(ctx, filters));
}

export const exportHandlers: HandlerMap = {
  'exports.roster': (input, ctx) => exportRoster(ctx, input),
  'exports.council': (input, ctx) => exportCouncil(ctx, input),
  'exports.agreements': (input, ctx) => exportAgreements(ctx, input),
  'exports.meeting': (input, ctx) => exportMeeting(ctx, input),
  'reports.preview': (input, ctx) => previewDocument(ctx, input),
};
