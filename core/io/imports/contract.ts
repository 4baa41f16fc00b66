// Member import: stage a spreadsheet, preview every row, commit as one batch, undo a batch.
import { z } from 'zod';
import { ORGANIZATION_CATEGORIES, type MemberRole, type OrganizationCategory } from '../../contract/codes.js';
import type { FieldIssue } from '../../contract/errors.js';
import { defineMethods, returns } from '../../contract/method.js';
import { requiredText } from '../../contract/validation.js';
import type { FileContent } from '../exports/contract.js';
import { IMPORT_FIELDS, type ImportField } from './import-fields.js';
import type { SheetInfo, SpreadsheetKind, TextEncoding } from './file-kinds.js';
import type { SkipReason } from './row-kinds.js';

export type { ImportField, SheetInfo, SkipReason, SpreadsheetKind, TextEncoding };
/** skip: leave the member as it is; fill: fill its empty fields and add the file's new contacts; overwrite: the file's values win. */
export type DuplicateAction = 'skip' | 'fill' | 'overwrite';
/** skipped: not a member (a sum, a sign-off line, a note), left out with the reason. */
export type RowStatus = 'new' | 'update' | 'duplicate' | 'error' | 'skipped';

const empty = z.strictObject({}).optional().transform(() => ({}));
/** A record of at most `max` entries. */
const atMost = (max: number) => (record: Record<string, unknown>) => Object.keys(record).length <= max;
const duplicateAction = z.enum(['skip', 'fill', 'overwrite']);

export const importPlanInput = z.strictObject({
  uploadId: z.string().uuid(),
  /** One entry per column of the header row: the field it holds, or null to ignore it. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500).optional(),
  // Nothing the file brings is dropped unless the clerk says so: empty fields are filled and new contacts added.
  onDuplicate: duplicateAction.default('fill'),
  /** Choices for single rows (by sheet row number) that differ from onDuplicate. */
  rowActions: z.record(z.string().regex(/^\d{1,7}$/), duplicateAction).refine(atMost(200_000), 'Too many rows.').optional(),
  /** The clerk's category for each ambiguous legal form (单位性质), by the form's key. */
  // Answers are remembered in the settings: a request may not fill them without bound.
  legalForms: z.record(z.string().max(100), z.enum(ORGANIZATION_CATEGORIES)).refine(atMost(500), 'Too many legal forms.').optional(),
});
export type ImportPlanInput = z.output<typeof importPlanInput>;
export const importCommitInput = importPlanInput.extend({ skipInvalid: z.boolean().default(false) });
export type ImportCommitInput = z.output<typeof importCommitInput>;
// The size cap itself (IMPORT_LIMITS) is checked on the bytes, with a message that names it.
/** A sheet by its name, or its number from 1. */
const sheetChoice = z.union([z.string().min(1).max(100), z.number().int().min(1).max(255)]);
export const importStageInput = z.strictObject({ fileName: requiredText(255), bytes: z.string().max(31_000_000), sheet: sheetChoice.optional() });
export type ImportStageInput = z.output<typeof importStageInput>;
export const importSheetInput = z.strictObject({ uploadId: z.string().uuid(), sheet: sheetChoice });

export interface StageResult {
  uploadId: string;
  fileName: string;
  kind: SpreadsheetKind;
  encoding: TextEncoding | null;
  /** Every sheet with its row count, and the one read (its number from 1). */
  sheets: SheetInfo[];
  sheet: number;
  /** Hidden rows (sheet row numbers, the first 200) and columns (letters) that hold values: imported like the others, so the clerk is told. */
  hiddenRows: number[];
  hiddenRowCount: number;
  hiddenColumns: string[];
  /** The header row's number in the sheet (from 1). */
  headerRow: number;
  headers: string[];
  mapping: (ImportField | null)[];
  /** Rows below the header, including section rows. */
  rowCount: number;
  fields: readonly ImportField[];
}

export interface RowIssue extends FieldIssue {
  /** The import field the issue is about, or null for the whole row. */
  field: ImportField | null;
}

/** The existing member (or earlier row) a row duplicates. */
export interface RowMatch {
  id: string | null;
  name: string;
  by: 'uscc' | 'name' | 'alias' | 'shortName' | 'formerName' | 'row';
  row?: number;
}

/** What the preview shows of a row: its reading, never the whole member input. */
export interface ImportPreviewRow {
  rowNumber: number;
  status: RowStatus;
  issues: RowIssue[];
  match: RowMatch | null;
  /** Fields an update would change ('contacts' when it adds contacts). */
  changes: string[];
  /** Fields where the file has another value that the chosen action keeps out (the clerk sees what is not taken). */
  differs: string[];
  /** Problems that do not stop the row (a region code not in the table, a phone that lost its 0). */
  warnings: RowIssue[];
  /** Why a row that is not a member is left out. */
  skipReason: SkipReason | null;
  /** The legal form (单位性质) the category came from, when it did. */
  legalForm: string | null;
  action: DuplicateAction | null;
  /** Category from the section row above it, when there is no category column. */
  categoryFromSection: boolean;
  name: string | null;
  category: OrganizationCategory | null;
  role: MemberRole | null;
  uscc: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** People the row names (several in one contact cell become several contacts). */
  contactCount: number;
  /** The row's cells as in the file. */
  cells: string[];
}

/** A legal form (单位性质) found in the file, and the category it gives its rows. */
export interface LegalFormQuestion {
  value: string;
  key: string;
  rows: number;
  /** The category the form fits, when it fits one. */
  suggested: OrganizationCategory | null;
  /** The categories it may mean, when it fits several (the clerk chooses). */
  choices: OrganizationCategory[];
  /** The clerk's answer, given now or remembered from an earlier import. */
  chosen: OrganizationCategory | null;
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  counts: Record<RowStatus, number>;
  legalForms: LegalFormQuestion[];
}

export interface CommitResult {
  batchId: string | null;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Rows that are not members (sums, sign-off lines, notes), left out. */
  notMembers: number;
  /** The rejected rows with their reasons (when they were skipped with skipInvalid). */
  rejectedRows: { rowNumber: number; reason: string }[];
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

/** An import writes members, their contacts, their seats (a role in the file) and the batch for undo. */
const MEMBERS = ['organization', 'contact', 'term', 'import'] as const;

export const importMethods = defineMethods({
  'imports.stage': {
    doc: 'Reads a member spreadsheet (xlsx, xls, ods, or csv in UTF-8, UTF-16 or GB18030) within the import limits, lists its sheets, reads the one named or the first whose header row is found, and suggests a column mapping; the file stays staged for preview and commit.',
    input: importStageInput,
    result: returns<StageResult>(),
    access: 'read',
    job: true,
    reads: [],
  },
  'imports.chooseSheet': {
    doc: 'Reads another sheet of a staged file in its place.',
    input: importSheetInput,
    result: returns<StageResult>(),
    access: 'read',
    job: true,
    reads: [],
  },
  'imports.preview': {
    doc: 'Every row of a staged file as new / update / duplicate / error, with the reason.',
    input: importPlanInput,
    result: returns<ImportPreview>(),
    access: 'read',
    reads: ['organization', 'contact'],
  },
  'imports.commit': {
    doc: 'Imports a staged file in one transaction as a batch that can be undone; with invalid rows, nothing unless skipInvalid.',
    input: importCommitInput,
    result: returns<CommitResult>(),
    access: 'write',
    exclusive: true,
    job: true,
    // It also remembers the file's column mapping and legal forms in the settings.
    changes: [...MEMBERS, 'settings'],
  },
  'imports.rejectedReport': {
    doc: 'The rows that cannot be imported, with reasons, as an xlsx to correct.',
    input: importPlanInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ['organization', 'contact'],
  },
  'imports.batches': { doc: 'Recent imports, newest first.', input: empty, result: returns<ImportBatch[]>(), access: 'read', reads: ['import'] },
  'imports.undo': {
    doc: 'Undoes an import as a whole: removes the members it created, puts back those it changed.',
    input: z.strictObject({ id: z.string().uuid() }),
    result: returns<{ removed: number; restored: number }>(),
    access: 'write',
    changes: MEMBERS,
  },
});
