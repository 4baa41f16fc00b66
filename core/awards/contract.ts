// Plaques (授牌) and appointment letters (聘书): their registers, their lists as files, and their
// certificates printed one A4 page each from a layout adjustable in millimetres (套打).
import { z } from 'zod';
import { AWARD_KINDS, type AwardKind } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';
import { certificateLayout, type CertificateLayout } from './certificate-layout.js';
import { awardFields, type AwardRecord } from './fields.js';

const id = z.string().uuid();

/** A plaque goes to a unit; an appointment letter to a person; validity not before the date. */
function checkAward(a: { kind: AwardKind; organizationId: string | null; personName: string | null; date: string; validUntil: string | null }, ctx: z.RefinementCtx): void {
  if (a.kind === 'plaque' && !a.organizationId) ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'A plaque goes to a member unit.', params: { key: 'validation.required' } });
  if (a.kind === 'appointment' && !a.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'An appointment letter names its appointee.', params: { key: 'validation.required' } });
  if (a.validUntil && a.validUntil < a.date) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'The validity ends before the date.', params: { key: 'validation.validBeforeDate' } });
}

export const awardCreateInput = z.strictObject(inputShape(awardFields)).superRefine(checkAward);
export const awardUpdateInput = z.strictObject({ id, ...inputShape(awardFields) }).superRefine(checkAward);
export const awardListInput = z.strictObject({ kind: z.enum(AWARD_KINDS).optional(), organizationId: id.optional(), text: z.string().max(200).optional() });
export type AwardInput = z.output<typeof awardCreateInput>;
export type AwardUpdateInput = z.output<typeof awardUpdateInput>;
export type AwardListInput = z.output<typeof awardListInput>;

export type Award = AwardRecord & { organizationName: string | null; eventTitle: string | null };

const kind = z.enum(AWARD_KINDS);
const READS = ['award', 'organization', 'event', 'alliance'] as const;

export const awardMethods = defineMethods({
  'awards.list': { doc: 'Plaques and appointment letters, newest first, by kind, unit and words.', input: awardListInput, result: returns<Award[]>(), access: 'read', reads: READS },
  'awards.create': { doc: 'Records a plaque or an appointment letter; a blank number takes the next one.', input: awardCreateInput, result: returns<Award>(), access: 'write', changes: ['award'] },
  'awards.update': { doc: 'Changes a plaque or an appointment letter.', input: awardUpdateInput, result: returns<Award>(), access: 'write', changes: ['award'] },
  'awards.delete': { doc: 'Removes a plaque or an appointment letter.', input: z.strictObject({ id }), result: returns<{ id: string }>(), access: 'write', changes: ['award'] },
  'awards.layout': { doc: "A kind's certificate layout (positions in mm, text), the default until changed.", input: z.strictObject({ kind }), result: returns<CertificateLayout>(), access: 'read', reads: ['settings'] },
  'awards.setLayout': { doc: "Saves a kind's certificate layout for this data file.", input: z.strictObject({ kind, layout: certificateLayout }), result: returns<CertificateLayout>(), access: 'write', changes: ['settings'] },
  'exports.awards': {
    doc: 'The register of plaques or of appointment letters as xlsx, docx or pdf.',
    input: z.strictObject({ kind, format: z.enum(['xlsx', 'docx', 'pdf']).default('xlsx') }),
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: READS,
  },
  'exports.certificates': {
    doc: 'Certificates as a pdf, one A4 page per award (all of the kind, or those given), laid out as the saved layout says.',
    input: z.strictObject({ kind, ids: z.array(id).max(2000).optional() }),
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: READS,
  },
});
