// Export methods: the core builds the file's bytes; the shell saves them (a download, or Electron's
// save dialog for the same download).
import type { ApiParsed } from '../api.js';
import { getProfile } from '../alliance.js';
import { todayIso, type ServiceContext } from '../context.js';
import type { HandlerMap } from '../dispatcher.js';
import type { FileContent } from '../types.js';
import { csvOf } from './csv.js';
import { agreementSummarySheets, rosterTable } from './report-tables.js';
import { xlsxOf } from './xlsx.js';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function fileName(ctx: ServiceContext, what: string, format: 'xlsx' | 'csv'): string {
  const alliance = getProfile(ctx)?.shortName ?? getProfile(ctx)?.name ?? '';
  return `${alliance}${what}-${todayIso(ctx).replaceAll('-', '')}.${format}`;
}

export async function exportRoster(ctx: ServiceContext, input: ApiParsed<'exports.roster'>): Promise<FileContent> {
  const table = rosterTable(ctx, { includeUscc: input.includeUscc });
  const bytes = input.format === 'csv' ? csvOf(table) : await xlsxOf([{ ...table, sheetName: '成员单位名单' }]);
  return { fileName: fileName(ctx, '成员单位名单', input.format), mimeType: MIME[input.format], bytes: bytes.toString('base64') };
}

export async function exportAgreements(ctx: ServiceContext, input: ApiParsed<'exports.agreements'>): Promise<FileContent> {
  const { format, ...filters } = input;
  const sheets = agreementSummarySheets(ctx, filters);
  const bytes = format === 'csv' ? csvOf(sheets[0]!) : await xlsxOf(sheets);
  return { fileName: fileName(ctx, '协议汇总表', format), mimeType: MIME[format], bytes: bytes.toString('base64') };
}

export const exportHandlers: HandlerMap = {
  'exports.roster': (input, ctx) => exportRoster(ctx, input),
  'exports.agreements': (input, ctx) => exportAgreements(ctx, input),
};
