// Committing a staged import: one transaction, written in chunks so jobs.progress and jobs.cancel
// are answered between them (the dispatcher holds every other call while it runs); all or nothing;
// recorded as a batch that can be undone. New members are written by prepared statements generated
// from the field models, so a field added to a model is imported without touching this file.
// A commit with no plan made for it (a caller that commits without a preview, or a register changed
// since the preview) reads the rows as it writes: the row reader reads chunk k+1 on the other core
// while chunk k is matched and written here, and a row with errors found late rolls everything back.
// After a preview (the app, the command line) the row reader works out the next chunk's derived columns.
import { eq } from 'drizzle-orm';
import { longTransaction } from '../../../db/long-transaction.js';
import { importBatches } from '../../../db/schema.js';
import { nowIso, type ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Job } from '../../contract/method.js';
import { changeLogModel } from '../../history/history-model.js';
import { contactModel, memberModel } from '../../members/member-model.js';
import { getMember, updateMember } from '../../members/members.js';
import { statusWriter } from '../../members/status-history.js';
import { newRecordId } from '../../records/ids.js';
import { newSeatWriter } from '../../terms/seats.js';
import type { CommitResult, ImportCommitInput } from './contract.js';
import { importBatchItemModel, importBatchModel } from './import-model.js';
import { mergedInput } from './merge.js';
import { newMember } from './new-member.js';
import { finishPlan, rowMatcher, rowsToRead, type ImportPlan, type PlannedRow } from './plan.js';
import { planRequest, rowReasons, type PlanRequest } from './preview.js';
import { derivedChunks, readRowChunks } from './row-reader.js';
import { rememberLegalForms, rememberMapping } from './staging.js';

/**
 * Writes a chunk of new members through the models' prepared inserts, with their change-log entries
 * and batch items. A chunk is built first and written after, not row by row: the pinyin dictionary
 * and SQLite's pages then each stay in the processor's caches for a whole chunk (on the 10k-row
 * bench the commit took about a tenth less than alternating the two for every row).
 */
function memberWriter(ctx: ServiceContext, batchId: string, at: string, created: Set<string>) {
  const insertMember = memberModel.insertStatement(ctx.sqlite);
  const insertContact = contactModel.insertStatement(ctx.sqlite);
  const insertChange = changeLogModel.insertStatement(ctx.sqlite);
  const insertItem = importBatchItemModel.insertStatement(ctx.sqlite);
  const writeStatus = statusWriter(ctx);
  const writeSeat = newSeatWriter(ctx);
  const stamps = { createdAt: at, updatedAt: at };
  const joined = at.slice(0, 10);
  return (rows: readonly PlannedRow[]) => {
    const built = rows.map((row) => newMember(row.input!, at, row.derived));
    for (const { member, contacts, derived } of built) {
      const id = member.id;
      created.add(id);
      insertMember(member, derived);
      writeStatus(id, member.status, member.joinDate ?? joined);
      // A council role is a seat in the current term (the row's role column is its copy).
      writeSeat(id, member.role);
      for (const contact of contacts) insertContact(contact, stamps);
      // The change log holds the member with its contacts; its id is the rowid, which null lets SQLite number.
      member.contacts = contacts;
      insertChange({ id: null as unknown as number, at, entity: 'organization', entityId: id, action: 'create', before: null, after: member });
      insertItem({ batchId, organizationId: id, action: 'create', before: null });
    }
  };
}

function invalidRows(count: number): AppError {
  return new AppError('IMPORT_INVALID', `${count} rows have errors; nothing was imported. Fix them, or import the valid rows and skip these.`, {
    key: 'import.invalidRows',
    params: { count },
  });
}

/** The batch the import is recorded as: written before its first item, its counts set when it is done. */
function batchRecord(ctx: ServiceContext, fileName: string, at: string) {
  const id = newRecordId();
  let written = false;
  return {
    id,
    get written() {
      return written;
    },
    ensure() {
      if (written) return;
      importBatchModel.insertStatement(ctx.sqlite)({ id, fileName, createdAt: at, createdCount: 0, updatedCount: 0, skippedCount: 0, rejectedCount: 0, undoneAt: null });
      written = true;
    },
    count(plan: ImportPlan) {
      const { new: createdCount, update: updatedCount, duplicate: skippedCount, error: rejectedCount } = plan.counts;
      ctx.db.update(importBatches).set({ createdCount, updatedCount, skippedCount, rejectedCount }).where(eq(importBatches.id, id)).run();
    },
  };
}

/** The rows that change existing members, after the new ones: each member as it was kept in the batch. */
function writeUpdates(ctx: ServiceContext, plan: ImportPlan, batchId: string, job: Job, done: number, total: number): void {
  const insertItem = importBatchItemModel.insertStatement(ctx.sqlite);
  plan.rows
    .filter((r) => r.status === 'update')
    .forEach((row, i) => {
      const before = getMember(ctx, row.match!.id!);
      updateMember(ctx, mergedInput(before, row.input!, row.changes));
      insertItem({ batchId, organizationId: before.id, action: 'update', before });
      job.progress(done + i + 1, total);
    });
}

function resultOf(plan: ImportPlan, batchId: string | null): CommitResult {
  const rejected = plan.rows.filter((r) => r.status === 'error');
  return {
    batchId,
    created: plan.counts.new,
    updated: plan.counts.update,
    skipped: plan.counts.duplicate,
    rejected: rejected.length,
    notMembers: plan.counts.skipped,
    rejectedRows: rejected.map((r) => ({ rowNumber: r.rowNumber, reason: rowReasons(r) })),
  };
}

/** A commit after its preview: the plan is known, so rows with errors are refused before anything is written. */
async function commitPlan(ctx: ServiceContext, input: ImportCommitInput, job: Job, request: PlanRequest, plan: ImportPlan): Promise<CommitResult> {
  const { file, mapping } = request;
  if (plan.counts.error > 0 && !input.skipInvalid) throw invalidRows(plan.counts.error);
  const remember = () => {
    rememberMapping(ctx, file.headers, mapping);
    rememberLegalForms(ctx, input.legalForms);
  };
  if (plan.counts.new === 0 && plan.counts.update === 0) {
    remember();
    return resultOf(plan, null);
  }
  const at = nowIso(ctx);
  const batch = batchRecord(ctx, file.fileName, at);
  const creates = plan.rows.filter((r) => r.status === 'new');
  const total = creates.length + plan.counts.update;
  await longTransaction(ctx.sqlite, async () => {
    batch.ensure();
    const writeMembers = memberWriter(ctx, batch.id, at, new Set());
    let written = 0;
    // The worker works out the next chunk's derived columns while this one is written.
    for await (const chunk of derivedChunks(ctx, creates)) {
      writeMembers(chunk);
      // Written: the kept plan need not hold the derived columns (about 1 KB a row).
      for (const row of chunk) row.derived = undefined;
      written += chunk.length;
      job.progress(written, total);
      // Let progress and cancel calls through between chunks.
      await new Promise((resolve) => setImmediate(resolve));
      job.checkpoint();
    }
    writeUpdates(ctx, plan, batch.id, job, creates.length, total);
    batch.count(plan);
    remember();
  });
  return resultOf(plan, batch.id);
}

/**
 * A commit with no plan made for it: each chunk of rows, as the row reader hands it over, is matched
 * (against the members there were before this import, and the file's earlier rows) and its new members
 * written. A row with errors, unless the clerk chose to skip them, stops the writing; the rest are
 * still read, to count them, and the transaction is rolled back. The plan is the one a preview makes
 * (a test compares the two registers).
 */
async function commitWhileReading(ctx: ServiceContext, input: ImportCommitInput, job: Job, request: PlanRequest): Promise<CommitResult> {
  const { file, mapping, options } = request;
  const { skipped, toRead } = rowsToRead(file.grid, options);
  const at = nowIso(ctx);
  const batch = batchRecord(ctx, file.fileName, at);
  const created = new Set<string>();
  return longTransaction(ctx.sqlite, async () => {
    const match = rowMatcher(ctx, options, { created });
    const writeMembers = memberWriter(ctx, batch.id, at, created);
    const read: PlannedRow[] = [];
    let refused = false;
    let updates = 0;
    for await (const rows of readRowChunks(ctx, toRead, options)) {
      match(rows);
      if (!refused && !input.skipInvalid && rows.some((r) => r.status === 'error')) refused = true;
      const creates = refused ? [] : rows.filter((r) => r.status === 'new');
      if (creates.length > 0) {
        batch.ensure();
        writeMembers(creates);
      }
      for (const row of rows) {
        // Written, or not to be: the plan need not keep the derived columns (about 1 KB a row).
        row.derived = undefined;
        if (row.status === 'update') updates += 1;
        read.push(row);
      }
      // The updates are written after every row is read: they count in the total as they are found.
      job.progress(read.length, toRead.length + updates);
      // Let progress and cancel calls through between chunks (the worker's answers come as events too).
      await new Promise((resolve) => setImmediate(resolve));
      job.checkpoint();
    }
    const plan = finishPlan(skipped, read, options);
    if (refused) throw invalidRows(plan.counts.error);
    if (plan.counts.update > 0) {
      batch.ensure();
      writeUpdates(ctx, plan, batch.id, job, toRead.length, toRead.length + plan.counts.update);
    }
    if (batch.written) batch.count(plan);
    rememberMapping(ctx, file.headers, mapping);
    rememberLegalForms(ctx, input.legalForms);
    return resultOf(plan, batch.written ? batch.id : null);
  });
}

export async function commitImport(ctx: ServiceContext, input: ImportCommitInput, job: Job): Promise<CommitResult> {
  const request = planRequest(ctx, input);
  return request.current ? commitPlan(ctx, input, job, request, request.current) : commitWhileReading(ctx, input, job, request);
}
