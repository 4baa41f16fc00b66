// Export methods: the core builds the file's bytes; the shell saves them (a download, or Electron's
// save dialog for the same download). Spreadsheets (xlsx, csv) are written from the report's tables,
// documents (docx, pdf) and the print preview from its printed layout. Each export is a job: it
// reports its stages (gathering, laying out, writing) and stops between them when cancelled.
import { getProfile } from '../../alliance/alliance.js';
import { todayIso, type ServiceContext } from '../../contract/context.js';
import type { Job } from '../../contract/method.js';
import { getEvent } from '../../events/events.js';
import type { AgreementsExportInput, ContactsExportInput, FileContent, MeetingExportInput, PreviewInput, RosterExportInput, SignInExportInput, TalentExportInput } from './contract.js';
import { contactsTable, signInTable, talentListName, talentTable } from './lists.js';
import type { RosterOrder } from '../../members/contract.js';
import { csvOf } from './csv.js';
import { documentOfTable, type ReportDocument } from './document.js';
import { docxOf } from './docx.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';
import { meetingDocument } from './meeting-record.js';
import { pdfOf } from './pdf.js';
import { agreementSummarySheets, councilTable, rosterTable } from './report-tables.js';
import type { ReportSheet } from './table.js';
import { xlsxOf } from './xlsx.js';

/** Gathering the data, writing the file, done. */
export const STAGES = 2;

export function file(ctx: ServiceContext, what: string, format: ExportFormat, { bytes, missing }: { bytes: Buffer; missing: string[] }): FileContent {
  const profile = getProfile(ctx);
  const alliance = profile?.shortName ?? profile?.name ?? '';
  const safe = `${alliance}${what}`.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
  return { fileName: `${safe}-${todayIso(ctx).replaceAll('-', '')}.${format}`, mimeType: EXPORT_FORMATS[format].mimeType, bytes: bytes.toString('base64'), ...(missing.length ? { missingCharacters: missing } : {}) };
}

/** Writes a printed document in a document format, with the characters a pdf could not show. */
export async function documentBytes(ctx: ServiceContext, doc: ReportDocument, format: ExportFormat): Promise<{ bytes: Buffer; missing: string[] }> {
  return format === 'docx' ? { bytes: await docxOf(doc, ctx.fontsDir), missing: [] } : pdfOf(doc, ctx.fontsDir);
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

/** Writes a report whose first sheet is also its printed document, as a job in two stages. */
async function reportFile(ctx: ServiceContext, what: string, format: ExportFormat, gather: () => ReportSheet[], job: Job): Promise<FileContent> {
  job.progress(0, STAGES);
  const sheets = gather();
  job.progress(1, STAGES);
  job.checkpoint();
  const written = format === 'csv' ? { bytes: csvOf(sheets[0]!), missing: [] } : format === 'xlsx' ? { bytes: await xlsxOf(sheets), missing: [] } : await documentBytes(ctx, summaryDocument(sheets), format);
  job.progress(STAGES, STAGES);
  return file(ctx, what, format, written);
}

export function rosterSheets(ctx: ServiceContext, input: Omit<RosterExportInput, 'format'>): ReportSheet[] {
  return [{ ...rosterTable(ctx, input), sheetName: '成员单位名单' }];
}

export function exportRoster(ctx: ServiceContext, input: RosterExportInput, job: Job): Promise<FileContent> {
  const { format, ...options } = input;
  return reportFile(ctx, '成员单位名单', format, () => rosterSheets(ctx, options), job);
}

export function exportCouncil(ctx: ServiceContext, input: { format: ExportFormat; order: RosterOrder; asOf?: string }, job: Job): Promise<FileContent> {
  return reportFile(ctx, '理事会组成名单', input.format, () => [{ ...councilTable(ctx, input.order, input.asOf), sheetName: '理事会组成名单' }], job);
}

export function exportAgreements(ctx: ServiceContext, input: AgreementsExportInput, job: Job): Promise<FileContent> {
  const { format, ...filters } = input;
  return reportFile(ctx, '协议汇总表', format, () => agreementSummarySheets(ctx, filters), job);
}

export async function exportMeeting(ctx: ServiceContext, input: MeetingExportInput, job: Job): Promise<FileContent> {
  job.progress(0, STAGES);
  // The document's title is the file's name: 《event》会议记录 or 《event》签到表.
  const doc = meetingDocument(ctx, input.id, input.part, input.spareRows);
  job.progress(1, STAGES);
  job.checkpoint();
  const written = await documentBytes(ctx, doc, input.format);
  job.progress(STAGES, STAGES);
  return file(ctx, doc.title, input.format, written);
}

/** The sign-in sheet alone: laid out with room to sign in docx and pdf, as a plain sheet in xlsx. */
export async function exportSignIn(ctx: ServiceContext, input: SignInExportInput, job: Job): Promise<FileContent> {
  if (input.format !== 'xlsx') return exportMeeting(ctx, { id: input.id, format: input.format, part: 'signIn', spareRows: input.spareRows }, job);
  const sheet = signInTable(ctx, getEvent(ctx, input.id), input.spareRows);
  return reportFile(ctx, sheet.title, 'xlsx', () => [{ ...sheet, sheetName: '签到表' }], job);
}

export function exportContacts(ctx: ServiceContext, input: ContactsExportInput, job: Job): Promise<FileContent> {
  const { format, ...filter } = input;
  return reportFile(ctx, '通讯录', format, () => [{ ...contactsTable(ctx, filter), sheetName: '通讯录' }], job);
}

export function exportTalent(ctx: ServiceContext, input: TalentExportInput, job: Job): Promise<FileContent> {
  const what = talentListName(input.direction);
  return reportFile(ctx, what, input.format, () => [{ ...talentTable(ctx, input.direction), sheetName: what }], job);
}

export function previewDocument(ctx: ServiceContext, input: PreviewInput): ReportDocument {
  if (input.report === 'roster') {
    const { report: _report, ...options } = input;
    return summaryDocument(rosterSheets(ctx, options));
  }
  const { report: _report, ...filters } = input;
  return summaryDocument(agreementSummarySheets(ctx, filters));
}
