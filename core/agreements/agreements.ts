// Agreements (合作协议): numbered, typed by their parties' categories, with derived states from dates.
import { newRecordId } from '../records/ids.js';
import { and, eq, inArray } from 'drizzle-orm';
import { agreementParties, agreements, events, organizations } from '../../db/schema.js';
import { attachmentsOf, deleteAttachmentsOf, restoreAttachments } from '../attachments/attachments.js';
import { PARTY_LABELS_ZH, type AgreementType, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, todayIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { recordChange } from '../history/changelog.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { rowOf } from '../records/model.js';
import { partiesOf } from './agreement-list.js';
import { agreementModel, agreementSearchText, partyModel } from './agreement-model.js';
import { assertNumberFree, nextAgreementNumber, numberYear } from './agreement-numbers.js';
import { agreementState, agreementTypeProblem, expiresOn, suggestAgreementType } from './agreement-rules.js';
import type { Agreement, AgreementInput, AgreementUpdateInput } from './contract.js';

function partyOrganizations(ctx: ServiceContext, parties: { organizationId: string }[]): { id: string; name: string; category: OrganizationCategory }[] {
  const ids = parties.map((p) => p.organizationId);
  const found = ctx.db.select({ id: organizations.id, name: organizations.name, category: organizations.category }).from(organizations).where(inArray(organizations.id, ids)).all();
  const byId = new Map(found.map((o) => [o.id, o]));
  return parties.map((party, index) => {
    const org = byId.get(party.organizationId);
    if (!org) throw fieldError(`parties.${index}.organizationId`, { key: 'errors.memberNotFound', message: 'No member with this id.' });
    return { ...org, category: org.category as OrganizationCategory };
  });
}

/** The type to store: the one given if the parties can have it (else the reason), or the suggestion. */
export function resolveType(requested: AgreementType | undefined, categories: OrganizationCategory[]): AgreementType {
  const type = requested ?? suggestAgreementType(categories);
  const problem = agreementTypeProblem(type, categories);
  if (problem) throw fieldError('type', problem);
  return type;
}

function exists(ctx: ServiceContext, table: typeof events | typeof agreements, id: string): boolean {
  return Boolean(ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get());
}

function assertExists(ctx: ServiceContext, field: string, table: typeof events | typeof agreements, id: string | null, key: string): void {
  if (id && !exists(ctx, table, id)) throw fieldError(field, { key, message: 'Not found.' });
}

/** Whether a signed agreement renews (or amends) this one. */
function isRenewed(ctx: ServiceContext, id: string): boolean {
  return ctx.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.amendsId, id), eq(agreements.status, 'signed'))).limit(1).get() !== undefined;
}

export function getAgreement(ctx: ServiceContext, id: string): Agreement {
  const record = ctx.db.select().from(agreements).where(eq(agreements.id, id)).get();
  if (!record) throw new AppError('NOT_FOUND', `No agreement with id ${id}.`, { key: 'errors.agreementNotFound' });
  const eventTitle = record.eventId ? (ctx.db.select({ title: events.title }).from(events).where(eq(events.id, record.eventId)).get()?.title ?? null) : null;
  const amendsNumber = record.amendsId ? (ctx.db.select({ number: agreements.number }).from(agreements).where(eq(agreements.id, record.amendsId)).get()?.number ?? null) : null;
  const fields = agreementModel.toRecord(record);
  return {
    ...fields,
    state: agreementState(fields.status, fields.expiresOn, todayIso(ctx), isRenewed(ctx, id)),
    eventTitle,
    amendsNumber,
    parties: partiesOf(ctx, [id]).get(id) ?? [],
    attachments: attachmentsOf(ctx, 'agreement', id),
  };
}

/** The stored values of an input: its fields as given, the type and the dates derived from them. */
function storedValues(input: AgreementInput, number: string, type: AgreementType, partyNames: string[]) {
  const { parties: _parties, ...fields } = input;
  return {
    ...fields,
    number,
    type,
    expiresOn: expiresOn(input),
    terminatedDate: input.status === 'terminated' ? input.terminatedDate : null,
    searchText: agreementSearchText({ ...input, number }, partyNames),
  };
}

function writeParties(ctx: ServiceContext, agreementId: string, parties: AgreementInput['parties']): void {
  ctx.db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId)).run();
  parties.forEach((party, position) => {
    const label = party.label ?? PARTY_LABELS_ZH[position] ?? `第${position + 1}方`;
    ctx.db.insert(agreementParties).values({ ...party, id: newRecordId(), agreementId, position, label }).run();
  });
}

export function createAgreement(ctx: ServiceContext, input: AgreementInput, options: { isSample?: boolean; id?: string } = {}): Agreement {
  // IMMEDIATE: take the write lock before reading the highest number, so two writers cannot pick the same one.
  return ctx.sqlite.transaction(() => {
    const orgs = partyOrganizations(ctx, input.parties);
    const type = resolveType(input.type, orgs.map((o) => o.category));
    assertExists(ctx, 'eventId', events, input.eventId, 'errors.eventNotFound');
    assertExists(ctx, 'amendsId', agreements, input.amendsId, 'errors.agreementNotFound');
    const number = input.number ?? nextAgreementNumber(ctx, type, numberYear(ctx, input));
    assertNumberFree(ctx, number, null);
    const id = options.id ?? newRecordId();
    const at = nowIso(ctx);
    const values = storedValues(input, number, type, orgs.map((o) => o.name));
    ctx.db
      .insert(agreements)
      .values({ ...values, id, isSample: options.isSample ?? false, createdAt: at, updatedAt: at })
      .run();
    writeParties(ctx, id, input.parties);
    const created = getAgreement(ctx, id);
    recordChange(ctx, 'agreement', id, 'create', null, created);
    return created;
  }).immediate();
}

export function updateAgreement(ctx: ServiceContext, input: AgreementUpdateInput): Agreement {
  const { id, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getAgreement(ctx, id);
    const orgs = partyOrganizations(ctx, input.parties);
    const type = resolveType(input.type, orgs.map((o) => o.category));
    assertExists(ctx, 'eventId', events, input.eventId, 'errors.eventNotFound');
    assertExists(ctx, 'amendsId', agreements, input.amendsId, 'errors.agreementNotFound');
    if (input.amendsId === id) throw fieldError('amendsId', { key: 'validation.amendsItself', message: 'An agreement cannot amend itself.' });
    const number = input.number ?? before.number;
    assertNumberFree(ctx, number, id);
    const values = storedValues(fields, number, type, orgs.map((o) => o.name));
    ctx.db
      .update(agreements)
      .set({ ...values, updatedAt: nowIso(ctx) })
      .where(eq(agreements.id, id))
      .run();
    writeParties(ctx, id, input.parties);
    const after = getAgreement(ctx, id);
    recordChange(ctx, 'agreement', id, 'update', before, after);
    return after;
  }).immediate();
}

/** Marks an agreement signed (used by the signing ceremony) or back to draft (its undo). */
export function setAgreementSigned(ctx: ServiceContext, id: string, signedDate: string | null): void {
  const before = getAgreement(ctx, id);
  const values = { status: signedDate ? 'signed' : 'draft', signedDate, updatedAt: nowIso(ctx) };
  ctx.db
    .update(agreements)
    .set({ ...values, expiresOn: expiresOn({ ...before, signedDate }) })
    .where(eq(agreements.id, id))
    .run();
  recordChange(ctx, 'agreement', id, 'update', before, getAgreement(ctx, id));
}

export function deleteAgreement(ctx: ServiceContext, id: string): { id: string } {
  ctx.sqlite.transaction(() => {
    const before = getAgreement(ctx, id);
    const amending = ctx.db.select({ number: agreements.number }).from(agreements).where(eq(agreements.amendsId, id)).all();
    if (amending.length > 0) {
      const numbers = amending.map((a) => a.number).join('、');
      throw new AppError('IN_USE', `Agreements ${numbers} amend or renew this one.`, { key: 'errors.agreementAmended', params: { numbers } });
    }
    deleteAttachmentsOf(ctx, 'agreement', id);
    ctx.db.delete(agreements).where(eq(agreements.id, id)).run();
    recordChange(ctx, 'agreement', id, 'delete', before, null);
  })();
  return { id };
}

/**
 * Brings a deleted agreement back exactly as its snapshot holds it: every field, its parties with
 * their ids, and the attachments the snapshot lists whose files are still in the folder. An event
 * or an amended agreement deleted since is no longer linked; parties deleted since must come back first.
 */
export function putBackAgreement(ctx: ServiceContext, snapshot: Agreement): Agreement {
  return ctx.sqlite.transaction(() => {
    const gone = snapshot.parties.filter((p) => !ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, p.organizationId)).get());
    if (gone.length > 0) {
      const names = gone.map((p) => p.name).join('、');
      throw new AppError('CONFLICT', `Restore the parties first: ${names}.`, { key: 'errors.restorePartiesFirst', params: { names } });
    }
    assertNumberFree(ctx, snapshot.number, snapshot.id);
    const eventId = snapshot.eventId && exists(ctx, events, snapshot.eventId) ? snapshot.eventId : null;
    const amendsId = snapshot.amendsId && exists(ctx, agreements, snapshot.amendsId) ? snapshot.amendsId : null;
    const record = { ...snapshot, eventId, amendsId };
    const row = rowOf(agreementModel, record, { searchText: agreementSearchText(record, snapshot.parties.map((p) => p.name)), updatedAt: nowIso(ctx) });
    ctx.db.insert(agreements).values(row as never).run();
    snapshot.parties.forEach((party, position) => ctx.db.insert(agreementParties).values(rowOf(partyModel, { ...party, agreementId: snapshot.id, position }) as never).run());
    restoreAttachments(ctx, snapshot.attachments ?? []);
    const restored = getAgreement(ctx, snapshot.id);
    recordChange(ctx, 'agreement', snapshot.id, 'create', null, restored);
    return restored;
  }).immediate();
}

export function suggestType(ctx: ServiceContext, input: { organizationIds: string[]; type?: AgreementType }) {
  const categories = partyOrganizations(ctx, input.organizationIds.map((organizationId) => ({ organizationId }))).map((o) => o.category);
  const problem = input.type ? agreementTypeProblem(input.type, categories) : null;
  return { suggested: suggestAgreementType(categories), problem };
}

// A member that is party to an agreement cannot be deleted; the error names the agreements.
registerMemberReferenceCheck((ctx, organizationId) => {
  const numbers = ctx.sqlite
    .prepare('SELECT a.number FROM agreements a JOIN agreement_parties p ON p.agreement_id = a.id WHERE p.organization_id = ? ORDER BY a.number')
    .pluck()
    .all(organizationId) as string[];
  if (numbers.length === 0) return null;
  const list = numbers.slice(0, 5).join('、') + (numbers.length > 5 ? ` 等 ${numbers.length} 份` : '');
  return { key: 'errors.memberInAgreements', params: { numbers: list }, message: `This member is a party to agreements ${list}; it cannot be deleted. Withdraw it instead.` };
});
