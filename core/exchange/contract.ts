// The exchange between clerks' copies of one register: an exchange file out (what a partner has not
// seen), and in — staged, reviewed item by item, then merged in one transaction.
import { z } from 'zod';
import { defineMethods, returns, type Entity } from '../contract/method.js';
import { requiredText } from '../contract/validation.js';
import type { FileContent } from '../io/exports/contract.js';

/** newer: the later change wins (the same result on every replica); mine / theirs: this copy's or the file's. */
export const EXCHANGE_RULES = ['newer', 'mine', 'theirs'] as const;
export type ExchangeRule = (typeof EXCHANGE_RULES)[number];
export type ExchangeSide = 'mine' | 'theirs';

/**
 * new: a record only the file has. changed: changed there only. conflict: one field changed on both
 * sides. deleteEdit: deleted on one side, changed on the other. duplicate: the same unit (term,
 * signing) created on both sides with two ids, merged into one. numbering: one number given twice.
 * deleted: deleted there, unchanged here.
 */
export const EXCHANGE_ITEM_KINDS = ['conflict', 'deleteEdit', 'duplicate', 'numbering', 'new', 'changed', 'deleted'] as const;
export type ExchangeItemKind = (typeof EXCHANGE_ITEM_KINDS)[number];

export interface ExchangeItem {
  /** Stable for one file and one register: a choice is sent back under it. */
  key: string;
  kind: ExchangeItemKind;
  table: string;
  /** The record the clerk knows (a contact's unit, an agreement's party → its agreement). */
  record: { entity: string; id: string; label: string };
  rowId: string;
  field?: string;
  mine?: unknown;
  theirs?: unknown;
  /** When each side made its change (ISO), and on which copy. */
  mineAt?: string;
  theirsAt?: string;
  mineReplica?: string;
  theirsReplica?: string;
  /** deleteEdit: the side that deleted. */
  deletedBy?: ExchangeSide;
  /** numbering: the number given instead; duplicate: the label of the record kept. */
  proposal?: string;
  /** conflict and deleteEdit: the side the merge takes with the rule and choices sent. */
  chosen?: ExchangeSide;
}

export interface ExchangeReview {
  uploadId: string;
  fileName: string;
  from: { replica: string; label: string; createdAt: string };
  /** This very file was merged before: merging it again changes nothing. */
  alreadyRead: boolean;
  /** Records in the file by kind of record. */
  holds: Record<string, number>;
  counts: Record<ExchangeItemKind, number>;
  items: ExchangeItem[];
  /** Attachment files the file carries, and those this copy lacks and the file does not carry. */
  files: { carried: number; missing: number };
}

export interface ExchangePartner {
  replica: string;
  label: string;
  lastImportAt: string | null;
}

export interface ExchangeInfo {
  replica: string;
  label: string;
  partners: ExchangePartner[];
}

/** `rows`: the records it holds (a unit with its contacts and history is one). */
export type ExchangeExport = FileContent & { holds: Record<string, number>; rows: number };

export interface ExchangeApplied {
  counts: Record<ExchangeItemKind, number>;
  alreadyRead: boolean;
}

const replicaId = z.string().regex(/^[0-9a-f]{32}$/, 'A replica id is 32 hexadecimal digits.');
const choices = z.record(z.string().max(300), z.enum(['mine', 'theirs'])).refine((r) => Object.keys(r).length <= 200_000, 'Too many choices.');
export const exchangeDecisionInput = z.strictObject({ uploadId: z.string().uuid(), rule: z.enum(EXCHANGE_RULES).default('newer'), choices: choices.optional() });
export const exchangeStageInput = z.strictObject({ fileName: requiredText(255), bytes: z.string().max(33_000_000) });

/** Every record kind: an exchange reads and merges them all. */
const RECORDS: readonly Entity[] = ['alliance', 'organization', 'contact', 'agreement', 'attachment', 'event', 'ceremony', 'talent', 'term', 'project', 'award'];
const empty = z.strictObject({}).optional().transform(() => ({}));

export const exchangeMethods = defineMethods({
  'exchange.info': { doc: "This copy's replica id and name, and the partners it has merged files from.", input: empty, result: returns<ExchangeInfo>(), access: 'read', reads: ['history'] },
  'exchange.export': {
    doc: 'An exchange file holding every change the partner has not seen (or everything), with the attachment files it needs.',
    input: z.strictObject({ partner: replicaId.optional(), all: z.boolean().default(false) }),
    result: returns<ExchangeExport>(),
    access: 'read',
    job: true,
    reads: RECORDS,
  },
  'exchange.stage': {
    doc: "Checks an exchange file (format, version, checksum) and shows what merging it would do, before anything is written.",
    input: exchangeStageInput,
    result: returns<ExchangeReview>(),
    access: 'read',
    job: true,
    reads: RECORDS,
  },
  'exchange.review': {
    doc: 'The review of a staged exchange file again, with a rule and the choices made so far.',
    input: exchangeDecisionInput,
    result: returns<ExchangeReview>(),
    access: 'read',
    job: true,
    reads: RECORDS,
  },
  'exchange.apply': {
    doc: 'Merges a staged exchange file in one transaction, each conflict resolved by the choices sent or else the rule; the losing values stay findable and restorable.',
    input: exchangeDecisionInput,
    result: returns<ExchangeApplied>(),
    access: 'write',
    job: true,
    changes: 'all',
  },
  'exchange.losers': {
    doc: 'The values that lost a conflict of a record, newest first.',
    input: z.strictObject({ table: z.string().max(40).optional(), rowId: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    result: returns<ExchangeLoser[]>(),
    access: 'read',
    reads: ['history'],
  },
  'exchange.restoreLoser': {
    doc: 'Puts a value that lost a conflict back, as a new change of this copy (it then reaches the others).',
    input: z.strictObject({ id: z.number().int().min(1) }),
    result: returns<{ table: string; rowId: string }>(),
    access: 'write',
    changes: 'all',
  },
});

export interface ExchangeLoser {
  id: number;
  /** The record the value belonged to, as the clerk knows it (吉林大学, 吉林大学 · 王老师). */
  label: string;
  at: string;
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  changedAt: string;
  replica: string;
}
