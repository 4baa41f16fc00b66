// What leaves the secretariat as files, and the print preview of the same layouts.
import { z } from 'zod';
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
}

const formatOf = <N extends ExportName>(name: N) => z.enum(EXPORTS[name]).default(EXPORTS[name][0] as (typeof EXPORTS)[N][number]);

export const rosterExportInput = rosterInput.extend({ format: formatOf('roster') });
export const agreementsExportInput = agreementExportFilters.extend({ format: formatOf('agreements') });
export const meetingExportInput = z.strictObject({ id: z.string().uuid(), format: formatOf('meeting'), part: z.enum(['both', 'record', 'signIn']).default('both') });
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
    doc: 'The council list (理事会组成名单): the role holders by rank, with their representatives.',
    // Grouped by rank whatever the order; within a rank by 拼音 or 笔画.
    input: z.strictObject({ format: formatOf('council'), order: z.enum(['rolePinyin', 'roleStroke']).default('rolePinyin') }),
    result: returns<FileContent>(),
    access: 'read',
    job: true,
    reads: ROSTER_READS,
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
  'reports.preview': {
    doc: 'A report laid out as printed (title, headings, tables), for the print preview; the same layout docx and pdf get.',
    input: previewInput,
    result: returns<ReportDocument>(),
    access: 'read',
    reads: [...ROSTER_READS, ...AGREEMENT_READS],
  },
});
