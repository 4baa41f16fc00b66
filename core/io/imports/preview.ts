// The plan of a staged file (reused between a preview and the commit that follows it), the
// preview's rows, and the rejected rows as a workbook the clerk can correct.
import type { ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Job } from '../../contract/method.js';
import { messageZh } from '../../contract/messages-zh.js';
import type { FileContent } from '../exports/contract.js';
import { EXPORT_FORMATS } from '../exports/formats.js';
import { xlsxOf } from '../exports/xlsx.js';
import type { ImportField } from './columns.js';
import type { ImportPlanInput, ImportPreview, ImportPreviewRow } from './contract.js';
import { planImport, type ImportPlan, type PlannedRow, type PlanOptions } from './plan.js';
import { rememberedLegalForms, stagedFile, suggestMapping, type StagedFile } from './staging.js';

/** What a plan of a staged file is asked for, and the plan already made for it if the register has not changed since. */
export interface PlanRequest {
  file: StagedFile;
  mapping: (ImportField | null)[];
  options: PlanOptions;
  current: ImportPlan | null;
  /** Keeps a plan made for this request, for the calls that follow (a preview's, then the commit's). */
  keep(plan: ImportPlan): void;
}

export function planRequest(ctx: ServiceContext, input: ImportPlanInput): PlanRequest {
  const file = stagedFile(ctx, input.uploadId);
  const mapping = input.mapping ?? suggestMapping(ctx, file.headers);
  if (!mapping.includes('name')) throw new AppError('VALIDATION', 'Choose the column that holds the unit names.', { key: 'import.file.noNameColumn', fields: { mapping: { key: 'import.file.noNameColumn', message: 'Choose the column that holds the unit names.' } } });
  // A commit right after its preview plans nothing again, unless any record changed in between
  // (every change writes the change log, so its last id tells).
  const key = JSON.stringify({ mapping, onDuplicate: input.onDuplicate, rowActions: input.rowActions ?? {}, legalForms: input.legalForms ?? {} });
  const changeMarker = (ctx.sqlite.prepare('SELECT max(id) FROM change_log').pluck().get() as number | null) ?? 0;
  const current = file.lastPlan?.key === key && file.lastPlan.changeMarker === changeMarker ? file.lastPlan.plan : null;
  const legalForms = { ...rememberedLegalForms(ctx), ...input.legalForms };
  const options: PlanOptions = { mapping, headerRow: file.headerRow, onDuplicate: input.onDuplicate, rowActions: input.rowActions, legalForms };
  return { file, mapping, options, current, keep: (plan) => (file.lastPlan = { key, changeMarker, plan }) };
}

export function planFor(ctx: ServiceContext, input: ImportPlanInput): { file: StagedFile; plan: ImportPlan; mapping: (ImportField | null)[] } {
  const request = planRequest(ctx, input);
  let plan = request.current;
  if (!plan) {
    plan = planImport(ctx, request.file.grid, request.options);
    request.keep(plan);
  }
  return { file: request.file, plan, mapping: request.mapping };
}

/** What the preview shows of a row: its reading, never the whole member input. */
function previewRow(row: PlannedRow): ImportPreviewRow {
  const contact = row.input?.contacts[0];
  return {
    rowNumber: row.rowNumber,
    status: row.status,
    issues: row.issues,
    match: row.match,
    changes: row.changes,
    differs: row.differs,
    warnings: row.warnings,
    skipReason: row.skipReason,
    legalForm: row.legalForm,
    action: row.action,
    categoryFromSection: row.categoryFromSection,
    // A row that cannot be read still shows the name it has in the file.
    name: row.input?.name ?? row.label,
    category: row.input?.category ?? null,
    role: row.input?.role ?? null,
    uscc: row.input?.uscc ?? null,
    contactName: contact?.name ?? null,
    contactPhone: contact?.mobile ?? contact?.phone ?? null,
    contactCount: row.input?.contacts.length ?? 0,
    cells: row.cells,
  };
}

export function previewImport(ctx: ServiceContext, input: ImportPlanInput): ImportPreview {
  const { plan } = planFor(ctx, input);
  return { rows: plan.rows.map(previewRow), counts: plan.counts, legalForms: plan.legalForms };
}

/** A row's problems in Chinese, for the report and the command line. */
export function rowReasons(row: Pick<PlannedRow, 'issues'>): string {
  return row.issues.map((i) => messageZh(i.key, i.params, i.message)).join('；');
}

/** The rows that cannot be imported, with the reason, as a workbook the clerk can correct. */
export async function rejectedReport(ctx: ServiceContext, input: ImportPlanInput, job: Job): Promise<FileContent> {
  const { file, plan } = planFor(ctx, input);
  job.checkpoint();
  const rows = plan.rows.filter((r) => r.status === 'error');
  const bytes = await xlsxOf([
    {
      sheetName: '未导入的行',
      title: `未导入的行：${file.fileName}`,
      subtitle: `共 ${rows.length} 行`,
      header: ['行号', ...file.headers.map((h, i) => h || `第${i + 1}列`), '原因'],
      landscape: true,
      sections: [{ rows: rows.map((r) => [r.rowNumber, ...file.headers.map((_, i) => r.cells[i] ?? ''), rowReasons(r)]) }],
    },
  ]);
  const base = file.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-未导入的行.xlsx`, mimeType: EXPORT_FORMATS.xlsx.mimeType, bytes: bytes.toString('base64') };
}
