// The API contract: every method once, with its zod input schema and its result type.
// The dispatcher, the IPC bridge, the HTTP host, the renderer's client and the tests are typed from it.
import { z } from 'zod';
import { ALLIANCE_LEVELS, MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES } from './codes.js';
import type { ErrorShape } from './errors.js';
import {
  agreementCreateInput,
  agreementExportFilters,
  agreementListInput,
  agreementUpdateInput,
  attachmentAddInput,
  ceremonyEventInput,
  ceremonyMoveInput,
  ceremonyPlanInput,
  settingsUpdateInput,
  suggestTypeInput,
} from '../agreements/contract.js';
import { eventCreateInput, eventListInput, eventUpdateInput, talentCreateInput, talentListInput, talentUpdateInput } from '../events/contract.js';
import type { AgreementTypeProblem } from '../agreements/agreement-rules.js';
import type { ReportDocument } from '../io/exports/document.js';
import { IMPORT_FIELDS } from '../io/imports/columns.js';
import type { CommitResult, ImportBatch, ImportPreviewRow, StageResult } from '../io/imports/member-import.js';
import type { RowStatus } from '../io/imports/plan.js';
import type { AgreementType } from './codes.js';
import type {
  Agreement,
  AgreementPage,
  Attachment,
  CeremonyState,
  Dashboard,
  EventRow,
  FileContent,
  MeetingEvent,
  TalentItem,
  AllianceProfile,
  AppOverview,
  BackupInfo,
  CheckReport,
  ChangeLogEntry,
  ChangeSummary,
  Contact,
  Member,
  MemberPage,
  MemberSaved,
  Roster,
  UsccCheck,
} from './types.js';
import { matching, optionalDate, optionalText, optionalUscc, requiredText } from './validation.js';

const id = z.string().uuid();
const category = z.enum(ORGANIZATION_CATEGORIES);
const role = z.enum(MEMBER_ROLES);

const contactFields = {
  name: requiredText(50),
  title: optionalText(100),
  phone: optionalText(50),
  mobile: optionalText(50),
  email: optionalText(200).pipe(matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email', 'Expected an e-mail address.').nullable()),
  isPrimary: z.boolean().default(false),
};

/** A contact as part of a member form; `id` present for an existing contact. */
const memberContactInput = z.strictObject({ id: id.optional(), ...contactFields });

const memberFields = {
  name: requiredText(200),
  shortName: optionalText(100),
  aliases: z.array(requiredText(200)).max(20).default([]),
  category,
  uscc: optionalUscc,
  role: role.default('member'),
  joinDate: optionalDate,
  address: optionalText(300),
  postcode: optionalText(10).pipe(matching(/^\d{6}$/, 'validation.postcode', 'A postcode has 6 digits.').nullable()),
  website: optionalText(300),
  legalRepresentative: optionalText(50),
  notes: optionalText(2000),
  pinyinOverride: optionalText(500).pipe(matching(/^[a-zA-Züv0-5 ]+$/, 'validation.pinyin', 'Pinyin letters, spaces and tone digits only.').nullable()),
  contacts: z.array(memberContactInput).max(50).default([]),
};

const currentStatus = z.enum(['applied', 'active', 'suspended']);

export const memberCreateInput = z.strictObject({ ...memberFields, status: currentStatus.default('active') });
export const memberUpdateInput = z.strictObject({ id, ...memberFields });

export const memberListInput = z.strictObject({
  categories: z.array(category).max(ORGANIZATION_CATEGORIES.length).optional(),
  roles: z.array(role).max(MEMBER_ROLES.length).optional(),
  statuses: z.array(z.enum(MEMBER_STATUSES)).max(MEMBER_STATUSES.length).optional(),
  text: z.string().max(200).optional(),
  sort: z.enum(['pinyin', 'role', 'joinDate', 'category']).default('pinyin'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(100),
});

const rosterInput = z.strictObject({
  includeUscc: z.boolean().default(false),
  categories: memberListInput.shape.categories,
  roles: memberListInput.shape.roles,
  text: memberListInput.shape.text,
});

const importPlanInput = z.strictObject({
  uploadId: id,
  /** One entry per column of the header row: the field it holds, or null to ignore it. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500).optional(),
  onDuplicate: z.enum(['skip', 'fill', 'overwrite']).default('skip'),
  /** Choices for single rows (by sheet row number) that differ from onDuplicate. */
  rowActions: z.record(z.string().regex(/^\d{1,7}$/), z.enum(['skip', 'fill', 'overwrite'])).optional(),
});

export const memberStatusInput = z
  .strictObject({
    id,
    status: z.enum(MEMBER_STATUSES),
    date: optionalDate,
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'withdrawn' && v.status !== 'expelled') return;
    if (!v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Required when a member leaves.', params: { key: 'validation.exitDateRequired' } });
    if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Required when a member leaves.', params: { key: 'validation.exitReasonRequired' } });
  });

export const contactCreateInput = z.strictObject({ organizationId: id, ...contactFields });
export const contactUpdateInput = z.strictObject({ id, ...contactFields });

export const allianceUpdateInput = z.strictObject({
  name: requiredText(200),
  shortName: optionalText(100),
  level: z.enum(ALLIANCE_LEVELS).nullish().transform((v) => v ?? null),
  foundingDate: optionalDate,
  leadUnits: z.array(requiredText(200)).max(20).default([]),
  secretariatHost: optionalText(200),
  councilTerm: optionalText(50),
});

const empty = z.strictObject({}).optional().transform(() => ({}));
const byId = z.strictObject({ id });

export const apiSchemas = {
  /** Profile and member counts: drives the empty state and the sample-data banner. */
  'app.overview': empty,
  /** Loads the sample alliance (长春市汽车产业集群产教联合体) into an empty database. */
  'sample.load': empty,
  'alliance.get': empty,
  /** Creates or replaces the alliance profile. */
  'alliance.update': allianceUpdateInput,
  /** One page of members, filtered and sorted by the core, with the total. */
  'members.list': memberListInput,
  'members.get': byId,
  /** Creates a member with its contacts; refuses duplicates (same USCC, or same name among current members). */
  'members.create': memberCreateInput,
  /** Replaces a member's fields and its contact list (contacts without an id are added, missing ones removed). */
  'members.update': memberUpdateInput,
  /** Moves a member between statuses; withdrawing or expelling needs a date and a reason. */
  'members.setStatus': memberStatusInput,
  /** Deletes a member only when no record refers to it. */
  'members.delete': byId,
  /** Normalises and checks a USCC, with a warning when its prefix does not fit the category. */
  'members.checkUscc': z.strictObject({ uscc: z.string().max(100), category: category.optional() }),
  'contacts.list': z.strictObject({ organizationId: id }),
  'contacts.create': contactCreateInput,
  'contacts.update': contactUpdateInput,
  'contacts.delete': byId,
  /** Roster data: current members grouped by category (domain order) with counts, then role rank and pinyin; optionally filtered as the register is. */
  'reports.roster': rosterInput.optional().transform((v) => v ?? { includeUscc: false }),
  /** A report laid out as printed (title, headings, tables), for the print preview; the same layout docx and pdf get. */
  'reports.preview': z.discriminatedUnion('report', [
    z.strictObject({ report: z.literal('roster'), ...rosterInput.shape }),
    z.strictObject({ report: z.literal('agreements'), ...agreementExportFilters.shape }),
  ]),
  /** The change log of one record, newest first. */
  'changes.forRecord': z.strictObject({
    entity: z.enum(['organization', 'contact', 'alliance', 'agreement', 'event', 'talent', 'attachment']),
    id: z.string().min(1).max(100),
  }),
  /** The alliance-wide activity list: every change, newest first. */
  'changes.recent': z.strictObject({
    entity: z.enum(['organization', 'contact', 'alliance', 'agreement', 'event', 'talent', 'attachment']).optional(),
    action: z.enum(['create', 'update', 'delete']).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  /** Brings back a deleted member or agreement from the snapshot its deletion logged. */
  'changes.restore': z.strictObject({ id: z.number().int().min(1) }),
  /** Settings of this database file, such as the agreement number pattern ({year}-{type}-{seq}). */
  'settings.get': empty,
  'settings.update': settingsUpdateInput,
  /** Agreements filtered (type, state incl. in force / expiring / expired, dates, member, event, text) and sorted. */
  'agreements.list': agreementListInput,
  'agreements.get': byId,
  /** Creates an agreement; the type is suggested from the parties when omitted and refused, with the reason, when they cannot have it. */
  'agreements.create': agreementCreateInput,
  'agreements.update': agreementUpdateInput,
  /** Deletes an agreement (not one another agreement amends or renews), with its attachments. */
  'agreements.delete': byId,
  /** The type the parties suggest, and why a chosen type does not fit them. */
  'agreements.suggestType': suggestTypeInput,
  /** Stores a file (sent as base64, never as a path) inside the data folder under its content hash. */
  'attachments.add': attachmentAddInput,
  /** A stored file, for the shell to save or open. */
  'attachments.read': byId,
  'attachments.remove': byId,
  'events.list': eventListInput,
  /** An event with its agenda, attendance, agreements signed there and attachments. */
  'events.get': byId,
  'events.create': eventCreateInput,
  /** Replaces an event's fields, agenda and attendance. */
  'events.update': eventUpdateInput,
  /** Deletes an event unless agreements were signed at it. */
  'events.delete': byId,
  /** Marks everyone still "invited" as attended. */
  'events.markAllAttended': byId,
  /** The ceremony's planned signings and which is next. */
  'ceremony.state': ceremonyEventInput,
  /** Appends signings (as draft agreements of the event) to its plan. */
  'ceremony.plan': ceremonyPlanInput,
  /** Moves a signing not yet done earlier or later in the order. */
  'ceremony.move': ceremonyMoveInput,
  /** Marks the current signing done (time recorded, agreement signed on the event's date). */
  'ceremony.mark': ceremonyEventInput,
  /** Takes back the last mark. */
  'ceremony.undo': ceremonyEventInput,
  'talent.list': talentListInput,
  'talent.create': talentCreateInput,
  'talent.update': talentUpdateInput,
  'talent.delete': byId,
  /** Members by category, agreements by type and state, what expires within 90 days, recent and coming events. */
  'dashboard.summary': empty,
  /** The member roster as a file: grouped by category with counts, with the register's filters; USCC only in the internal version. */
  'exports.roster': rosterInput.extend({ format: z.enum(['xlsx', 'docx', 'pdf', 'csv']).default('xlsx') }),
  /** The council list (理事会组成名单): the role holders by rank, with their representatives. */
  'exports.council': z.strictObject({ format: z.enum(['xlsx', 'docx', 'pdf']).default('xlsx') }),
  /** The agreement summary as a file, with the list's filters; xlsx adds subtotals by type and the agreements expiring within 90 days. */
  'exports.agreements': agreementExportFilters.extend({ format: z.enum(['xlsx', 'docx', 'pdf', 'csv']).default('xlsx') }),
  /** A meeting's record (agenda, attendance, signings, minutes) and its sign-in sheet with an empty signature column. */
  'exports.meeting': z.strictObject({ id, format: z.enum(['docx', 'pdf']).default('docx'), part: z.enum(['both', 'record', 'signIn']).default('both') }),
  /** Reads a member spreadsheet (xlsx, or csv in UTF-8, UTF-16 or GB18030), finds its header row and suggests a column mapping; the file stays staged for preview and commit. */
  // The size cap itself (IMPORT_LIMITS) is checked on the bytes, with a message that names it.
  'imports.stage': z.strictObject({ fileName: requiredText(255), bytes: z.string().max(31_000_000) }),
  /** Every row of a staged file as new / update / duplicate / error, with the reason. */
  'imports.preview': importPlanInput,
  /** Imports a staged file in one transaction as a batch that can be undone; with invalid rows, nothing unless skipInvalid. */
  'imports.commit': importPlanInput.extend({ skipInvalid: z.boolean().default(false) }),
  /** How far a running commit is (rows done of total), or null when none runs. */
  'imports.progress': z.strictObject({ uploadId: id }),
  /** Stops a running commit; nothing of it is kept. */
  'imports.cancel': z.strictObject({ uploadId: id }),
  /** The rows that cannot be imported, with reasons, as an xlsx to correct. */
  'imports.rejectedReport': importPlanInput,
  /** Recent imports, newest first. */
  'imports.batches': empty,
  /** Undoes an import as a whole: removes the members it created, puts back those it changed. */
  'imports.undo': byId,
  /** Backups kept in the data folder, newest first. */
  'backups.list': empty,
  /** "Back up now": a consistent copy's bytes, for the shell to save where the clerk chooses. */
  'backups.create': empty,
  /** Restores a backup from the list (by name, never by path), after checking it; the current data is backed up first. */
  'backups.restore': z.strictObject({ name: z.string().min(1).max(200) }),
  /** Restores a database file the clerk chose (sent as bytes). */
  'backups.restoreFile': z.strictObject({ fileName: z.string().max(1000), contentBase64: z.string().min(1).max(48 * 1024 * 1024) }),
  /** Runs SQLite's full integrity_check on the open database. */
  'app.check': empty,
  /** Opens the data folder at this path (a folder, or its alliance.sqlite), after the current one is closed cleanly. */
  'files.open': z.strictObject({ path: z.string().min(1).max(1000) }),
  /** Starts a new, empty data folder at this path and switches to it. */
  'files.create': z.strictObject({ path: z.string().min(1).max(1000) }),
  /** Copies the open data (database and attachments) to a new data folder and continues there. */
  'files.saveAs': z.strictObject({ path: z.string().min(1).max(1000) }),
} as const;

export interface ApiResults {
  'app.overview': AppOverview;
  'sample.load': AppOverview;
  'alliance.get': AllianceProfile | null;
  'alliance.update': AllianceProfile;
  'members.list': MemberPage;
  'members.get': Member;
  'members.create': MemberSaved;
  'members.update': MemberSaved;
  'members.setStatus': Member;
  'members.delete': { id: string };
  'members.checkUscc': UsccCheck;
  'contacts.list': Contact[];
  'contacts.create': Contact;
  'contacts.update': Contact;
  'contacts.delete': { id: string };
  'reports.roster': Roster;
  'changes.forRecord': ChangeLogEntry[];
  'changes.recent': { rows: ChangeSummary[]; total: number };
  'changes.restore': { entity: string; id: string };
  'settings.get': { agreementNumberPattern: string };
  'settings.update': { agreementNumberPattern: string };
  'agreements.list': AgreementPage;
  'agreements.get': Agreement;
  'agreements.create': Agreement;
  'agreements.update': Agreement;
  'agreements.delete': { id: string };
  'agreements.suggestType': { suggested: AgreementType; problem: AgreementTypeProblem | null };
  'attachments.add': Attachment;
  'attachments.read': FileContent;
  'attachments.remove': { id: string };
  'events.list': EventRow[];
  'events.get': MeetingEvent;
  'events.create': MeetingEvent;
  'events.update': MeetingEvent;
  'events.delete': { id: string };
  'events.markAllAttended': MeetingEvent;
  'ceremony.state': CeremonyState;
  'ceremony.plan': CeremonyState;
  'ceremony.move': CeremonyState;
  'ceremony.mark': CeremonyState;
  'ceremony.undo': CeremonyState;
  'talent.list': TalentItem[];
  'talent.create': TalentItem;
  'talent.update': TalentItem;
  'talent.delete': { id: string };
  'dashboard.summary': Dashboard;
  'reports.preview': ReportDocument;
  'exports.roster': FileContent;
  'exports.council': FileContent;
  'imports.stage': StageResult;
  'imports.preview': { rows: ImportPreviewRow[]; counts: Record<RowStatus, number> };
  'imports.commit': CommitResult;
  'imports.progress': { done: number; total: number } | null;
  'imports.cancel': { cancelled: boolean };
  'imports.rejectedReport': FileContent;
  'imports.batches': ImportBatch[];
  'imports.undo': { removed: number; restored: number };
  'exports.meeting': FileContent;
  'exports.agreements': FileContent;
  'backups.list': BackupInfo[];
  'backups.create': FileContent;
  'backups.restore': { restored: string };
  'backups.restoreFile': { restored: string };
  'app.check': CheckReport;
  'files.open': { dataFile: string };
  'files.create': { dataFile: string };
  'files.saveAs': { dataFile: string };
}

export type ApiMethod = keyof typeof apiSchemas;
/** What a caller sends (defaults may be omitted). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;
/** What a handler receives after parsing. */
export type ApiParsed<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

export const apiMethods = Object.keys(apiSchemas) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}

/** What every transport carries back: a result, or the one error shape. */
export type ApiResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorShape };
