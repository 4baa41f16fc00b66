// The existing members a file's rows could match: by credit code (any status), by current name, by
// a current member's alias, each with its first contact.
import { sql } from 'drizzle-orm';
import { organizations } from '../../../db/schema.js';
import { FORMER_MEMBER_STATUSES } from '../../contract/codes.js';
import type { ServiceContext } from '../../contract/context.js';
import type { RecordOf } from '../../contract/fields.js';
import { firstContacts, type FirstContact } from '../../members/contacts.js';
import type { memberFields } from '../../members/fields.js';
import { memberModel } from '../../members/member-model.js';

export interface ExistingMember {
  member: RecordOf<typeof memberFields>;
  /** The contact a list names for it, whose fields a row's contact fills or replaces. */
  contact: FirstContact | null;
}

export interface Candidates {
  byId: Map<string, ExistingMember>;
  byUscc: Map<string, ExistingMember>;
  byName: Map<string, ExistingMember>;
  byAlias: Map<string, ExistingMember>;
}

/** The current members' statuses, as SQL: the same terms as the partial unique index on current names, so it serves the lookup. */
const CURRENT_SQL = `status NOT IN (${FORMER_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const CURRENT = sql.raw(CURRENT_SQL);

/**
 * Looked up for the file's codes and names only, through the indexes: loading every member to match
 * against took 2.3 s for a 10,000-row preview against 100,000 members.
 */
export function candidateMembers(ctx: ServiceContext, usccs: string[], names: string[]): Candidates {
  const select = (where: (list: string) => ReturnType<typeof sql>, values: string[]) =>
    values.length ? ctx.db.select().from(organizations).where(where(JSON.stringify(values))).all() : [];
  const byUsccRows = select((list) => sql`uscc IN (SELECT value FROM json_each(${list}))`, usccs);
  const byNameRows = select((list) => sql`name IN (SELECT value FROM json_each(${list})) AND ${CURRENT}`, names);
  // Aliases are a JSON list per member, so no index serves them: read the few members that have any.
  const wanted = new Set(names);
  const aliasOwners = new Map<string, string>();
  for (const [id, aliases] of ctx.sqlite.prepare(`SELECT id, aliases FROM organizations WHERE aliases <> '[]' AND ${CURRENT_SQL}`).raw().iterate() as IterableIterator<[string, string]>) {
    for (const alias of JSON.parse(aliases) as string[]) if (wanted.has(alias)) aliasOwners.set(alias, id);
  }
  const byAliasRows = select((list) => sql`id IN (SELECT value FROM json_each(${list}))`, [...new Set(aliasOwners.values())]);

  const byId = new Map<string, ExistingMember>();
  const rows = [...byUsccRows, ...byNameRows, ...byAliasRows];
  const contacts = firstContacts(ctx, [...new Set(rows.map((r) => r.id))]);
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, { member: memberModel.toRecord(row), contact: contacts.get(row.id) ?? null });
  return {
    byId,
    byUscc: new Map(byUsccRows.map((r) => [r.uscc!, byId.get(r.id)!])),
    byName: new Map(byNameRows.map((r) => [r.name, byId.get(r.id)!])),
    byAlias: new Map([...aliasOwners].map(([alias, id]) => [alias, byId.get(id)!])),
  };
}
