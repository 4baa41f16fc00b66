// Plaques (授牌) and appointment letters (聘书) the alliance hands out. Part of schema.ts.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events, organizations } from './schema.js';

/** A plaque to a unit, or an appointment letter to a person (with the unit they come from). */
export const awards = sqliteTable(
  'awards',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(), // plaque | appointment
    number: text('number').notNull(),
    title: text('title').notNull(),
    organizationId: text('organization_id').references(() => organizations.id),
    personName: text('person_name'),
    date: text('date').notNull(),
    validUntil: text('valid_until'),
    eventId: text('event_id').references(() => events.id, { onDelete: 'set null' }),
    notes: text('notes'),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('awards_number').on(t.number), index('awards_kind_date').on(t.kind, t.date), index('awards_organization').on(t.organizationId), index('awards_event').on(t.eventId)],
);
