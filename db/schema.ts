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
    index('organizations_pinyin').on(t.pinyinKey),
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
