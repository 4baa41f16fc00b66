// Member register service: organisations of the alliance, their status and their contacts.
import { newRecordId } from '../records/ids.js';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import { contacts, organizations } from '../../db/schema.js';
import { recordChange } from '../history/changelog.js';
import { FORMER_MEMBER_STATUSES, type MemberStatus, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, todayIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { rowOf } from '../records/model.js';
import { contactsOf, replaceContacts } from './contacts.js';
import type { MemberCreateInput, MemberSaved, MemberStatusInput, MemberUpdateInput, UsccCheck, Warning } from './contract.js';
import type { Contact, Member } from './fields.js';
import { contactModel, memberDerived, memberModel, memberSearchText, memberSortKeys } from './member-model.js';
import { normaliseUscc, readUscc, usccCategoryMismatch, usccProblem } from './uscc.js';
import { endSeatsOfClosedTerms, hasCurrentSeat, refreshRoleCopy, writeCurrentRole } from '../terms/seats.js';
import { leaveSeatWithAlliance } from '../terms/term-changes.js';
import { backfillStatusHistory, recordStatus } from './status-history.js';
import { putBackStoredRows, readStoredRows, type OwnedTable, type StoredRows } from '../records/stored-rows.js';

/** A member's dated records outside its row, which cascade away with it: its seats, changes and status history. */
const DATED_TABLES: readonly OwnedTable[] = [
  { table: 'term_seats', owner: 'organization_id' },
  { table: 'term_changes', owner: 'organization_id', optional: { event_id: 'events' } },
  { table: 'member_status_events', owner: 'organization_id' },
];

type OrganizationRow = typeof organizations.$inferSelect;

/** Something else that may refer to a member (agreements, events …); each blocks deletion with its own reason. */
export type MemberReferenceCheck = (ctx: ServiceContext, organizationId: string) => { key: string; message: string; params?: Record<string, string | number> } | null;
const referenceChecks: MemberReferenceCheck[] = [];
export function registerMemberReferenceCheck(check: MemberReferenceCheck): () => void {
  referenceChecks.push(check);
  return () => referenceChecks.splice(referenceChecks.indexOf(check), 1);
}

export function toMember(row: OrganizationRow, memberContacts: Contact[]): Member {
  return { ...memberModel.toRecord(row), contacts: memberContacts };
}

function findRow(ctx: ServiceContext, id: string): OrganizationRow {
  const row = ctx.db.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No member with id ${id}.`, { key: 'errors.memberNotFound' });
  return row;
}

export function getMember(ctx: ServiceContext, id: string): Member {
  return toMember(findRow(ctx, id), contactsOf(ctx, id));
}

export function memberExists(ctx: ServiceContext, id: string): boolean {
  return Boolean(ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).get());
}

/** Rebuilds the stored search text after a member's contacts change. */
export function refreshSearchText(ctx: ServiceContext, organizationId: string): void {
  const row = findRow(ctx, organizationId);
  ctx.db
    .update(organizations)
    .set({ searchText: memberSearchText(row, contactsOf(ctx, organizationId)) })
    .where(eq(organizations.id, organizationId))
    .run();
}

/** Another member already has this code or name: a conflict shown at the field. */
function duplicateError(field: 'uscc' | 'name', key: string, name: string, message: string): AppError {
  return new AppError('CONFLICT', message, { key, params: { name }, fields: { [field]: { key, params: { name }, message } } });
}

export function assertNoDuplicate(ctx: ServiceContext, fields: { name: string; uscc: string | null }, status: MemberStatus, exceptId: string | null): void {
  const notSelf = exceptId ? ne(organizations.id, exceptId) : undefined;
  if (fields.uscc) {
    const same = ctx.db.select({ name: organizations.name }).from(organizations).where(and(eq(organizations.uscc, fields.uscc), notSelf)).get();
    if (same) throw duplicateError('uscc', 'errors.duplicateUscc', same.name, `Another member already has this unified social credit code: ${same.name}.`);
  }
  if (FORMER_MEMBER_STATUSES.includes(status)) return;
  const same = ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.name, fields.name), notInArray(organizations.status, [...FORMER_MEMBER_STATUSES]), notSelf))
    .get();
  if (same) throw duplicateError('name', 'errors.duplicateName', same.name, `A current member is already named ${same.name}.`);
}

export function usccWarning(uscc: string | null, category: OrganizationCategory): Warning | null {
  if (!uscc) return null;
  const mismatch = usccCategoryMismatch(uscc, category);
  if (!mismatch) {
    // Divisions change, so a region the table does not know is only a warning.
    const reading = readUscc(uscc);
    if (!reading || reading.region) return null;
    return { field: 'uscc', key: 'warnings.usccRegion', params: { region: reading.regionCode }, message: `Positions 3–8 (${reading.regionCode}) are not a division code in the app's table; divisions change, so check the code if it is new.` };
  }
  return {
    field: 'uscc',
    key: 'warnings.usccCategory',
    params: { prefix: mismatch.prefix, expected: mismatch.expected.join(' / ') },
    message: `Codes of this category usually start with ${mismatch.expected.join(' / ')}, this one with ${mismatch.prefix}. Check the code, or save anyway if it is right.`,
  };
}

function saved(member: Member): MemberSaved {
  return { member, warnings: [usccWarning(member.uscc, member.category)].filter((w): w is Warning => w !== null) };
}

export function createMember(ctx: ServiceContext, input: MemberCreateInput, options: { isSample?: boolean; id?: string } = {}): MemberSaved {
  const { contacts: contactInputs, status, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    assertNoDuplicate(ctx, fields, status, null);
    const id = options.id ?? newRecordId();
    const at = nowIso(ctx);
    ctx.db
      .insert(organizations)
      .values({ id, ...fields, ...memberSortKeys(fields), status, formerNames: [], searchText: '', isSample: options.isSample ?? false, createdAt: at, updatedAt: at })
      .run();
    replaceContacts(ctx, id, contactInputs);
    refreshSearchText(ctx, id);
    writeCurrentRole(ctx, id, fields.role);
    recordStatus(ctx, id, status, fields.joinDate ?? todayIso(ctx));
    const member = getMember(ctx, id);
    recordChange(ctx, 'organization', id, 'create', null, member);
    return saved(member);
  })();
}

export function updateMember(ctx: ServiceContext, input: MemberUpdateInput): MemberSaved {
  const { id, contacts: contactInputs, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getMember(ctx, id);
    assertNoDuplicate(ctx, fields, before.status, id);
    // A renamed unit keeps its old name as a former name (曾用名), so files that still use it find it.
    const renamed = before.name !== fields.name && !before.formerNames.some((f) => f.name === before.name);
    const formerNames = renamed ? [...before.formerNames, { name: before.name, until: todayIso(ctx) }] : before.formerNames;
    ctx.db
      .update(organizations)
      .set({ ...fields, ...memberSortKeys(fields), formerNames, updatedAt: nowIso(ctx) })
      .where(eq(organizations.id, id))
      .run();
    replaceContacts(ctx, id, contactInputs);
    refreshSearchText(ctx, id);
    if (fields.role !== before.role) writeCurrentRole(ctx, id, fields.role);
    const member = getMember(ctx, id);
    recordChange(ctx, 'organization', id, 'update', before, member);
    return saved(member);
  })();
}

/**
 * Writes a member back exactly as a snapshot holds it (every field, its contacts with their ids):
 * restoring it from the history, or undoing an import's change to it. Logged as a create when the
 * member was gone, as an update when it is put back over its current state.
 */
export function putBackMember(ctx: ServiceContext, snapshot: Member & { datedRecords?: StoredRows }): Member {
  return ctx.sqlite.transaction(() => {
    const current = memberExists(ctx, snapshot.id) ? getMember(ctx, snapshot.id) : null;
    assertNoDuplicate(ctx, snapshot, snapshot.status, snapshot.id);
    const at = nowIso(ctx);
    const row = rowOf(memberModel, snapshot, { ...memberDerived(snapshot, snapshot.contacts ?? []), updatedAt: at });
    ctx.db.insert(organizations).values(row as never).onConflictDoUpdate({ target: organizations.id, set: row }).run();
    ctx.db.delete(contacts).where(eq(contacts.organizationId, snapshot.id)).run();
    for (const contact of snapshot.contacts ?? []) ctx.db.insert(contacts).values(rowOf(contactModel, contact, { createdAt: at, updatedAt: at }) as never).run();
    // A deleted member's seats, changes and status history come back as its deletion logged them.
    // (Seats in a term deleted meanwhile stay out with it.) A seat left open in a term closed meanwhile (换届) ends with that term.
    const dated = !current && snapshot.datedRecords ? putBackStoredRows(ctx, snapshot.datedRecords, DATED_TABLES, snapshot.id) : null;
    if (dated) endSeatsOfClosedTerms(ctx, snapshot.id);
    const statusesBack = (dated?.written.member_status_events ?? 0) > 0;
    // The snapshot's role is a seat in the current term again (a former member's stays in its history).
    // A seat that came back in the current term is the role; else the snapshot's role is a seat again.
    const seatBack = Boolean(dated?.written.term_seats) && hasCurrentSeat(ctx, snapshot.id);
    if (!seatBack && !FORMER_MEMBER_STATUSES.includes(snapshot.status)) writeCurrentRole(ctx, snapshot.id, snapshot.role);
    else refreshRoleCopy(ctx, snapshot.id);
    // A member brought back keeps a status history: rebuilt from its dates when it had none left.
    if (!current) {
      if (!statusesBack) backfillStatusHistory(ctx);
    } else if (current.status !== snapshot.status) recordStatus(ctx, snapshot.id, snapshot.status, todayIso(ctx));
    const member = getMember(ctx, snapshot.id);
    recordChange(ctx, 'organization', snapshot.id, current ? 'update' : 'create', current, member);
    return member;
  })();
}

export function setMemberStatus(ctx: ServiceContext, input: MemberStatusInput): Member {
  return ctx.sqlite.transaction(() => {
    const before = getMember(ctx, input.id);
    const leaving = FORMER_MEMBER_STATUSES.includes(input.status);
    // Returning to the register must not create a second current member with the same name.
    if (!leaving) assertNoDuplicate(ctx, { name: before.name, uscc: null }, input.status, input.id);
    ctx.db
      .update(organizations)
      .set({
        status: input.status,
        exitDate: leaving ? input.date : null,
        exitReason: leaving ? input.reason : null,
        joinDate: !leaving && input.date ? input.date : before.joinDate,
        updatedAt: nowIso(ctx),
      })
      .where(eq(organizations.id, input.id))
      .run();
    if (leaving) leaveSeatWithAlliance(ctx, input.id, input.date, input.reason);
    if (input.status !== before.status) recordStatus(ctx, input.id, input.status, input.date ?? todayIso(ctx), input.reason);
    const member = getMember(ctx, input.id);
    recordChange(ctx, 'organization', input.id, 'update', before, member);
    return member;
  })();
}

export function deleteMember(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = getMember(ctx, id);
    for (const check of referenceChecks) {
      const reason = check(ctx, id);
      if (reason) throw new AppError('IN_USE', reason.message, { key: reason.key, params: reason.params });
    }
    for (const contact of before.contacts) recordChange(ctx, 'contact', contact.id, 'delete', contact, null);
    // Its seats, changes and status history go with it (cascade): the snapshot keeps them for a restore.
    const datedRecords = readStoredRows(ctx, DATED_TABLES, id);
    ctx.db.delete(organizations).where(eq(organizations.id, id)).run();
    recordChange(ctx, 'organization', id, 'delete', datedRecords ? { ...before, datedRecords } : before, null);
    return { id };
  })();
}

export function checkUscc(input: { uscc: string; category?: OrganizationCategory }): UsccCheck {
  const normalised = normaliseUscc(input.uscc);
  const problem = normalised ? usccProblem(normalised) : null;
  return {
    normalised,
    valid: normalised !== '' && problem === null,
    problem,
    warning: !problem && input.category ? usccWarning(normalised, input.category) : null,
    reading: normalised && !problem ? readUscc(normalised) : null,
  };
}
