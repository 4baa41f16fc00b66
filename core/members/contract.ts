// The member register's methods (members, their contacts, the roster) and their result types.
import { z } from 'zod';
import { MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES, type MemberRole, type MemberStatus, type OrganizationCategory } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { optionalDate, optionalText } from '../contract/validation.js';
import { contactFields, memberFields, type Contact, type Member } from './fields.js';
import type { UsccProblem, UsccReading } from './uscc.js';

export type { Contact, Member };

const id = z.string().uuid();
const byId = z.strictObject({ id });
const category = z.enum(ORGANIZATION_CATEGORIES);
const role = z.enum(MEMBER_ROLES);

/** A contact as part of a member form; `id` present for an existing contact. */
const memberContactInput = z.strictObject({ id: id.optional(), ...inputShape(contactFields) });
/** The most contacts a member keeps: its form's list, the import's merge and contacts.create all stop here. */
export const MAX_CONTACTS = 50;
const memberShape = { ...inputShape(memberFields), contacts: z.array(memberContactInput).max(MAX_CONTACTS).default([]) };
const currentStatus = z.enum(['applied', 'active', 'suspended']);

export const memberCreateInput = z.strictObject({ ...memberShape, status: currentStatus.default('active') });
export const memberUpdateInput = z.strictObject({ id, ...memberShape });
export type MemberCreateInput = z.output<typeof memberCreateInput>;
export type MemberUpdateInput = z.output<typeof memberUpdateInput>;

export const memberListInput = z.strictObject({
  categories: z.array(category).max(ORGANIZATION_CATEGORIES.length).optional(),
  roles: z.array(role).max(MEMBER_ROLES.length).optional(),
  statuses: z.array(z.enum(MEMBER_STATUSES)).max(MEMBER_STATUSES.length).optional(),
  text: z.string().max(200).optional(),
  sort: z.enum(['pinyin', 'stroke', 'role', 'joinDate', 'category', 'manual']).default('pinyin'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(100),
});
export type MemberListInput = z.output<typeof memberListInput>;

/** The register's filters a roster follows (its statuses are always the roster's own). */
/** How a roster orders the units of a group: by role then name (拼音 or 笔画), or by name alone. */
export const ROSTER_ORDERS = ['rolePinyin', 'roleStroke', 'pinyin', 'stroke', 'manual'] as const;
export type RosterOrder = (typeof ROSTER_ORDERS)[number];
export const rosterOrder = z.enum(ROSTER_ORDERS).default('rolePinyin');
export const rosterFilterShape = { categories: memberListInput.shape.categories, roles: memberListInput.shape.roles, text: memberListInput.shape.text, order: rosterOrder };
export const rosterInput = z.strictObject({ includeUscc: z.boolean().default(false), ...rosterFilterShape });
export type RosterInput = z.output<typeof rosterInput>;

export const memberStatusInput = z
  .strictObject({ id, status: z.enum(MEMBER_STATUSES), date: optionalDate, reason: optionalText(500) })
  .superRefine((v, ctx) => {
    if (v.status !== 'withdrawn' && v.status !== 'expelled') return;
    if (!v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Required when a member leaves.', params: { key: 'validation.exitDateRequired' } });
    if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Required when a member leaves.', params: { key: 'validation.exitReasonRequired' } });
  });
export type MemberStatusInput = z.output<typeof memberStatusInput>;

export const contactCreateInput = z.strictObject({ organizationId: id, ...inputShape(contactFields) });
export const contactUpdateInput = z.strictObject({ id, ...inputShape(contactFields) });
export type ContactCreateInput = z.output<typeof contactCreateInput>;
export type ContactUpdateInput = z.output<typeof contactUpdateInput>;

/** A non-blocking remark about saved data, e.g. a USCC prefix that does not fit the category. */
export interface Warning {
  field: string;
  key: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface MemberSaved {
  member: Member;
  warnings: Warning[];
}

export interface MemberRow {
  id: string;
  name: string;
  shortName: string | null;
  category: OrganizationCategory;
  role: MemberRole;
  status: MemberStatus;
  uscc: string | null;
  joinDate: string | null;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  isSample: boolean;
}

export interface MemberPage {
  rows: MemberRow[];
  total: number;
  offset: number;
  limit: number;
}

export interface RosterRow {
  seq: number;
  id: string;
  name: string;
  role: MemberRole;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  uscc: string | null;
}

export interface RosterGroup {
  category: OrganizationCategory;
  count: number;
  /** Chinese heading with its count, e.g. 政府机构（10个）. */
  heading: string;
  rows: RosterRow[];
}

export interface Roster {
  allianceName: string | null;
  total: number;
  groups: RosterGroup[];
}

export interface UsccCheck {
  normalised: string;
  valid: boolean;
  problem: UsccProblem | null;
  warning: Warning | null;
  /** What a valid code says: registering department, kind of body, region. */
  reading: UsccReading | null;
}

const MEMBER = ['organization', 'contact'] as const;
/** A member's role is its seat in the current term, written with it; leaving or deleting ends or removes the seat. */
const MEMBER_CHANGES = ['organization', 'contact', 'term'] as const;
/** A contact is part of its member's search text, kept on the member's row. */
const CONTACT_CHANGES = ['contact', 'organization'] as const;

export const memberMethods = defineMethods({
  'members.list': {
    doc: 'One page of members, filtered and sorted by the core, with the total.',
    input: memberListInput,
    result: returns<MemberPage>(),
    access: 'read',
    reads: MEMBER,
  },
  'members.get': { doc: 'A member with its contacts.', input: byId, result: returns<Member>(), access: 'read', reads: MEMBER },
  'members.create': {
    doc: 'Creates a member with its contacts; refuses duplicates (same USCC, or same name among current members).',
    input: memberCreateInput,
    result: returns<MemberSaved>(),
    access: 'write',
    changes: MEMBER_CHANGES,
  },
  'members.update': {
    doc: "Replaces a member's fields and its contact list (contacts without an id are added, missing ones removed).",
    input: memberUpdateInput,
    result: returns<MemberSaved>(),
    access: 'write',
    changes: MEMBER_CHANGES,
  },
  'members.setStatus': {
    doc: 'Moves a member between statuses; withdrawing or expelling needs a date and a reason.',
    input: memberStatusInput,
    result: returns<Member>(),
    access: 'write',
    changes: MEMBER_CHANGES,
  },
  // Its seats go with it, and an agenda item it presented lets go of it.
  'members.delete': { doc: 'Deletes a member only when no record refers to it.', input: byId, result: returns<{ id: string }>(), access: 'write', changes: [...MEMBER_CHANGES, 'event'] },
  'members.checkUscc': {
    doc: 'Normalises and checks a USCC, with a warning when its prefix does not fit the category.',
    input: z.strictObject({ uscc: z.string().max(100), category: category.optional() }),
    result: returns<UsccCheck>(),
    access: 'read',
    reads: [],
  },
  'contacts.list': { doc: "A member's contacts in order.", input: z.strictObject({ organizationId: id }), result: returns<Contact[]>(), access: 'read', reads: ['contact'] },
  'contacts.create': { doc: 'Adds a contact to a member.', input: contactCreateInput, result: returns<Contact>(), access: 'write', changes: CONTACT_CHANGES },
  'contacts.update': { doc: "Changes a contact's fields.", input: contactUpdateInput, result: returns<Contact>(), access: 'write', changes: CONTACT_CHANGES },
  'contacts.delete': { doc: 'Removes a contact; another becomes primary.', input: byId, result: returns<{ id: string }>(), access: 'write', changes: CONTACT_CHANGES },
  'reports.roster': {
    doc: 'Roster data: current members grouped by category (domain order) with counts, then role rank and pinyin; optionally filtered as the register is.',
    input: rosterInput.optional().transform((v) => v ?? { includeUscc: false }),
    result: returns<Roster>(),
    access: 'read',
    reads: ['organization', 'contact', 'alliance'],
  },
});
