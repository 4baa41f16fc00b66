// `import members FILE`: the same stage → preview → commit the UI runs. Without --skip-invalid a
// file with any invalid row writes nothing and every row's error is printed (exit 1); --dry-run
// prints the plan and writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { call, type Caller, type CliIo } from './call.js';
import { messageZh } from '../contract/messages-zh.js';
import type { ImportPreviewRow, RowStatus, SkipReason } from '../io/imports/contract.js';
import type { OrganizationCategory } from '../contract/codes.js';

export interface ImportOptions {
  file: string;
  sheet?: string | number;
  legalForms: Record<string, OrganizationCategory>;
  dryRun: boolean;
  onDuplicate: 'skip' | 'fill' | 'overwrite';
  skipInvalid: boolean;
  json: boolean;
}

const STATUS_ZH: Record<RowStatus, string> = { new: '新增', update: '更新', duplicate: '重复', error: '错误', skipped: '略过' };
const SKIP_ZH: Record<SkipReason, string> = { sum: '合计行，不是成员', signOff: '签署行（填表人、日期、盖章），不是成员', note: '注释行，不是成员', section: '分组标题，不是成员' };

function reason(row: ImportPreviewRow): string {
  if (row.status === 'error') return row.issues.map((i) => messageZh(i.key, i.params, i.message)).join('；');
  if (row.skipReason) return SKIP_ZH[row.skipReason];
  const warnings = row.warnings.map((i) => messageZh(i.key, i.params, i.message)).join('；');
  const text = matchReason(row);
  return [text, warnings].filter(Boolean).join('；');
}

function matchReason(row: ImportPreviewRow): string {
  if (row.match?.by === 'row') return `与第 ${row.match.row} 行重复`;
  if (row.match) return `已有“${row.match.name}”${row.status === 'update' ? `，将更新：${row.changes.join('、')}` : ''}`;
  return '';
}

export async function importMembers(core: Caller, options: ImportOptions, io: CliIo): Promise<number> {
  const bytes = fs.readFileSync(path.resolve(options.file));
  const staged = await call(core, 'imports.stage', { fileName: path.basename(options.file), bytes: bytes.toString('base64'), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
  const plan = { uploadId: staged.uploadId, onDuplicate: options.onDuplicate, legalForms: options.legalForms };
  const preview = await call(core, 'imports.preview', plan);
  const errors = preview.rows.filter((r) => r.status === 'error');
  const listed = preview.rows.filter((r) => r.status !== 'new' || r.warnings.length > 0);
  const unanswered = preview.legalForms.filter((f) => f.choices.length > 0 && !f.chosen);
  const blocked = errors.length > 0 && !options.skipInvalid;

  let result = null;
  if (!options.dryRun && !blocked) result = await call(core, 'imports.commit', { ...plan, skipInvalid: options.skipInvalid });

  if (options.json) {
    io.out(
      JSON.stringify(
        {
          file: staged.fileName,
          sheets: staged.sheets,
          sheet: staged.sheet,
          headerRow: staged.headerRow,
          hiddenRows: staged.hiddenRows,
          hiddenColumns: staged.hiddenColumns,
          mapping: staged.mapping,
          legalForms: preview.legalForms,
          counts: preview.counts,
          rows: listed.map((r) => ({ row: r.rowNumber, status: r.status, name: r.name, reason: reason(r), issues: r.issues, warnings: r.warnings, skipReason: r.skipReason, match: r.match })),
          result,
        },
        null,
        2,
      ),
    );
  } else {
    const sheetName = staged.sheets[staged.sheet - 1]?.name ?? '';
    if (staged.sheets.length > 1) io.out(`Sheets: ${staged.sheets.map((s) => `${s.number} ${s.name} (${s.rows} rows${s.hidden ? ', hidden' : ''})`).join('; ')}. Reading ${staged.sheet} ${sheetName}; choose another with --sheet.`);
    if (staged.hiddenRowCount > 0 || staged.hiddenColumns.length > 0) io.out(`Hidden in the sheet and imported like the rest: ${staged.hiddenRowCount} rows${staged.hiddenRows.length ? ` (${staged.hiddenRows.slice(0, 20).join(', ')}${staged.hiddenRowCount > 20 ? ' …' : ''})` : ''}, columns ${staged.hiddenColumns.join(', ') || 'none'}.`);
    io.out(`${staged.fileName}: header in row ${staged.headerRow}${staged.encoding ? `, ${staged.encoding}` : ''}; ${preview.counts.new} new, ${preview.counts.update} update, ${preview.counts.duplicate} duplicate, ${preview.counts.error} error, ${preview.counts.skipped} not members.`);
    for (const form of unanswered) io.out(`单位性质“${form.value}” (${form.rows} rows) may be ${form.choices.join(', ')}: answer with --legal-form ${form.value}=CATEGORY.`);
    for (const row of listed) io.out([`row ${row.rowNumber}`, STATUS_ZH[row.status], row.name ?? row.cells.filter(Boolean).join(' ').slice(0, 40), reason(row)].join('\t'));
    if (result) io.out(`Imported: ${result.created} new, ${result.updated} updated, ${result.skipped} skipped, ${result.rejected} rejected, ${result.notMembers} non-member rows left out${result.batchId ? ` (batch ${result.batchId}; undo with: import undo ${result.batchId})` : ''}.`);
    else if (blocked) io.err(`${errors.length} rows have errors: nothing was imported. Fix them, or add --skip-invalid to import the other rows.`);
    else io.out('Dry run: nothing was written.');
  }
  return blocked ? 1 : 0;
}

export async function listImports(core: Caller, json: boolean, io: CliIo): Promise<number> {
  const batches = await call(core, 'imports.batches', {});
  if (json) io.out(JSON.stringify(batches, null, 2));
  else {
    for (const b of batches) io.out([b.id, b.createdAt, b.fileName, `${b.createdCount} new`, `${b.updatedCount} updated`, b.undoneAt ? `undone ${b.undoneAt}` : ''].join('\t'));
    io.out(`${batches.length} imports`);
  }
  return 0;
}

export async function undoImport(core: Caller, id: string, io: CliIo): Promise<number> {
  const result = await call(core, 'imports.undo', { id });
  io.out(`Undone: ${result.removed} members removed, ${result.restored} put back as they were.`);
  return 0;
}
