// Member register service: organisations of the alliance, their status and their contacts.
import { randomUUID } from 'node:crypto';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import { organizations } from '../../db/schema.js';
import type { ApiParsed } from '../contract/registry.js';
import { recordChange } from '../history/changelog.js';
import { FORMER_MEMBER_STATUSES, roleRank, type MemberStatus, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { contactsOf, replaceContacts } from './contacts.js';
import type { HandlerMap } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import { listMembers } from './member-list.js';
import { pinyinSortKey } from '../text/pinyin.js';
import { buildSearchText } from '../text/search-text.js';
import type { Contact, Member, MemberSaved, UsccCheck, Warning } from '../contract/types.js';
import { normaliseUscc, usccCategoryMismatch, usccProblem } from './uscc.js';

type OrganizationRow = typeof organizations.$inferSelect;
type MemberFields = Omit<ApiParsed<'members.create'>, 'contacts' | 'status'>;

/** Something else that may refer to a member (agreements, events …); each blocks deletion with its own reason. */
export type MemberReferenceCheck = (ctx: ServiceContext, organizationId: string) => { key: string; message: string; params?: Record<string, string | number> } | null;
const referenceChecks: MemberReferenceCheck[] = [];
export function registerMemberReferenceCheck(check: MemberReferenceCheck): () => void {
  referenceChecks.push(check);
  return () => referenceChecks.splice(referenceChecks.indexOf(check), 1);
}

export function toMember(row: OrganizationRow, memberContacts: Contact[]): Member {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    aliases: row.aliases,
    formerNames: row.formerNames,
    category: row.category as Member['category'],
    uscc: row.uscc,
    role: row.role as Member['role'],
    status: row.status as Member['status'],
    joinDate: row.joinDate,
    exitDate: row.exitDate,
    exitReason: row.exitReason,
    address: row.address,
    postcode: row.postcode,
    website: row.website,
    legalRepresentative: row.legalRepresentative,
    notes: row.notes,
    pinyinOverride: row.pinyinOverride,
    isSample: row.isSample,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    contacts: memberContacts,
  };
}

function findRow(ctx: ServiceContext, id: string): OrganizationRow {
  const row = ctx.db.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No member with id ${id}.`, { key: 'errors.memberNotFound' });
  return row;
}

export function getMember(ctx: ServiceContext, id: string): Member {
  return toMember(findRow(ctx, id), contactsOf(ctx, id));
}

export function memberSearchText(row: Pick<OrganizationRow, 'name' | 'shortName' | 'aliases' | 'formerNames' | 'uscc'>, memberContacts: Pick<Contact, 'name' | 'phone' | 'mobile' | 'email'>[]): string {
  return buildSearchText([
    row.name,
    row.shortName,
    ...row.aliases,
    ...row.formerNames.map((f) => f.name),
    row.uscc,
    ...memberContacts.flatMap((c) => [c.name, c.phone, c.mobile, c.email]),
  ]);
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

function assertNoDuplicate(ctx: ServiceContext, fields: { name: string; uscc: string | null }, status: MemberStatus, exceptId: string | null): void {
  const notSelf = exceptId ? ne(organizations.id, exceptId) : undefined;
  if (fields.uscc) {
    const same = ctx.db.select({ name: organizations.name }).from(organizations).where(and(eq(organizations.uscc, fields.uscc), notSelf)).get();
    if (same) {
      const message = `Another member already has this unified social credit code: ${same.name}.`;
      throw new AppError('CONFLICT', message, {
        key: 'errors.duplicateUscc',
        params: { name: same.name },
        fields: { uscc: { key: 'errors.duplicateUscc', params: { name: same.name }, message } },
      });
    }
  }
  if (FORMER_MEMBER_STATUSES.includes(status)) return;
  const same = ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.name, fields.name), notInArray(organizations.status, [...FORMER_MEMBER_STATUSES]), notSelf))
    .get();
  if (same) {
    const message = `A current member is already named ${same.name}.`;
    throw new AppError('CONFLICT', message, {
      key: 'errors.duplicateName',
      params: { name: same.name },
      fields: { name: { key: 'errors.duplicateName', params: { name: same.name }, message } },
    });
  }
}

function usccWarning(uscc: string | null, category: OrganizationCategory): Warning | null {
  if (!uscc) return null;
  const mismatch = usccCategoryMismatch(uscc, category);
  if (!mismatch) return null;
  return {
    field: 'uscc',
    key: 'warnings.usccCategory',
    params: { prefix: mismatch.prefix, expected: mismatch.expected.join(' / ') },
    message: `Codes of this category usually start with ${mismatch.expected.join(' / ')}, this one with ${mismatch.prefix}. Check the code, or save anyway if it is right.`,
  };
}

function storedFields(fields: MemberFields) {
  return {
    name: fields.name,
    shortName: fields.shortName,
    aliases: fields.aliases,
    category: fields.category,
    uscc: fields.uscc,
    role: fields.role,
    roleRank: roleRank(fields.role),
    joinDate: fields.joinDate,
    address: fields.address,
    postcode: fields.postcode,
    website: fields.website,
    legalRepresentative: fields.legalRepresentative,
    notes: fields.notes,
    pinyinOverride: fields.pinyinOverride,
    pinyinKey: pinyinSortKey(fields.name, fields.pinyinOverride),
  };
}

export function createMember(ctx: ServiceContext, input: ApiParsed<'members.create'>, options: { isSample?: boolean; id?: string } = {}): MemberSaved {
  const { contacts: contactInputs, status, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    assertNoDuplicate(ctx, fields, status, null);
    const id = options.id ?? randomUUID();
    const at = nowIso(ctx);
    ctx.db
      .insert(organizations)
      .values({ id, ...storedFields(fields), status, formerNames: [], searchText: '', isSample: options.isSample ?? false, createdAt: at, updatedAt: at })
      .run();
    replaceContacts(ctx, id, contactInputs);
    refreshSearchText(ctx, id);
    const member = getMember(ctx, id);
    recordChange(ctx, 'organization', id, 'create', null, member);
    return { member, warnings: [usccWarning(member.uscc, member.category)].filter((w): w is Warning => w !== null) };
  })();
}

export function updateMember(ctx: ServiceContext, input: ApiParsed<'members.update'>): MemberSaved {
  const { id, contacts: contactInputs, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getMember(ctx, id);
    assertNoDuplicate(ctx, fields, before.status, id);
    ctx.db.update(organizations).set({ ...storedFields(fields), updatedAt: nowIso(ctx) }).where(eq(organizations.id, id)).run();
    replaceContacts(ctx, id, contactInputs);
    refreshSearchText(ctx, id);
    const member = getMember(ctx, id);
    recordChange(ctx, 'organization', id, 'update', before, member);
    return { member, warnings: [usccWarning(member.uscc, member.category)].filter((w): w is Warning => w !== null) };
  })();
}

export function setMemberStatus(ctx: ServiceContext, input: ApiParsed<'members.setStatus'>): Member {
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
    ctx.db.delete(organizations).where(eq(organizations.id, id)).run();
    recordChange(ctx, 'organization', id, 'delete', before, null);
    return { id };
  })();
}

export function checkUscc(input: ApiParsed<'members.checkUscc'>): UsccCheck {
  const normalised = normaliseUscc(input.uscc);
  const problem = normalised ? usccProblem(normalised) : null;
  return {
    normalised,
    valid: normalised !== '' && problem === null,
    problem,
    warning: !problem && input.category ? usccWarning(normalised, input.category) : null,
  };
}

export const memberHandlers: HandlerMap = {
  'members.list': (input, ctx) => listMembers(ctx, input),
  'members.get': (input, ctx) => getMember(ctx, input.id),
  'members.create': (input, ctx) => createMember(ctx, input),
  'members.update': (input, ctx) => updateMember(ctx, input),
  'members.setStatus': (input, ctx) => setMemberStatus(ctx, input),
  'members.delete': (input, ctx) => deleteMember(ctx, input.id),
  'members.checkUscc': (input) => checkUscc(input),
};
