// What the merge needs to know of each replicated table, read from the schema itself (columns and
// foreign keys), plus the few facts the schema cannot say: which record a row belongs to for the
// clerk, and which rows are "the same" though their ids differ.
import type Database from 'better-sqlite3';
import { REPLICATED_TABLES, isExchangedColumn, type ReplicatedTable } from '../../db/exchange-tables.js';
import type { ChangeEntity } from '../history/fields.js';

export interface ForeignKey {
  table: ReplicatedTable;
  column: string;
  parent: ReplicatedTable;
  cascade: boolean;
  required: boolean;
}

export interface TableFacts {
  columns: Record<ReplicatedTable, string[]>;
  /** Columns not exchanged but required: filled for an insert, then rebuilt. */
  required: Record<ReplicatedTable, string[]>;
  foreignKeys: ForeignKey[];
}

const cache = new WeakMap<Database.Database, TableFacts>();

export function tableFacts(sqlite: Database.Database): TableFacts {
  const known = cache.get(sqlite);
  if (known) return known;
  const columns = {} as TableFacts['columns'];
  const required = {} as TableFacts['required'];
  const foreignKeys: ForeignKey[] = [];
  for (const table of REPLICATED_TABLES) {
    const info = sqlite.prepare('SELECT name, "notnull" AS nn, dflt_value AS dflt FROM pragma_table_info(?)').all(table) as { name: string; nn: number; dflt: string | null }[];
    columns[table] = info.map((c) => c.name).filter((c) => isExchangedColumn(table, c));
    required[table] = info.filter((c) => c.name !== 'id' && !isExchangedColumn(table, c.name) && c.nn && c.dflt === null).map((c) => c.name);
    const notNull = new Set(info.filter((c) => c.nn).map((c) => c.name));
    for (const fk of sqlite.prepare('SELECT "from" AS column, "table" AS parent, on_delete AS onDelete FROM pragma_foreign_key_list(?)').all(table) as { column: string; parent: string; onDelete: string }[]) {
      if (!(REPLICATED_TABLES as readonly string[]).includes(fk.parent)) continue;
      foreignKeys.push({ table, column: fk.column, parent: fk.parent as ReplicatedTable, cascade: fk.onDelete === 'CASCADE', required: notNull.has(fk.column) });
    }
  }
  const facts = { columns, required, foreignKeys };
  cache.set(sqlite, facts);
  return facts;
}

/** The record a row belongs to, as the history and the clerk know it: [entity, column naming its id]. */
export const RECORD_OF: Record<ReplicatedTable, [ChangeEntity, string]> = {
  alliance_profile: ['alliance', 'id'],
  organizations: ['organization', 'id'],
  contacts: ['contact', 'id'],
  member_status_events: ['organization', 'organization_id'],
  events: ['event', 'id'],
  agenda_items: ['event', 'event_id'],
  attendance: ['event', 'event_id'],
  agreements: ['agreement', 'id'],
  agreement_parties: ['agreement', 'agreement_id'],
  ceremony_signings: ['event', 'event_id'],
  attachments: ['attachment', 'id'],
  talent_items: ['talent', 'id'],
  council_terms: ['term', 'id'],
  term_seats: ['term', 'term_id'],
  term_changes: ['term', 'term_id'],
  term_officers: ['term', 'term_id'],
  projects: ['project', 'id'],
  project_partners: ['project', 'project_id'],
  project_figures: ['project', 'project_id'],
  awards: ['award', 'id'],
};

/** The table holding each entity's own rows (for its label). */
export const TABLE_OF: Record<ChangeEntity, ReplicatedTable> = {
  alliance: 'alliance_profile',
  organization: 'organizations',
  contact: 'contacts',
  event: 'events',
  agreement: 'agreements',
  attachment: 'attachments',
  talent: 'talent_items',
  term: 'council_terms',
  project: 'projects',
  award: 'awards',
};

/**
 * Rows that are one thing though created twice with two ids: the same unit (by credit code, then
 * name or alias), the alliance's one profile, one signing per agreement, one term per number, one
 * year's figures per project. Each query finds the other row, given the incoming row's values.
 */
export const SAME_THING: Partial<Record<ReplicatedTable, (values: Record<string, unknown>) => { sql: string; params: unknown[] }[]>> = {
  alliance_profile: () => [{ sql: 'SELECT id FROM alliance_profile', params: [] }],
  // By credit code, then by name: the register holds one current unit of a name, whatever codes two
  // clerks typed (the other code is kept as a replaced value). Aliases are matched in merge-insert.ts.
  organizations: (v) => [
    ...(v.uscc ? [{ sql: 'SELECT id FROM organizations WHERE uscc = ?', params: [v.uscc] }] : []),
    { sql: "SELECT id FROM organizations WHERE name = ? AND status NOT IN ('withdrawn', 'expelled')", params: [v.name] },
  ],
  ceremony_signings: (v) => [{ sql: 'SELECT id FROM ceremony_signings WHERE agreement_id = ?', params: [v.agreement_id] }],
  council_terms: (v) => [{ sql: 'SELECT id FROM council_terms WHERE ordinal = ?', params: [v.ordinal] }],
  project_figures: (v) => [{ sql: 'SELECT id FROM project_figures WHERE project_id = ? AND year = ?', params: [v.project_id, v.year] }],
};

/** Tables whose `number` is unique and given by the app in a series: a clash is renumbered. */
export const NUMBERED: readonly ReplicatedTable[] = ['agreements', 'awards'];

export function parseList(value: unknown): string[] {
  try {
    const list = JSON.parse(String(value ?? '[]')) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether a stored value is empty (a field the other copy may fill). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === '' || value === '[]' || value === '{}';
}

/** Words naming a row for the clerk. */
export function rowLabel(table: ReplicatedTable, v: Record<string, unknown>): string {
  if (table === 'agreements') return `${v.number ?? ''} ${v.title ?? ''}`.trim();
  if (table === 'awards') return `${v.number ?? ''} ${v.title ?? ''}`.trim();
  if (table === 'council_terms') return `第${v.ordinal ?? '?'}届理事会`;
  const word = v.name ?? v.title ?? v.file_name ?? v.person_name ?? v.person ?? v.field ?? v.office ?? v.year ?? v.date ?? '';
  return String(word);
}
