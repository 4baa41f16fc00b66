// A spreadsheet staged for import: read and checked once, its header found and a column mapping
// suggested (remembering the clerk's earlier choices), then kept in memory for preview and commit
// so a 10,000-row file is read once, not per preview.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema.js';
import type { ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Job } from '../../contract/method.js';
import { fieldForHeader, findHeaderRow, type ImportField } from './columns.js';
import type { ImportStageInput, StageResult, TextEncoding } from './contract.js';
import { checkImportFile } from './file-check.js';
import { IMPORT_FIELDS } from './import-fields.js';
import { headerKey } from './normalise.js';
import type { ImportPlan } from './plan.js';
import { decodeText, parseDelimited } from './read-text.js';
import { readWorkbookGrid } from './read-xlsx.js';

export interface StagedFile {
  id: string;
  fileName: string;
  kind: 'xlsx' | 'csv';
  encoding: TextEncoding | null;
  grid: string[][];
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

export async function stageImport(ctx: ServiceContext, input: ImportStageInput, job: Job): Promise<StageResult> {
  const bytes = Buffer.from(input.bytes, 'base64');
  const kind = checkImportFile(input.fileName, bytes);
  job.progress(0, 2);
  let grid: string[][];
  let encoding: TextEncoding | null = null;
  if (kind === 'xlsx') grid = await readWorkbookGrid(bytes);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    grid = parseDelimited(decoded.text);
  }
  job.progress(1, 2);
  job.checkpoint();
  if (grid.every((row) => row.every((c) => !c.trim()))) throw new AppError('IMPORT_FILE', 'The file has no rows to import.', { key: 'import.file.empty' });
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) throw new AppError('IMPORT_FILE', 'No header row found: the sheet needs a 单位名称 column and other column names such as 类别 or 联系人.', { key: 'import.file.noHeader' });
  const headers = (grid[headerRow] ?? []).map((h) => h.trim());
  const id = randomUUID();
  const files = stagedFiles(ctx);
  files.set(id, { id, fileName: input.fileName, kind, encoding, grid, headerRow, headers, stagedAt: Date.now() });
  while (files.size > MAX_STAGED) files.delete(files.keys().next().value!);
  job.progress(2, 2);
  return { uploadId: id, fileName: input.fileName, kind, encoding, headerRow: headerRow + 1, headers, mapping: suggestMapping(ctx, headers), rowCount: grid.length - headerRow - 1, fields: IMPORT_FIELDS };
}
