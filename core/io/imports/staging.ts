// A spreadsheet staged for import: read once within the import limits (every format through its
// bounded reader), its sheet chosen and header found, a column mapping suggested (remembering the
// clerk's earlier choices), then kept in memory for preview and commit. The file's bytes stay too
// (at most 20 MB), so another sheet can be read without sending the file again.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema.js';
import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from '../../contract/codes.js';
import type { ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Job } from '../../contract/method.js';
import { fieldForHeader, findHeaderRow, type ImportField } from './columns.js';
import type { ImportStageInput, StageResult } from './contract.js';
import { IMPORT_FIELDS } from './import-fields.js';
import { headerKey } from './normalise.js';
import type { ImportPlan } from './plan.js';
import type { SheetGrid } from './read/grid.js';
import { columnLetters } from './read/limits.js';
import { readSpreadsheet, type SpreadsheetKind } from './read/read-spreadsheet.js';
import type { TextEncoding } from './read/read-text.js';
import type { SheetChoice, SheetInfo } from './read/sheets.js';

export interface StagedFile {
  id: string;
  fileName: string;
  bytes: Buffer;
  kind: SpreadsheetKind;
  encoding: TextEncoding | null;
  sheets: SheetInfo[];
  sheet: number;
  grid: SheetGrid;
  headerRow: number;
  headers: string[];
  stagedAt: number;
  /** The last plan, reused while its choices and the data are unchanged (preview, then commit). */
  lastPlan?: { key: string; changeMarker: number; plan: ImportPlan };
}

/** Files staged per core; the oldest are dropped beyond a few (each holds its rows in memory). */
const staged = new WeakMap<ServiceContext, Map<string, StagedFile>>();
const MAX_STAGED = 4;

function stagedFiles(ctx: ServiceContext): Map<string, StagedFile> {
  let files = staged.get(ctx);
  if (!files) staged.set(ctx, (files = new Map()));
  return files;
}

export function stagedFile(ctx: ServiceContext, uploadId: string): StagedFile {
  const file = stagedFiles(ctx).get(uploadId);
  if (!file) throw new AppError('NOT_FOUND', 'The uploaded file is no longer available; choose it again.', { key: 'import.file.expired' });
  return file;
}

const MAPPING_SETTING = 'import.columnMapping';

/** Header → field choices a clerk made before, so the same spreadsheet maps itself next time. */
function rememberedMapping(ctx: ServiceContext): Record<string, ImportField | null> {
  const row = ctx.db.select().from(settings).where(eq(settings.key, MAPPING_SETTING)).get();
  try {
    return row ? (JSON.parse(row.value) as Record<string, ImportField | null>) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(ctx: ServiceContext, headers: string[], mapping: (ImportField | null)[]): void {
  const remembered = rememberedMapping(ctx);
  headers.forEach((header, i) => {
    const key = headerKey(header);
    if (!key) return;
    const chosen = mapping[i] ?? null;
    // Only choices that differ from the built-in suggestion need remembering.
    if (chosen === fieldForHeader(header)) delete remembered[key];
    else remembered[key] = chosen;
  });
  const value = JSON.stringify(remembered);
  ctx.db.insert(settings).values({ key: MAPPING_SETTING, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

const LEGAL_FORMS_SETTING = 'import.legalForms';

/** The categories a clerk chose for legal forms (单位性质) in earlier imports, by the form's key. */
export function rememberedLegalForms(ctx: ServiceContext): Record<string, OrganizationCategory> {
  const row = ctx.db.select().from(settings).where(eq(settings.key, LEGAL_FORMS_SETTING)).get();
  try {
    const value = row ? (JSON.parse(row.value) as Record<string, string>) : {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, OrganizationCategory] => (ORGANIZATION_CATEGORIES as readonly string[]).includes(e[1])));
  } catch {
    return {};
  }
}

export function rememberLegalForms(ctx: ServiceContext, chosen: Record<string, OrganizationCategory> | undefined): void {
  if (!chosen || Object.keys(chosen).length === 0) return;
  const value = JSON.stringify({ ...rememberedLegalForms(ctx), ...chosen });
  ctx.db.insert(settings).values({ key: LEGAL_FORMS_SETTING, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function suggestMapping(ctx: ServiceContext, headers: string[]): (ImportField | null)[] {
  const remembered = rememberedMapping(ctx);
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const key = headerKey(header);
    const field = key in remembered ? remembered[key]! : fieldForHeader(header);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

const MAX_HIDDEN_ROWS_LISTED = 200;

async function stageBytes(ctx: ServiceContext, fileName: string, bytes: Buffer, sheet: SheetChoice, job: Job, replacing?: string): Promise<StageResult> {
  job.progress(0, 2);
  const read = await readSpreadsheet(fileName, bytes, sheet, (grid) => findHeaderRow(grid.rows) !== null);
  job.progress(1, 2);
  job.checkpoint();
  const { grid } = read;
  const sheetName = read.sheets[read.chosen - 1]?.name ?? '';
  if (grid.rows.every((row) => row.every((c) => !c.trim()))) throw new AppError('IMPORT_FILE', `The sheet ${sheetName} has no rows to import.`, { key: 'import.file.emptySheet', params: { sheet: sheetName } });
  const headerRow = findHeaderRow(grid.rows);
  if (headerRow === null) {
    throw new AppError('IMPORT_FILE', `No header row found in the sheet ${sheetName}: the sheet needs a 单位名称 column and other column names such as 类别 or 联系人.`, {
      key: 'import.file.noHeader',
      params: { sheet: sheetName, sheets: read.sheets.length },
    });
  }
  const headers = (grid.rows[headerRow] ?? []).map((h) => h.trim());
  const id = replacing ?? randomUUID();
  const files = stagedFiles(ctx);
  files.delete(id);
  files.set(id, { id, fileName, bytes, kind: read.kind, encoding: read.encoding, sheets: read.sheets, sheet: read.chosen, grid, headerRow, headers, stagedAt: Date.now() });
  while (files.size > MAX_STAGED) files.delete(files.keys().next().value!);
  job.progress(2, 2);
  const hiddenRows = grid.hiddenRows.filter((r) => r > headerRow);
  return {
    uploadId: id,
    fileName,
    kind: read.kind,
    encoding: read.encoding,
    sheets: read.sheets,
    sheet: read.chosen,
    hiddenRows: hiddenRows.slice(0, MAX_HIDDEN_ROWS_LISTED).map((r) => r + 1),
    hiddenRowCount: hiddenRows.length,
    hiddenColumns: grid.hiddenColumns.map(columnLetters),
    headerRow: headerRow + 1,
    headers,
    mapping: suggestMapping(ctx, headers),
    rowCount: grid.rows.length - headerRow - 1,
    fields: IMPORT_FIELDS,
  };
}

export function stageImport(ctx: ServiceContext, input: ImportStageInput, job: Job): Promise<StageResult> {
  return stageBytes(ctx, input.fileName, Buffer.from(input.bytes, 'base64'), input.sheet, job);
}

/** Another sheet of a staged file, read from the bytes kept with it; it takes the staged file's place. */
export function chooseStagedSheet(ctx: ServiceContext, input: { uploadId: string; sheet: string | number }, job: Job): Promise<StageResult> {
  const file = stagedFile(ctx, input.uploadId);
  return stageBytes(ctx, file.fileName, file.bytes, input.sheet, job, file.id);
}
