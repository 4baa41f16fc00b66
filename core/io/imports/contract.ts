// Member import: stage a spreadsheet, preview every row, commit as one batch, undo a batch.
import { z } from 'zod';
import type { MemberRole, OrganizationCategory } from '../../contract/codes.js';
import type { FieldIssue } from '../../contract/errors.js';
import { defineMethods, returns } from '../../contract/method.js';
import { requiredText } from '../../contract/validation.js';
import type { FileContent } from '../exports/contract.js';
import { IMPORT_FIELDS, type ImportField } from './import-fields.js';

export type { ImportField };
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DuplicateAction = 'skip' | 'fill' | 'overwrite';
export type RowStatus = 'new' | 'update' | 'duplicate' | 'error';

const empty = z.strictObject({}).optional().transform(() => ({}));
const duplicateAction = z.enum(['skip', 'fill', 'overwrite']);

export const importPlanInput = z.strictObject({
  uploadId: z.string().uuid(),
  /** One entry per column of the header row: the field it holds, or null to ignore it. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500).optional(),
  onDuplicate: duplicateAction.default('skip'),
  /** Choices for single rows (by sheet row number) that differ from onDuplicate. */
  rowActions: z.record(z.string().regex(/^\d{1,7}$/), duplicateAction).optional(),
});
export type ImportPlanInput = z.output<typeof importPlanInput>;
export const importCommitInput = importPlanInput.extend({ skipInvalid: z.boolean().default(false) });
export type ImportCommitInput = z.output<typeof importCommitInput>;
// The size cap itself (IMPORT_LIMITS) is checked on the bytes, with a message that names it.
export const importStageInput = z.strictObject({ fileName: requiredText(255), bytes: z.string().max(31_000_000) });
export type ImportStageInput = z.output<typeof importStageInput>;

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

export interface RowIssue extends FieldIssue {
  /** The import field the issue is about, or null for the whole row. */
  field: ImportField | null;
}

/** The existing member (or earlier row) a row duplicates. */
export interface RowMatch {
  id: string | null;
  name: string;
  by: 'uscc' | 'name' | 'alias' | 'row';
  row?: number;
}

/** What the preview shows of a row: its reading, never the whole member input. */
export interface ImportPreviewRow {
  rowNumber: number;
  status: RowStatus;
  issues: RowIssue[];
  match: RowMatch | null;
  /** Fields an update would change. */
  changes: string[];
  action: DuplicateAction | null;
  /** Category from the section row above it, when there is no category column. */
  categoryFromSection: boolean;
  name: string | null;
  category: OrganizationCategory | null;
  role: MemberRole | null;
  uscc: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** The row's cells as in the file. */
  cells: string[];
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  counts: Record<RowStatus, number>;
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

const MEMBERS = ['organization', 'contact', 'import'] as const;

export const importMethods = defineMethods({
  'imports.stage': {
    doc: 'Reads a member spreadsheet (xlsx, or csv in UTF-8, UTF-16 or GB18030), finds its header row and suggests a column mapping; the file stays staged for preview and commit.',
    input: importStageInput,
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
    changes: MEMBERS,
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
