// The work of the import's second thread (row-worker.ts runs it there): a chunk of a file's rows read
// through the column mapping with each new member's derived columns (pinyin and stroke sort keys,
// search text: the costliest part of making a member) — or, for a plan made already, only the derived
// columns — while the main thread matches and writes the chunk before (row-reader.ts). Pure work on
// what it is sent: no database, no files, and nothing done on loading (the main thread loads this too).
import type { MemberCreateInput } from '../../members/contract.js';
import type { MemberDerived } from '../../members/member-model.js';
import { newMemberDerived } from './new-member.js';
import type { ImportField } from './import-fields.js';
import { readRowToRead, type ReadRow, type RowContext, type RowToRead } from './read-row.js';
import type { RowIssue } from './contract.js';

/** Rows to read through the mapping. */
export interface RowReadTask {
  kind: 'read';
  rows: RowToRead[];
  mapping: (ImportField | null)[];
  legalForms?: RowContext['legalForms'];
}

/** New members' inputs (rows a preview read), for their derived columns only. */
export interface DeriveTask {
  kind: 'derive';
  inputs: MemberCreateInput[];
}

export type RowWorkRequest = (RowReadTask | DeriveTask) & {
  id: number;
  /** The chunk's place, and the first chunk the main thread still wants from this thread (shared): an older one is skipped. */
  chunk: number;
  wanted: SharedArrayBuffer;
};

/**
 * A row's reading as it crosses threads: the given fields as a list, and no empty lists of issues.
 * Copying between threads costs the receiving thread for every object it rebuilds (two empty lists
 * and a set per row were a third of it), so what carries nothing is left out.
 */
export interface RowReadResult {
  read: Omit<ReadRow, 'given' | 'issues' | 'warnings'> & { given: string[]; issues?: RowIssue[]; warnings?: RowIssue[] };
  derived: MemberDerived | null;
}

export type RowWorkReply = { id: number; results: RowReadResult[] | MemberDerived[] | null } | { id: number; error: string };

/** One request's answer: every row read, with the derived columns of each that makes a member; null when no longer wanted. */
export function answer(request: RowWorkRequest): RowWorkReply {
  try {
    // The main thread did this chunk itself meanwhile (while this thread started, or fell behind).
    if (Atomics.load(new Int32Array(request.wanted), 0) > request.chunk) return { id: request.id, results: null };
    if (request.kind === 'derive') return { id: request.id, results: request.inputs.map(newMemberDerived) };
    const task = request;
    const results = request.rows.map((row): RowReadResult => {
      const { given, issues, warnings, ...rest } = readRowToRead(row, task);
      const read: RowReadResult['read'] = { ...rest, given: [...given] };
      if (issues.length > 0) read.issues = issues;
      if (warnings.length > 0) read.warnings = warnings;
      return { read, derived: rest.input ? newMemberDerived(rest.input) : null };
    });
    return { id: request.id, results };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The reading on the main thread again: what plannedRow takes. */
export function readOf(result: RowReadResult['read']): ReadRow {
  return { ...result, given: new Set(result.given), issues: result.issues ?? [], warnings: result.warnings ?? [] };
}
