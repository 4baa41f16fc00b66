// Council terms (届): the term, its seats, its mid-term changes and its officers. Part of schema.ts.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events, organizations } from './schema.js';

/**
 * A council term (届): its composition in term_seats, its personal offices in term_officers and its
 * dated mid-term changes in term_changes. At most one term is current and at most one is a draft (the
 * next term being prepared, 换届). `ordinal` is null for a term whose number is not known (an old
 * folder's roles, moved here without a date).
 */
export const councilTerms = sqliteTable(
  'council_terms',
  {
    id: text('id').primaryKey(),
    ordinal: integer('ordinal'),
    state: text('state').notNull(), // draft | current | closed
    startDate: text('start_date'),
    endDate: text('end_date'),
    electedEventId: text('elected_event_id').references(() => events.id, { onDelete: 'set null' }),
    notes: text('notes'),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('council_terms_ordinal').on(t.ordinal),
    // One current term and one draft at most: the member's current role is read from the current one.
    uniqueIndex('council_terms_one_current').on(t.state).where(sql`${t.state} IN ('current', 'draft')`),
  ],
);

/**
 * A member's role in a term, held from `from_date` to `to_date` (both inclusive; null = from the
 * term's start, until its end). A mid-term change closes a seat the day before and opens another.
 * organizations.role is a copy of the open seat's role in the current term, kept by the term service
 * only, so rosters can sort and filter by an index.
 */
export const termSeats = sqliteTable(
  'term_seats',
  {
    id: text('id').primaryKey(),
    termId: text('term_id')
      .notNull()
      .references(() => councilTerms.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
  },
  (t) => [index('term_seats_term').on(t.termId, t.organizationId), index('term_seats_organization').on(t.organizationId)],
);

/** A mid-term change (增补, 调整, 退出): its date, reason and the meeting that approved it. */
export const termChanges = sqliteTable(
  'term_changes',
  {
    id: text('id').primaryKey(),
    termId: text('term_id')
      .notNull()
      .references(() => councilTerms.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // add | adjust | leave
    roleBefore: text('role_before'),
    roleAfter: text('role_after'),
    date: text('date').notNull(),
    reason: text('reason'),
    eventId: text('event_id').references(() => events.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('term_changes_term').on(t.termId, t.date), index('term_changes_organization').on(t.organizationId)],
);

/** The people holding a term's personal offices (理事长, 副理事长, 秘书长, 副秘书长) and their units. */
export const termOfficers = sqliteTable(
  'term_officers',
  {
    id: text('id').primaryKey(),
    termId: text('term_id')
      .notNull()
      .references(() => councilTerms.id, { onDelete: 'cascade' }),
    office: text('office').notNull(),
    personName: text('person_name').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('term_officers_term').on(t.termId, t.position), index('term_officers_organization').on(t.organizationId)],
);
