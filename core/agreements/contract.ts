// Agreements (合作协议): their inputs, the checks across their fields, and the list's filters.
import { z } from 'zod';
import { AGREEMENT_STATES, AGREEMENT_TYPES, type AgreementState, type AgreementStatus, type AgreementType, type OrganizationCategory } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { optionalDate } from '../contract/validation.js';
import type { Attachment } from '../attachments/fields.js';
import type { AgreementTypeProblem } from './agreement-rules.js';
import { agreementFields, partyFields, type AgreementRecord, type PartyRecord } from './fields.js';

const id = z.string().uuid();
const byId = z.strictObject({ id });

export const partyInput = z.strictObject(inputShape(partyFields));
const agreementShape = { ...inputShape(agreementFields), parties: z.array(partyInput).min(2).max(10) };

interface AgreementDraft {
  status: string;
  signedDate: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  termYears: number | null;
  terminatedDate: string | null;
  parties: { organizationId: string }[];
}

function issue(ctx: z.RefinementCtx, path: string, key: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [path], message, params: { key } });
}

/** Checks across fields: dates in order, one way of giving the end, the dates a status needs, distinct parties. */
function checkAgreement(v: AgreementDraft, ctx: z.RefinementCtx): void {
  if (v.endDate && v.effectiveDate && v.endDate < v.effectiveDate) issue(ctx, 'endDate', 'validation.endBeforeEffective', 'The end date is before the effective date.');
  if (v.endDate && v.termYears) issue(ctx, 'termYears', 'validation.endOrTerm', 'Give an end date or a term, not both.');
  if (v.status === 'signed' && !v.signedDate) issue(ctx, 'signedDate', 'validation.signedDateRequired', 'A signed agreement needs its signing date.');
  if (v.status === 'terminated' && !v.terminatedDate) issue(ctx, 'terminatedDate', 'validation.terminatedDateRequired', 'A terminated agreement needs the date it ended.');
  const seen = new Set<string>();
  v.parties.forEach((party, index) => {
    if (seen.has(party.organizationId)) {
      ctx.addIssue({ code: 'custom', path: ['parties', index, 'organizationId'], message: 'This unit is already a party.', params: { key: 'validation.partyTwice' } });
    }
    seen.add(party.organizationId);
  });
}

export const agreementCreateInput = z.strictObject(agreementShape).superRefine(checkAgreement);
export const agreementUpdateInput = z.strictObject({ id, ...agreementShape }).superRefine(checkAgreement);
export type AgreementInput = z.output<typeof agreementCreateInput>;
export type AgreementUpdateInput = z.output<typeof agreementUpdateInput>;

export const agreementListInput = z.strictObject({
  types: z.array(z.enum(AGREEMENT_TYPES)).max(AGREEMENT_TYPES.length).optional(),
  states: z.array(z.enum(AGREEMENT_STATES)).max(AGREEMENT_STATES.length).optional(),
  from: optionalDate,
  to: optionalDate,
  organizationId: id.optional(),
  eventId: id.optional(),
  text: z.string().max(200).optional(),
  sort: z.enum(['signedDate', 'number', 'expiresOn']).default('signedDate'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
});
export type AgreementListInput = z.output<typeof agreementListInput>;

/** The list's filters without its paging and sort: what the summary export and its preview take. */
export const agreementExportFilters = agreementListInput.omit({ sort: true, direction: true, offset: true, limit: true });
export type AgreementFilters = z.output<typeof agreementExportFilters>;

export const suggestTypeInput = z.strictObject({ organizationIds: z.array(id).max(10), type: z.enum(AGREEMENT_TYPES).optional() });

export type AgreementParty = Omit<PartyRecord, 'organizationId'> & { organizationId: string; name: string; category: OrganizationCategory };

export type Agreement = AgreementRecord & {
  /** draft / in force / expiring within 90 days / expired / terminated, from the dates and today. */
  state: AgreementState;
  eventTitle: string | null;
  amendsNumber: string | null;
  parties: AgreementParty[];
  attachments: Attachment[];
};

export interface AgreementRow {
  id: string;
  number: string;
  title: string;
  type: AgreementType;
  status: AgreementStatus;
  state: AgreementState;
  signedDate: string | null;
  expiresOn: string | null;
  eventId: string | null;
  eventTitle: string | null;
  parties: { organizationId: string; name: string; label: string; signatoryName: string | null }[];
  isSample: boolean;
}

export interface AgreementPage {
  rows: AgreementRow[];
  total: number;
  offset: number;
  limit: number;
}

const READS = ['agreement', 'organization', 'event', 'attachment'] as const;

export const agreementMethods = defineMethods({
  'agreements.list': {
    doc: 'Agreements filtered (type, state incl. in force / expiring / expired, dates, member, event, text) and sorted.',
    input: agreementListInput,
    result: returns<AgreementPage>(),
    access: 'read',
    reads: READS,
  },
  'agreements.get': { doc: 'An agreement with its parties and files.', input: byId, result: returns<Agreement>(), access: 'read', reads: READS },
  'agreements.create': {
    doc: 'Creates an agreement; the type is suggested from the parties when omitted and refused, with the reason, when they cannot have it.',
    input: agreementCreateInput,
    result: returns<Agreement>(),
    access: 'write',
    changes: ['agreement'],
  },
  'agreements.update': { doc: "Replaces an agreement's fields and parties.", input: agreementUpdateInput, result: returns<Agreement>(), access: 'write', changes: ['agreement'] },
  'agreements.delete': {
    doc: 'Deletes an agreement (not one another agreement amends or renews), with its attachments.',
    input: byId,
    result: returns<{ id: string }>(),
    access: 'write',
    // Projects under it stay, without their agreement.
    changes: ['agreement', 'attachment', 'ceremony', 'project'],
  },
  'agreements.suggestType': {
    doc: 'The type the parties suggest, and why a chosen type does not fit them.',
    input: suggestTypeInput,
    result: returns<{ suggested: AgreementType; problem: AgreementTypeProblem | null }>(),
    access: 'read',
    reads: ['organization'],
  },
});
