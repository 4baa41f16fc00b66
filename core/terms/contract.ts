// Council terms (届): their composition, personal offices and mid-term changes; the council as of a
// date; a member's role history. The member's current role is read from the current term.
import { z } from 'zod';
import { MEMBER_ROLES, type CouncilOffice, type MemberRole, type OrganizationCategory, type MemberStatus, type TermChangeKind } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { isoDate, optionalText } from '../contract/validation.js';
import { defineMethods, returns } from '../contract/method.js';
import { changeKind, officerInput, seatRole, termFields, type TermRecord } from './fields.js';

const id = z.string().uuid();

export const termInput = z.strictObject(inputShape(termFields));
export const termUpdateInput = z.strictObject({ id, ...inputShape(termFields) });
export const seatInput = z.strictObject({ termId: id, organizationId: id, role: z.enum(MEMBER_ROLES) });
export const termChangeInput = z.strictObject({
  termId: id,
  organizationId: id,
  kind: changeKind,
  /** The role after an 增补 or 调整; none for 退出. */
  role: seatRole.nullish().transform((v) => v ?? null),
  date: isoDate,
  reason: optionalText(500),
  eventId: id.nullish().transform((v) => v ?? null),
});
export const officersInput = z.strictObject({ termId: id, officers: z.array(officerInput).max(200) });
export const makeCurrentInput = z.strictObject({ id, startDate: isoDate, electedEventId: id.nullish().transform((v) => v ?? null) });
export const councilAsOfInput = z.strictObject({ date: isoDate });

export type TermInput = z.output<typeof termInput>;
export type TermUpdateInput = z.output<typeof termUpdateInput>;
export type SeatInput = z.output<typeof seatInput>;
export type TermChangeInput = z.output<typeof termChangeInput>;
export type OfficersInput = z.output<typeof officersInput>;
export type MakeCurrentInput = z.output<typeof makeCurrentInput>;

export type TermSummary = TermRecord & { name: string; electedEventTitle: string | null; seatCount: number; officerCount: number; changeCount: number };

export interface TermSeat {
  id: string;
  organizationId: string;
  name: string;
  category: OrganizationCategory;
  status: MemberStatus;
  role: MemberRole;
  fromDate: string | null;
  toDate: string | null;
}

export interface TermOfficer {
  id: string;
  office: CouncilOffice;
  personName: string;
  organizationId: string | null;
  organizationName: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export interface TermChange {
  id: string;
  organizationId: string;
  organizationName: string;
  kind: TermChangeKind;
  roleBefore: MemberRole | null;
  roleAfter: MemberRole | null;
  date: string;
  reason: string | null;
  eventId: string | null;
  eventTitle: string | null;
}

export type TermDetail = TermSummary & { seats: TermSeat[]; officers: TermOfficer[]; changes: TermChange[] };

/** The council on a day: the term in office then, the seats held that day, the officers then. */
export interface CouncilAsOf {
  date: string;
  term: TermSummary | null;
  members: { organizationId: string; name: string; category: OrganizationCategory; role: MemberRole; fromDate: string | null }[];
  officers: TermOfficer[];
}

/** One span of a member's role: in which term, from when to when, and the change that began it. */
export interface RoleSpan {
  termId: string;
  termName: string;
  termOrdinal: number | null;
  termState: TermRecord['state'];
  role: MemberRole;
  fromDate: string | null;
  toDate: string | null;
  change: { kind: TermChangeKind; date: string; reason: string | null; eventTitle: string | null } | null;
}

const READS = ['term', 'organization', 'event'] as const;
const CHANGES = ['term', 'organization'] as const;

export const termMethods = defineMethods({
  'terms.list': { doc: 'The council terms, newest first, with their counts.', input: z.strictObject({}), result: returns<TermSummary[]>(), access: 'read', reads: READS },
  'terms.get': { doc: 'A term with its seats, officers and mid-term changes.', input: z.strictObject({ id }), result: returns<TermDetail>(), access: 'read', reads: READS },
  'terms.create': { doc: 'Records a past term (state closed), to enter the council history.', input: termInput, result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.update': { doc: "Changes a term's number, dates, electing meeting or notes.", input: termUpdateInput, result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.delete': { doc: 'Removes a draft or past term with its seats; the current term cannot be removed.', input: z.strictObject({ id }), result: returns<{ id: string }>(), access: 'write', changes: CHANGES },
  'terms.setSeat': {
    doc: "Corrects a member's role in a term's composition (成员单位 removes its seat); in the current term this is the member's role.",
    input: seatInput,
    result: returns<TermDetail>(),
    access: 'write',
    changes: CHANGES,
  },
  'terms.recordChange': { doc: 'Records a dated mid-term change (增补, 调整, 退出) in the current term.', input: termChangeInput, result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.undoChange': { doc: "Takes back a member's latest mid-term change, as if it had not been recorded.", input: z.strictObject({ id }), result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.setOfficers': { doc: "Replaces a term's personal offices (理事长, 副理事长, 秘书长, 副秘书长).", input: officersInput, result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.startNext': { doc: '换届: starts the next term as a draft holding the current composition and offices.', input: z.strictObject({}), result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.makeCurrent': { doc: 'Makes the draft term current from its electing meeting; the current one closes the day before.', input: makeCurrentInput, result: returns<TermDetail>(), access: 'write', changes: CHANGES },
  'terms.council': { doc: 'The council as of a date: the term then, each seat held that day, the officers.', input: councilAsOfInput, result: returns<CouncilAsOf>(), access: 'read', reads: READS },
  'terms.roleHistory': { doc: "A member's roles across terms, with the changes that made them.", input: z.strictObject({ organizationId: id }), result: returns<RoleSpan[]>(), access: 'read', reads: READS },
});

