// Committing a staged import: one transaction, written in chunks so jobs.progress and jobs.cancel
// are answered between them (the dispatcher holds every other call while it runs); all or nothing;
// recorded as a batch that can be undone. New members are written by prepared statements generated
// from the field models, so a field added to a model is imported without touching this file.
import { newRecordId } from '../../records/ids.js';
import { longTransaction } from '../../../db/long-transaction.js';
import { nowIso, type ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Job } from '../../contract/method.js';
import { changeLogModel } from '../../history/history-model.js';
import { contactFields, memberFields, type Contact, type Member } from '../../members/fields.js';
import { inputKeys } from '../../contract/fields.js';
import { contactModel, memberDerived, memberModel } from '../../members/member-model.js';
import { getMember, updateMember } from '../../members/members.js';
import { newSeatWriter } from '../../terms/seats.js';
import { statusWriter } from '../../members/status-history.js';
import type { CommitResult, ImportCommitInput } from './contract.js';
import { importBatchItemModel, importBatchModel } from './import-model.js';
import { mergedInput } from './merge.js';
import type { PlannedRow } from './plan.js';
import { planFor, rowReasons } from './preview.js';
import { rememberLegalForms, rememberMapping } from './staging.js';

const CHUNK = 500;
const MEMBER_INPUT_KEYS = inputKeys(memberFields);
const CONTACT_INPUT_KEYS = inputKeys(contactFields);

/** The named keys of a record, copied one by one in a fixed order (see memberWriter on why). */
function copyKeys(source: object, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = (source as Record<string, unknown>)[key];
  return copy;
}

/** A new member as it will be written: the record, its contacts and its derived columns. */
interface NewMember {
  member: Omit<Member, 'contacts'> & { contacts?: Contact[] };
  contacts: Contact[];
  derived: ReturnType<typeof memberDerived>;
}

/**
 * Builds a row's new member: ids, contacts and derived columns (pinyin, strokes, search text). Objects
 * are built by assignment, not spreads: on Node 20 an object made by a spread or a rest pattern
 * serialises several times slower (the change log's JSON), and each copy costs more on the heap an
 * import fills; this runs for every row of the file.
 */
function newMember(row: PlannedRow, at: string): NewMember {
  const input = row.input!;
  const id = newRecordId();
  const contacts = input.contacts.map((c, i) => {
    const contact = copyKeys(c, CONTACT_INPUT_KEYS) as Contact;
    contact.id = newRecordId();
    contact.organizationId = id;
    contact.isPrimary = i === 0;
    contact.sortOrder = i;
    return contact;
  });
  const member = copyKeys(input, MEMBER_INPUT_KEYS) as NewMember['member'];
  member.id = id;
  member.status = input.status;
  member.formerNames = [];
  member.exitDate = null;
  member.exitReason = null;
  member.isSample = false;
  member.createdAt = at;
  member.updatedAt = at;
  return { member, contacts, derived: memberDerived(member, contacts) };
}

/**
 * Writes a chunk of new members through the models' prepared inserts, with their change-log entries
 * and batch items. A chunk is built first and written after, not row by row: the pinyin dictionary
 * and SQLite's pages then each stay in the processor's caches for a whole chunk (on the 10k-row
 * bench the commit took about a tenth less than alternating the two for every row).
 */
function memberWriter(ctx: ServiceContext, batchId: string, at: string) {
  const insertMember = memberModel.insertStatement(ctx.sqlite);
  const insertContact = contactModel.insertStatement(ctx.sqlite);
  const insertChange = changeLogModel.insertStatement(ctx.sqlite);
  const insertItem = importBatchItemModel.insertStatement(ctx.sqlite);
  const writeStatus = statusWriter(ctx);
  const writeSeat = newSeatWriter(ctx);
  const stamps = { createdAt: at, updatedAt: at };
  return (rows: readonly PlannedRow[]) => {
    const built = rows.map((row) => newMember(row, at));
    for (const { member, contacts, derived } of built) {
      const id = member.id;
      insertMember(member, derived);
      writeStatus(id, member.status, member.joinDate ?? at.slice(0, 10));
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

export async function commitImport(ctx: ServiceContext, input: ImportCommitInput, job: Job): Promise<CommitResult> {
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
  const notMembers = plan.rows.filter((r) => r.status === 'skipped').length;
  const rejectedRows = rejected.map((r) => ({ rowNumber: r.rowNumber, reason: rowReasons(r) }));
  const result = { created: creates.length, updated: updates.length, skipped, rejected: rejected.length, notMembers, rejectedRows };
  if (creates.length === 0 && updates.length === 0) {
    rememberMapping(ctx, file.headers, mapping);
    rememberLegalForms(ctx, input.legalForms);
    return { batchId: null, ...result };
  }
  const at = nowIso(ctx);
  const batchId = newRecordId();
  const total = creates.length + updates.length;
  await longTransaction(ctx.sqlite, async () => {
    importBatchModel.insertStatement(ctx.sqlite)({ id: batchId, fileName: file.fileName, createdAt: at, createdCount: creates.length, updatedCount: updates.length, skippedCount: skipped, rejectedCount: rejected.length, undoneAt: null });
    const writeMembers = memberWriter(ctx, batchId, at);
    const insertItem = importBatchItemModel.insertStatement(ctx.sqlite);
    for (let start = 0; start < creates.length; start += CHUNK) {
      writeMembers(creates.slice(start, start + CHUNK));
      job.progress(Math.min(creates.length, start + CHUNK), total);
      // Let progress and cancel calls through between chunks.
      await new Promise((resolve) => setImmediate(resolve));
      job.checkpoint();
    }
    updates.forEach((row, i) => {
      const before = getMember(ctx, row.match!.id!);
      updateMember(ctx, mergedInput(before, row.input!, row.changes));
      insertItem({ batchId, organizationId: before.id, action: 'update', before });
      job.progress(creates.length + i + 1, total);
    });
    rememberMapping(ctx, file.headers, mapping);
    rememberLegalForms(ctx, input.legalForms);
  });
  return { batchId, ...result };
}
