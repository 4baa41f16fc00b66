// The existing members a file's rows could match: by credit code (any status), by current name, by
// another name of a current member (alias, short name, former name), each with its first contact
// and the names of all its contacts.
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
  /** Every contact's name: a person the file brings who is not among them is a new contact. */
  contactNames: string[];
}

export type OtherName = 'alias' | 'shortName' | 'formerName';

export interface Candidates {
  byId: Map<string, ExistingMember>;
  byUscc: Map<string, ExistingMember>;
  byName: Map<string, ExistingMember>;
  /** By a current member's other names, with which kind of name matched. */
  byOther: Map<string, { member: ExistingMember; by: OtherName; /** Other members with the same other name (then it names none of them for sure). */ others: string[] }>;
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
  // Other names are JSON lists and an optional column, so no index serves them: read the members that have any.
  const wanted = new Set(names);
  // Every member a name belongs to: a short name several units share (北方汽车) must not pick one of them.
  const owners = new Map<string, { ids: string[]; by: OtherName }>();
  const own = (name: string, id: string, by: OtherName) => {
    const known = owners.get(name);
    if (!known) owners.set(name, { ids: [id], by });
    else if (!known.ids.includes(id)) known.ids.push(id);
  };
  const otherNames = ctx.sqlite.prepare(`SELECT id, aliases, former_names, short_name FROM organizations WHERE (aliases <> '[]' OR former_names <> '[]' OR short_name IS NOT NULL) AND ${CURRENT_SQL}`).raw();
  for (const [id, aliases, formerNames, shortName] of otherNames.iterate() as IterableIterator<[string, string, string, string | null]>) {
    if (aliases !== '[]') for (const alias of JSON.parse(aliases) as string[]) if (wanted.has(alias)) own(alias, id, 'alias');
    if (shortName && wanted.has(shortName)) own(shortName, id, 'shortName');
    if (formerNames !== '[]') for (const former of JSON.parse(formerNames) as { name: string }[]) if (wanted.has(former.name)) own(former.name, id, 'formerName');
  }
  const byOtherRows = select((list) => sql`id IN (SELECT value FROM json_each(${list}))`, [...new Set([...owners.values()].flatMap((o) => o.ids))]);

  const byId = new Map<string, ExistingMember>();
  const rows = [...byUsccRows, ...byNameRows, ...byOtherRows];
  const ids = [...new Set(rows.map((r) => r.id))];
  const contacts = firstContacts(ctx, ids);
  const contactNames = new Map<string, string[]>();
  if (ids.length > 0) {
    for (const [organizationId, name] of ctx.sqlite.prepare('SELECT organization_id, name FROM contacts WHERE organization_id IN (SELECT value FROM json_each(?))').raw().iterate(JSON.stringify(ids)) as IterableIterator<[string, string]>) {
      const list = contactNames.get(organizationId);
      if (list) list.push(name);
      else contactNames.set(organizationId, [name]);
    }
  }
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, { member: memberModel.toRecord(row), contact: contacts.get(row.id) ?? null, contactNames: contactNames.get(row.id) ?? [] });
  return {
    byId,
    byUscc: new Map(byUsccRows.map((r) => [r.uscc!, byId.get(r.id)!])),
    byName: new Map(byNameRows.map((r) => [r.name, byId.get(r.id)!])),
    byOther: new Map([...owners].map(([name, o]) => [name, { member: byId.get(o.ids[0]!)!, by: o.by, others: o.ids.slice(1).map((id) => byId.get(id)!.member.name) }])),
  };
}
