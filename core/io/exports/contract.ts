// What leaves the secretariat as files, and the print preview of the same layouts.
import { z } from 'zod';
import { isoDate } from '../../contract/validation.js';
import { TALENT_DIRECTIONS } from '../../contract/codes.js';
import { defineMethods, returns } from '../../contract/method.js';
import { agreementExportFilters } from '../../agreements/contract.js';
import { rosterFilterShape, rosterInput } from '../../members/contract.js';
import type { ReportDocument } from './document.js';
import { EXPORTS, type ExportName } from './formats.js';

export interface FileContent {
  fileName: string;
  mimeType: string;
  /** base64 */
  bytes: string;
  /** Characters no embedded face could show (pdf): printed as empty boxes, so the clerk is told. */
  missingCharacters?: string[];
}

const formatOf = <N extends ExportName>(name: N) => z.enum(EXPORTS[name]).default(EXPORTS[name][0] as (typeof EXPORTS)[N][number]);

export const rosterExportInput = rosterInput.extend({ format: formatOf('roster') });
export const agreementsExportInput = agreementExportFilters.extend({ format: formatOf('agreements') });
/** Blank rows for walk-ins under the invited units of a sign-in sheet. */
const spareRows = z.number().int().min(0).max(200).default(5);
export const meetingExportInput = z.strictObject({ id: z.string().uuid(), format: formatOf('meeting'), part: z.enum(['both', 'record', 'signIn']).default('both'), spareRows });
export const signInExportInput = z.strictObject({ id: z.string().uuid(), format: formatOf('signin'), spareRows });
export const contactsExportInput = z.strictObject({ format: formatOf('contacts'), ...rosterFilterShape });
export const talentExportInput = z.strictObject({ format: formatOf('talent'), direction: z.enum(TALENT_DIRECTIONS).optional() });
export type SignInExportInput = z.output<typeof signInExportInput>;
export type ContactsExportInput = z.output<typeof contactsExportInput>;
export type TalentExportInput = z.output<typeof talentExportInput>;
export type RosterExportInput = z.output<typeof rosterExportInput>;
export type AgreementsExportInput = z.output<typeof agreementsExportInput>;
export type MeetingExportInput = z.output<typeof meetingExportInput>;

export const previewInput = z.discriminatedUnion('report', [
  z.strictObject({ report: z.literal('roster'), includeUscc: z.boolean().default(false), ...rosterFilterShape }),
  z.strictObject({ report: z.literal('agreements'), ...agreementExportFilters.shape }),
]);
export type PreviewInput = z.output<typeof previewInput>;

const ROSTER_READS = ['organization', 'contact', 'alliance'] as const;
const AGREEMENT_READS = ['agreement', 'organization', 'event', 'alliance'] as const;

export const exportMethods = defineMethods({
  'exports.roster': {
    doc: "The member roster as a file: grouped by category with counts, with the register's filters; USCC only in the internal version.",
    input: rosterExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ROSTER_READS,
  },
  'exports.council': {
    doc: 'The council list (理事会组成名单) as of a day (today by default): its officers, then the seats by rank, with their representatives.',
    // Grouped by rank whatever the order; within a rank by 拼音 or 笔画.
    input: z.strictObject({ format: formatOf('council'), order: z.enum(['rolePinyin', 'roleStroke']).default('rolePinyin'), asOf: isoDate.optional() }),
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: [...ROSTER_READS, 'term'],
  },
  'exports.agreements': {
    doc: "The agreement summary as a file, with the list's filters; xlsx adds subtotals by type and the agreements expiring within 90 days.",
    input: agreementsExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: AGREEMENT_READS,
  },
  'exports.meeting': {
    doc: "A meeting's record (agenda, attendance, signings, minutes) and its sign-in sheet with an empty signature column.",
    input: meetingExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ['event', 'agreement', 'organization', 'alliance'],
  },
  'exports.signIn': {
    doc: "A meeting's sign-in sheet (签到表): the invited units with the person coming and their 职务, then spare rows for walk-ins.",
    input: signInExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ['event', 'organization', 'contact', 'alliance'],
  },
  'exports.contacts': {
    doc: 'The 通讯录: a row per person (unit, name, title, mobile, landline, email, address, postcode), with the roster\'s filters and order; csv for mail merge.',
    input: contactsExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ROSTER_READS,
  },
  'exports.talent': {
    doc: 'The talent supply and demand lists (人才供给/需求信息表), both or one.',
    input: talentExportInput,
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ['talent', 'organization', 'event', 'alliance'],
  },
  'reports.preview': {
    doc: 'A report laid out as printed (title, headings, tables), for the print preview; the same layout docx and pdf get.',
    input: previewInput,
    result: returns<ReportDocument>(),
    access: 'read',
    reads: [...ROSTER_READS, ...AGREEMENT_READS],
  },
});
