// Member import, as the UI and the CLI drive it:
//   stage (read and check the file, find its header, suggest a column mapping)
//   → preview (every row new / update / duplicate / error, with the reason)
//   → commit (one transaction, in chunks with progress; all or nothing; a batch that can be undone)
//   → undo (removes what the batch created and puts back what it changed).
// Staged files stay in memory for a while so a 10,000-row file is read once, not per preview.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { importBatches, settings } from '../../../db/schema.js';
import { memberUpdateInput, type ApiParsed } from '../../contract/registry.js';
import { roleRank } from '../../contract/codes.js';
import { nowIso, type ServiceContext } from '../../contract/context.js';
import type { HandlerMap } from '../../contract/dispatcher.js';
import { AppError } from '../../contract/errors.js';
import { xlsxOf } from '../exports/xlsx.js';
import { messageZh } from '../../contract/messages-zh.js';
import { deleteMember, getMember, memberSearchText, updateMember } from '../../members/members.js';
import { pinyinSortKey } from '../../text/pinyin.js';
import type { Contact, FileContent, Member } from '../../contract/types.js';
import { fieldForHeader, findHeaderRow, IMPORT_FIELDS, type ImportField } from './columns.js';
import { checkImportFile } from './file-check.js';
import { headerKey } from './normalise.js';
import { planImport, type ImportPlan, type PlannedRow } from './plan.js';
import { decodeText, parseDelimited, type TextEncoding } from './read-text.js';
import { readWorkbookGrid } from './read-xlsx.js';

interface StagedFile {
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
const progress = new Map<string, { done: number; total: number; cancelled: boolean }>();

function stagedFiles(ctx: ServiceContext): Map<string, StagedFile> {
  let files = staged.get(ctx);
  if (!files) staged.set(ctx, (files = new Map()));
  return files;
}

function stagedFile(ctx: ServiceContext, uploadId: string): StagedFile {
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

function rememberMapping(ctx: ServiceContext, headers: string[], mapping: (ImportField | null)[]): void {
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

export interface StageResult {
  uploadId: string;
  fileName: string;
  kind: 'xlsx' | 'csv';
  encoding: TextEncoding | null;
  /** The header row's number in the sheet (from 1). */
  headerRow: number;
  headers: string[];
  mapping: (ImportField | null)[];
  /** Rows below the header, including section rows. */
  rowCount: number;
  fields: readonly ImportField[];
}

export async function stageImport(ctx: ServiceContext, input: ApiParsed<'imports.stage'>): Promise<StageResult> {
  const bytes = Buffer.from(input.bytes, 'base64');
  const kind = checkImportFile(input.fileName, bytes);
  let grid: string[][];
  let encoding: TextEncoding | null = null;
  if (kind === 'xlsx') grid = await readWorkbookGrid(bytes);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    grid = parseDelimited(decoded.text);
  }
  if (grid.every((row) => row.every((c) => !c.trim()))) throw new AppError('IMPORT_FILE', 'The file has no rows to import.', { key: 'import.file.empty' });
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) throw new AppError('IMPORT_FILE', 'No header row found: the sheet needs a 单位名称 column and other column names such as 类别 or 联系人.', { key: 'import.file.noHeader' });
  const headers = (grid[headerRow] ?? []).map((h) => h.trim());
  const id = randomUUID();
  const files = stagedFiles(ctx);
  files.set(id, { id, fileName: input.fileName, kind, encoding, grid, headerRow, headers, stagedAt: Date.now() });
  while (files.size > MAX_STAGED) files.delete(files.keys().next().value!);
  return { uploadId: id, fileName: input.fileName, kind, encoding, headerRow: headerRow + 1, headers, mapping: suggestMapping(ctx, headers), rowCount: grid.length - headerRow - 1, fields: IMPORT_FIELDS };
}

type PlanInput = ApiParsed<'imports.preview'>;

function planFor(ctx: ServiceContext, input: PlanInput): { file: StagedFile; plan: ImportPlan; mapping: (ImportField | null)[] } {
  const file = stagedFile(ctx, input.uploadId);
  const mapping = input.mapping ?? suggestMapping(ctx, file.headers);
  if (!mapping.includes('name')) throw new AppError('VALIDATION', 'Choose the column that holds the unit names.', { key: 'import.file.noNameColumn', fields: { mapping: { key: 'import.file.noNameColumn', message: 'Choose the column that holds the unit names.' } } });
  // A commit right after its preview plans nothing again, unless any record changed in between
  // (every change writes the change log, so its last id tells).
  const key = JSON.stringify({ mapping, onDuplicate: input.onDuplicate, rowActions: input.rowActions ?? {} });
  const changeMarker = (ctx.sqlite.prepare('SELECT max(id) FROM change_log').pluck().get() as number | null) ?? 0;
  if (file.lastPlan?.key === key && file.lastPlan.changeMarker === changeMarker) return { file, plan: file.lastPlan.plan, mapping };
  const plan = planImport(ctx, file.grid, { mapping, headerRow: file.headerRow, onDuplicate: input.onDuplicate, rowActions: input.rowActions });
  file.lastPlan = { key, changeMarker, plan };
  return { file, plan, mapping };
}

/** What the preview shows of a row: its reading, never the whole member input. */
function previewRow(row: PlannedRow) {
  const contact = row.input?.contacts[0];
  return {
    rowNumber: row.rowNumber,
    status: row.status,
    issues: row.issues,
    match: row.match,
    changes: row.changes,
    action: row.action,
    categoryFromSection: row.categoryFromSection,
    name: row.input?.name ?? null,
    category: row.input?.category ?? null,
    role: row.input?.role ?? null,
    uscc: row.input?.uscc ?? null,
    contactName: contact?.name ?? null,
    contactPhone: contact?.mobile ?? contact?.phone ?? null,
    cells: row.cells,
  };
}
export type ImportPreviewRow = ReturnType<typeof previewRow>;

export function previewImport(ctx: ServiceContext, input: PlanInput) {
  const { plan } = planFor(ctx, input);
  return { rows: plan.rows.map(previewRow), counts: plan.counts };
}

/** A row's problems in Chinese, for the report and the command line. */
export function rowReasons(row: PlannedRow): string {
  return row.issues.map((i) => messageZh(i.key, i.params, i.message)).join('；');
}

export interface CommitResult {
  batchId: string | null;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** The rejected rows with their reasons (when they were skipped with skipInvalid). */
  rejectedRows: { rowNumber: number; reason: string }[];
}

const CHUNK = 500;

function memberOf(id: string, input: PlannedRow['input'] & object, at: string, contactId: string | null): Member {
  const contacts: Contact[] = input.contacts.map((c, i) => ({
    id: contactId!,
    organizationId: id,
    name: c.name,
    title: c.title,
    phone: c.phone,
    mobile: c.mobile,
    email: c.email,
    isPrimary: i === 0,
    sortOrder: i,
  }));
  return {
    id,
    name: input.name,
    shortName: input.shortName,
    aliases: input.aliases,
    formerNames: [],
    category: input.category,
    uscc: input.uscc,
    role: input.role,
    status: input.status,
    joinDate: input.joinDate,
    exitDate: null,
    exitReason: null,
    address: input.address,
    postcode: input.postcode,
    website: input.website,
    legalRepresentative: input.legalRepresentative,
    notes: input.notes,
    pinyinOverride: null,
    isSample: false,
    createdAt: at,
    updatedAt: at,
    contacts,
  };
}

/** The member with the import's changes applied, as a form would save it. */
function updatedInput(before: Member, row: PlannedRow) {
  const input = row.input!;
  const contact = input.contacts[0];
  const pick = <K extends keyof typeof input & keyof Member>(field: K) => (row.changes.includes(field as string) ? input[field] : before[field]);
  const contacts = before.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, mobile: c.mobile, email: c.email, isPrimary: c.isPrimary }));
  if (contact) {
    const fields = { contactName: 'name', contactTitle: 'title', contactPhone: 'phone', contactMobile: 'mobile', contactEmail: 'email' } as const;
    const changed = Object.entries(fields).filter(([f]) => row.changes.includes(f));
    const primary = contacts.find((c) => c.isPrimary) ?? contacts[0];
    if (changed.length > 0 && !primary) contacts.push({ ...contact, isPrimary: true } as (typeof contacts)[number]);
    else if (primary && row.changes.includes('contactName')) Object.assign(primary, { name: contact.name, title: contact.title, phone: contact.phone, mobile: contact.mobile, email: contact.email });
    else if (primary) for (const [, key] of changed) (primary as Record<string, unknown>)[key] = contact[key];
  }
  return memberUpdateInput.parse({
    id: before.id,
    name: before.name,
    shortName: pick('shortName'),
    aliases: before.aliases,
    category: pick('category'),
    uscc: pick('uscc'),
    role: pick('role'),
    joinDate: pick('joinDate'),
    address: pick('address'),
    postcode: pick('postcode'),
    website: pick('website'),
    legalRepresentative: pick('legalRepresentative'),
    notes: pick('notes'),
    pinyinOverride: before.pinyinOverride,
    contacts,
  });
}

export async function commitImport(ctx: ServiceContext, input: ApiParsed<'imports.commit'>): Promise<CommitResult> {
  const { file, plan, mapping } = planFor(ctx, input);
  const rejected = plan.rows.filter((r) => r.status === 'error');
  if (rejected.length > 0 && !input.skipInvalid) {
    throw new AppError('IMPORT_INVALID', `${rejected.length} rows have errors; nothing was imported. Fix them, or import the valid rows and skip these.`, {
      key: 'import.invalidRows',
      params: { count: rejected.length },
    });
  }
  const creates = plan.rows.filter((r) => r.status === 'new');
  const updates = plan.rows.filter((r) => r.status === 'update');
  const skipped = plan.rows.filter((r) => r.status === 'duplicate').length;
  const rejectedRows = rejected.map((r) => ({ rowNumber: r.rowNumber, reason: rowReasons(r) }));
  if (creates.length === 0 && updates.length === 0) {
    rememberMapping(ctx, file.headers, mapping);
    return { batchId: null, created: 0, updated: 0, skipped, rejected: rejected.length, rejectedRows };
  }

  const at = nowIso(ctx);
  const batchId = randomUUID();
  const insertOrg = ctx.sqlite.prepare(`INSERT INTO organizations (id, name, short_name, aliases, former_names, category, uscc, role, role_rank, status, join_date,
      address, postcode, website, legal_representative, notes, pinyin_key, search_text, is_sample, created_at, updated_at)
      VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const insertContact = ctx.sqlite.prepare(`INSERT INTO contacts (id, organization_id, name, title, phone, mobile, email, is_primary, sort_order, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertChange = ctx.sqlite.prepare(`INSERT INTO change_log (at, entity, entity_id, action, before, after) VALUES (?, 'organization', ?, 'create', NULL, ?)`);
  const insertItem = ctx.sqlite.prepare(`INSERT INTO import_batch_items (batch_id, organization_id, action, before) VALUES (?, ?, ?, ?)`);

  const state = { done: 0, total: creates.length + updates.length, cancelled: false };
  progress.set(input.uploadId, state);
  let release!: () => void;
  // While the import's transaction is open, other calls wait (they would otherwise join it).
  ctx.exclusive = { until: new Promise<void>((resolve) => (release = resolve)), allows: ['imports.progress', 'imports.cancel'] };
  ctx.sqlite.exec('BEGIN IMMEDIATE');
  try {
    ctx.db.insert(importBatches).values({ id: batchId, fileName: file.fileName, createdAt: at, createdCount: creates.length, updatedCount: updates.length, skippedCount: skipped, rejectedCount: rejected.length }).run();
    for (let start = 0; start < creates.length; start += CHUNK) {
      for (const row of creates.slice(start, start + CHUNK)) {
        const m = row.input!;
        const id = randomUUID();
        const contactId = m.contacts.length ? randomUUID() : null;
        const member = memberOf(id, m, at, contactId);
        insertOrg.run(id, m.name, m.shortName, JSON.stringify(m.aliases), m.category, m.uscc, m.role, roleRank(m.role), m.status, m.joinDate, m.address, m.postcode, m.website, m.legalRepresentative, m.notes, pinyinSortKey(m.name, null), memberSearchText({ ...member, formerNames: [] }, member.contacts), at, at);
        const c = member.contacts[0];
        if (c) insertContact.run(c.id, id, c.name, c.title, c.phone, c.mobile, c.email, 1, 0, at, at);
        insertChange.run(at, id, JSON.stringify(member));
        insertItem.run(batchId, id, 'create', null);
      }
      state.done = Math.min(creates.length, start + CHUNK);
      // Let progress and cancel calls through between chunks.
      await new Promise((resolve) => setImmediate(resolve));
      if (state.cancelled) throw new AppError('CONFLICT', 'The import was cancelled; nothing was imported.', { key: 'import.cancelled' });
    }
    for (const row of updates) {
      const before = getMember(ctx, row.match!.id!);
      updateMember(ctx, updatedInput(before, row));
      insertItem.run(batchId, before.id, 'update', JSON.stringify(before));
      state.done += 1;
    }
    rememberMapping(ctx, file.headers, mapping);
    ctx.sqlite.exec('COMMIT');
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    ctx.exclusive = undefined;
    release();
    progress.delete(input.uploadId);
  }
  return { batchId, created: creates.length, updated: updates.length, skipped, rejected: rejected.length, rejectedRows };
}

export function importProgress(uploadId: string): { done: number; total: number } | null {
  const state = progress.get(uploadId);
  return state ? { done: state.done, total: state.total } : null;
}

export function cancelImport(uploadId: string): { cancelled: boolean } {
  const state = progress.get(uploadId);
  if (state) state.cancelled = true;
  return { cancelled: Boolean(state) };
}

/** The rows that cannot be imported, with the reason, as a workbook the clerk can correct. */
export async function rejectedReport(ctx: ServiceContext, input: PlanInput): Promise<FileContent> {
  const { file, plan } = planFor(ctx, input);
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
  return { fileName: `${base}-未导入的行.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: bytes.toString('base64') };
}

export interface ImportBatch {
  id: string;
  fileName: string;
  createdAt: string;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  rejectedCount: number;
  undoneAt: string | null;
}

export function listBatches(ctx: ServiceContext): ImportBatch[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, file_name AS fileName, created_at AS createdAt, created_count AS createdCount, updated_count AS updatedCount,
              skipped_count AS skippedCount, rejected_count AS rejectedCount, undone_at AS undoneAt
         FROM import_batches ORDER BY created_at DESC, rowid DESC LIMIT 50`,
    )
    .all() as ImportBatch[];
}

/** Removes the members a batch created and puts back the ones it changed; all or nothing. */
export function undoBatch(ctx: ServiceContext, batchId: string): { removed: number; restored: number } {
  return ctx.sqlite.transaction(() => {
    const batch = ctx.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
    if (!batch) throw new AppError('NOT_FOUND', 'This import is not on record.', { key: 'import.batchNotFound' });
    if (batch.undoneAt) throw new AppError('CONFLICT', 'This import was already undone.', { key: 'import.alreadyUndone' });
    const items = ctx.sqlite.prepare('SELECT organization_id AS id, action, before FROM import_batch_items WHERE batch_id = ? ORDER BY rowid DESC').all(batchId) as {
      id: string;
      action: 'create' | 'update';
      before: string | null;
    }[];
    const exists = ctx.sqlite.prepare('SELECT 1 FROM organizations WHERE id = ?');
    let removed = 0;
    let restored = 0;
    for (const item of items) {
      if (!exists.get(item.id)) continue; // deleted since; nothing to undo for it
      if (item.action === 'create') {
        // Refuses (and rolls back the whole undo) when the member has been used since, e.g. in an agreement.
        deleteMember(ctx, item.id);
        removed += 1;
      } else {
        const before = JSON.parse(item.before!) as Member;
        updateMember(
          ctx,
          memberUpdateInput.parse({
            ...Object.fromEntries(Object.entries(before).filter(([k]) => !['formerNames', 'status', 'exitDate', 'exitReason', 'isSample', 'createdAt', 'updatedAt'].includes(k))),
            contacts: before.contacts.map((c) => ({ name: c.name, title: c.title, phone: c.phone, mobile: c.mobile, email: c.email, isPrimary: c.isPrimary })),
          }),
        );
        restored += 1;
      }
    }
    // Each removal and restore is in the change log already, as the member's own history.
    ctx.db.update(importBatches).set({ undoneAt: nowIso(ctx) }).where(eq(importBatches.id, batchId)).run();
    return { removed, restored };
  })();
}

export const importHandlers: HandlerMap = {
  'imports.stage': (input, ctx) => stageImport(ctx, input),
  'imports.preview': (input, ctx) => previewImport(ctx, input),
  'imports.commit': (input, ctx) => commitImport(ctx, input),
  'imports.progress': (input) => importProgress(input.uploadId),
  'imports.cancel': (input) => cancelImport(input.uploadId),
  'imports.rejectedReport': (input, ctx) => rejectedReport(ctx, input),
  'imports.batches': (_input, ctx) => listBatches(ctx),
  'imports.undo': (input, ctx) => undoBatch(ctx, input.id),
};
