// Which tables the exchange between replicas carries, parents before children, and the columns it
// leaves out: those derived from others (sort and search keys, the role copy of the seats), which
// every replica rebuilds after a merge, and the bookkeeping time of the last edit, which would make
// any two edits of one row clash. Local tables (settings, history, imports, the exchange's own) stay.
export const REPLICATED_TABLES = [
  'alliance_profile',
  'organizations',
  'contacts',
  'member_status_events',
  'events',
  'agenda_items',
  'attendance',
  'agreements',
  'agreement_parties',
  'ceremony_signings',
  'attachments',
  'talent_items',
  'council_terms',
  'term_seats',
  'term_changes',
  'term_officers',
  'projects',
  'project_partners',
  'project_figures',
  'awards',
] as const;
export type ReplicatedTable = (typeof REPLICATED_TABLES)[number];

const DERIVED: Partial<Record<ReplicatedTable, readonly string[]>> = {
  organizations: ['pinyin_key', 'stroke_key', 'search_text', 'role', 'role_rank'],
  agreements: ['search_text'],
};

/** Never exchanged as a field of its own (see above). */
export function isExchangedColumn(table: ReplicatedTable, column: string): boolean {
  return column !== 'id' && column !== 'updated_at' && !(DERIVED[table] ?? []).includes(column);
}

export function isReplicatedTable(name: string): name is ReplicatedTable {
  return (REPLICATED_TABLES as readonly string[]).includes(name);
}
