// The exchange between clerks' copies (replicas) of one register. Part of schema.ts. None of these
// tables is itself exchanged: they are this file's knowledge of what it holds and what others hold.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One hybrid logical clock per replicated row and field, written by the capture triggers
 * (db/exchange-capture.ts) in the same statement as the change. `col` '' is the row itself: its
 * creation (alive 1) or deletion (alive 0, the tombstone); a field's own clock exists only once the
 * field was changed after its row's creation.
 */
export const syncClock = sqliteTable(
  'sync_clock',
  {
    tbl: text('tbl').notNull(),
    pk: text('pk').notNull(),
    col: text('col').notNull(),
    hlc: text('hlc').notNull(),
    alive: integer('alive').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.pk, t.col] }), index('sync_clock_hlc').on(t.hlc)],
);

/** Other replicas this file has exchanged with: the clocks each had seen when its last file was read. */
export const syncPartners = sqliteTable('sync_partners', {
  replica: text('replica').primaryKey(),
  /** The name the partner's clerk gave their copy (the alliance name and the computer), for the list. */
  label: text('label').notNull().default(''),
  /** Per origin replica, the newest clock the partner had seen: {replicaId: hlc}. */
  seen: text('seen', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  lastImportAt: text('last_import_at'),
  lastExportAt: text('last_export_at'),
});

/** The value that lost a conflict, kept so the clerk can find it and bring it back. */
export const syncLosers = sqliteTable(
  'sync_losers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    exchangeId: text('exchange_id').notNull(),
    tbl: text('tbl').notNull(),
    pk: text('pk').notNull(),
    col: text('col').notNull(),
    value: text('value', { mode: 'json' }),
    hlc: text('hlc').notNull(),
    replica: text('replica').notNull(),
  },
  (t) => [index('sync_losers_row').on(t.tbl, t.pk)],
);

/** Exchange files already read, by their checksum: reading one again changes nothing. */
export const syncFilesRead = sqliteTable('sync_files_read', {
  sha256: text('sha256').primaryKey(),
  replica: text('replica').notNull(),
  readAt: text('read_at').notNull(),
});

/**
 * One unit (or term, or signing) created twice on two replicas, merged into the row with the smaller
 * id: a row naming the other id is moved to the survivor, here and on every replica the alias reaches.
 */
export const syncAliases = sqliteTable(
  'sync_aliases',
  {
    tbl: text('tbl').notNull(),
    fromPk: text('from_pk').notNull(),
    toPk: text('to_pk').notNull(),
    /** When the merge was made: a deletion of either row made before it deletes one record, not the unit. */
    hlc: text('hlc').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.fromPk] })],
);
