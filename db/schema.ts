// Drizzle table definitions. Migrations in db/migrations are generated from this file
// by `npm run db:generate` and committed; never edit a generated migration by hand.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row per database file: the alliance the secretariat serves. */
export const allianceProfile = sqliteTable('alliance_profile', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  level: text('level'), // national | provincial | municipal
  foundingDate: text('founding_date'),
  leadUnits: text('lead_units', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  secretariatHost: text('secretariat_host'),
  councilTerm: text('council_term'),
  isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});

export const organizations = sqliteTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    formerNames: text('former_names', { mode: 'json' })
      .$type<{ name: string; until: string | null }[]>()
      .notNull()
      .default(sql`'[]'`),
    category: text('category').notNull(),
    uscc: text('uscc'),
    role: text('role').notNull(),
    roleRank: integer('role_rank').notNull(),
    rosterRank: integer('roster_rank'),
    status: text('status').notNull(),
    joinDate: text('join_date'),
    exitDate: text('exit_date'),
    exitReason: text('exit_reason'),
    address: text('address'),
    postcode: text('postcode'),
    website: text('website'),
    legalRepresentative: text('legal_representative'),
    notes: text('notes'),
    // Pinyin order cannot come from SQLite's byte order; this key is built by core/pinyin.ts.
    pinyinKey: text('pinyin_key').notNull(),
    pinyinOverride: text('pinyin_override'),
    // 笔画 (stroke) order, built by core/text/strokes.ts; '' until the app fills it (rows from before the column).
    strokeKey: text('stroke_key').notNull().default(''),
    // Lower-cased name, aliases, USCC and contacts, so one LIKE finds a member by any of them.
    searchText: text('search_text').notNull(),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('organizations_uscc_unique').on(t.uscc).where(sql`${t.uscc} IS NOT NULL`),
    // "Unique among active members": withdrawn or expelled units may share a name with a current one.
    uniqueIndex('organizations_current_name_unique')
      .on(t.name)
      .where(sql`${t.status} NOT IN ('withdrawn', 'expelled')`),
    index('organizations_category_rank_pinyin').on(t.category, t.roleRank, t.pinyinKey),
    // Manual order: the numbered ones first, by number, then the rest by pinyin.
    index('organizations_manual').on(sql`${t.rosterRank} IS NULL`, t.rosterRank, t.pinyinKey),
    index('organizations_pinyin').on(t.pinyinKey),
    index('organizations_stroke').on(t.strokeKey),
    // Text search is a LIKE '%…%' that no b-tree can seek, but scanning this small covering index (every
    // filter column, no wide JSON) instead of the table counts matches at 100k members in 8 ms, not 40.
    index('organizations_search').on(t.searchText, t.category, t.roleRank, t.status),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('contacts_organization').on(t.organizationId, t.sortOrder)],
);

/** Every create, update and delete, written in the same transaction as the change itself. */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('change_log_entity').on(t.entity, t.entityId)],
);

/** Key–value settings of this database file (the agreement number pattern, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    venue: text('venue'),
    organizers: text('organizers', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    minutes: text('minutes'),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('events_date').on(t.date)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    presenterName: text('presenter_name'),
    presenterOrganizationId: text('presenter_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  },
  (t) => [index('agenda_items_event').on(t.eventId, t.position)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    person: text('person'),
    status: text('status').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('attendance_event').on(t.eventId, t.position), index('attendance_organization').on(t.organizationId)],
);

export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(), // draft | signed | terminated
    signedDate: text('signed_date'),
    place: text('place'),
    eventId: text('event_id').references(() => events.id),
    effectiveDate: text('effective_date'),
    endDate: text('end_date'),
    termYears: integer('term_years'),
    // The last day in force: end_date, or the day before effective/signed date + term. Derived statuses filter on it.
    expiresOn: text('expires_on'),
    terminatedDate: text('terminated_date'),
    summary: text('summary'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    amendsId: text('amends_id'),
    searchText: text('search_text').notNull(),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('agreements_number_unique').on(t.number),
    index('agreements_type').on(t.type),
    index('agreements_signed_date').on(t.signedDate),
    index('agreements_event').on(t.eventId),
    index('agreements_expires_on').on(t.expiresOn),
    // Finds an agreement's successors (renewals, amendments): a renewed agreement is not expiring.
    index('agreements_amends').on(t.amendsId),
  ],
);

export const agreementParties = sqliteTable(
  'agreement_parties',
  {
    id: text('id').primaryKey(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
    sealAffixed: integer('seal_affixed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('agreement_parties_agreement').on(t.agreementId, t.position), index('agreement_parties_organization').on(t.organizationId)],
);

/** Files kept by the app inside the data folder, named by content hash; the original name is for display. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type').notNull(), // agreement | event
    ownerId: text('owner_id').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_owner').on(t.ownerType, t.ownerId), index('attachments_hash').on(t.sha256)],
);

/** The planned order of signings at a ceremony; `signedAt` is set when the clerk marks one done. */
export const ceremonySignings = sqliteTable(
  'ceremony_signings',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    signedAt: text('signed_at'),
  },
  (t) => [index('ceremony_signings_event').on(t.eventId, t.position), uniqueIndex('ceremony_signings_agreement').on(t.agreementId)],
);

export const talentItems = sqliteTable(
  'talent_items',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    eventId: text('event_id').references(() => events.id, { onDelete: 'set null' }),
    direction: text('direction').notNull(), // supply | demand
    field: text('field').notNull(),
    level: text('level'),
    headcount: integer('headcount'),
    period: text('period'),
    notes: text('notes'),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('talent_items_organization').on(t.organizationId), index('talent_items_event').on(t.eventId)],
);

/** One member import: what it did, so it can be undone as a whole. */
export const importBatches = sqliteTable('import_batches', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  createdAt: text('created_at').notNull(),
  createdCount: integer('created_count').notNull(),
  updatedCount: integer('updated_count').notNull(),
  skippedCount: integer('skipped_count').notNull(),
  rejectedCount: integer('rejected_count').notNull(),
  undoneAt: text('undone_at'),
});

/**
 * Each member an import created or changed, with the member as it was before (for a change), so
 * undo can remove or put back exactly what the import did. No foreign key: a member removed later
 * must not take the batch's memory with it.
 */
export const importBatchItems = sqliteTable(
  'import_batch_items',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull(),
    action: text('action').notNull(), // create | update
    before: text('before', { mode: 'json' }),
  },
  (t) => [index('import_batch_items_batch').on(t.batchId), index('import_batch_items_organization').on(t.organizationId)],
);

/**
 * A member's status over time: each change of status and the day it took effect (joining, leaving,
 * suspension, return). Yearly figures — joins and exits in a year, members at its start and end —
 * are read from here, not from today's status.
 */
export const memberStatusEvents = sqliteTable(
  'member_status_events',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    date: text('date').notNull(),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('member_status_events_member').on(t.organizationId, t.date), index('member_status_events_date').on(t.date)],
);

// The council's terms and the cooperation projects live in their own files, read through this one.
export * from './schema-council.js';
export * from './schema-projects.js';
export * from './schema-awards.js';
export * from './schema-exchange.js';
