// Input schemas of agreements, the signing ceremony and settings (registered in core/api.ts).
import { z } from 'zod';
import { AGREEMENT_STATES, AGREEMENT_STATUSES, AGREEMENT_TYPES } from '../contract/codes.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';

const id = z.string().uuid();

export const partyInput = z.strictObject({
  organizationId: id,
  label: optionalText(10),
  signatoryName: optionalText(50),
  signatoryTitle: optionalText(100),
  sealAffixed: z.boolean().default(false),
});

const agreementShape = {
  /** Blank: the next number from the pattern. */
  number: optionalText(60),
  title: requiredText(300),
  /** Omitted: suggested from the parties' categories. */
  type: z.enum(AGREEMENT_TYPES).optional(),
  status: z.enum(AGREEMENT_STATUSES).default('draft'),
  signedDate: optionalDate,
  place: optionalText(200),
  eventId: id.nullish().transform((v) => v ?? null),
  effectiveDate: optionalDate,
  endDate: optionalDate,
  termYears: z.number().int().min(1).max(50).nullish().transform((v) => v ?? null),
  terminatedDate: optionalDate,
  summary: optionalText(4000),
  tags: z.array(requiredText(30)).max(30).default([]),
  amendsId: id.nullish().transform((v) => v ?? null),
  parties: z.array(partyInput).min(2).max(10),
};

type AgreementDraft = {
  status: string;
  signedDate: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  termYears: number | null;
  terminatedDate: string | null;
  parties: { organizationId: string }[];
};

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

/** The list's filters without its paging and sort: what the summary export and its preview take. */
export const agreementExportFilters = agreementListInput.omit({ sort: true, direction: true, offset: true, limit: true });

export const suggestTypeInput = z.strictObject({ organizationIds: z.array(id).max(10), type: z.enum(AGREEMENT_TYPES).optional() });

/** One signing planned for a ceremony: becomes a draft agreement linked to the event. */
export const plannedSigningInput = z.strictObject({
  title: requiredText(300),
  type: z.enum(AGREEMENT_TYPES).optional(),
  summary: optionalText(4000),
  tags: z.array(requiredText(30)).max(30).default([]),
  termYears: z.number().int().min(1).max(50).nullish().transform((v) => v ?? null),
  parties: z.array(partyInput).min(2).max(10),
});

export const ceremonyPlanInput = z.strictObject({ eventId: id, signings: z.array(plannedSigningInput).min(1).max(100) });
export const ceremonyEventInput = z.strictObject({ eventId: id });
export const ceremonyMoveInput = z.strictObject({ eventId: id, agreementId: id, direction: z.enum(['up', 'down']) });

export const settingsUpdateInput = z.strictObject({ agreementNumberPattern: requiredText(60) });

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const attachmentAddInput = z.strictObject({
  ownerType: z.enum(['agreement', 'event']),
  ownerId: id,
  fileName: z.string().max(1000),
  /** The file's bytes, base64: the UI sends content, never a path. */
  // Loose here; the attachment store measures the decoded size and names the limit.
  contentBase64: z.string().max(MAX_ATTACHMENT_BYTES * 2),
});
