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

/** Which current members own each other name (alias, short name, former name): every member a name belongs to. */
export type OtherNameOwners = ReadonlyMap<string, { ids: string[]; by: OtherName }>;

/**
 * Every current member's other names — those in `wanted` when the file's names are known beforehand
 * (a preview), which keeps the map small on a large register. They are JSON lists and an optional
 * column, so no index serves them: read once per plan, however many chunks of rows are matched.
 */
export function otherNameOwners(ctx: ServiceContext, wanted?: ReadonlySet<string>): OtherNameOwners {
  // Every member a name belongs to: a short name several units share (北方汽车) must not pick one of them.
  const owners = new Map<string, { ids: string[]; by: OtherName }>();
  const own = (name: string, id: string, by: OtherName) => {
    if (wanted && !wanted.has(name)) return;
    const known = owners.get(name);
    if (!known) owners.set(name, { ids: [id], by });
    else if (!known.ids.includes(id)) known.ids.push(id);
  };
  const otherNames = ctx.sqlite.prepare(`SELECT id, aliases, former_names, short_name FROM organizations WHERE (aliases <> '[]' OR former_names <> '[]' OR short_name IS NOT NULL) AND ${CURRENT_SQL}`).raw();
  for (const [id, aliases, formerNames, shortName] of otherNames.iterate() as IterableIterator<[string, string, string, string | null]>) {
    if (aliases !== '[]') for (const alias of JSON.parse(aliases) as string[]) own(alias, id, 'alias');
    if (shortName) own(shortName, id, 'shortName');
    if (formerNames !== '[]') for (const former of JSON.parse(formerNames) as { name: string }[]) own(former.name, id, 'formerName');
  }
  return owners;
}

/**
 * The lookup of candidates for a plan, a chunk of rows at a time: its queries prepared once, the other
 * names read once. Looked up for the file's codes and names only, through the indexes: loading every
 * member to match against took 2.3 s for a 10,000-row preview against 100,000 members. Members in
 * `excluded` (made by the import that is asking, while it writes) are never candidates.
 */
export function candidateLookup(ctx: ServiceContext, options: { excluded?: ReadonlySet<string>; wanted?: ReadonlySet<string> } = {}): (usccs: string[], names: string[]) => Candidates {
  const { excluded, wanted } = options;
  const list = sql.placeholder('list');
  const query = (where: ReturnType<typeof sql>) => ctx.db.select().from(organizations).where(where).prepare();
  const queries = {
    uscc: query(sql`uscc IN (SELECT value FROM json_each(${list}))`),
    name: query(sql`name IN (SELECT value FROM json_each(${list})) AND ${CURRENT}`),
    id: query(sql`id IN (SELECT value FROM json_each(${list}))`),
  };
  const allOwners = otherNameOwners(ctx, wanted);
  return (usccs, names) => {
    const select = (by: keyof typeof queries, values: string[]) => {
      const found = values.length ? queries[by].all({ list: JSON.stringify(values) }) : [];
      return excluded?.size ? found.filter((r) => !excluded.has(r.id)) : found;
    };
    const byUsccRows = select('uscc', usccs);
    const byNameRows = select('name', names);
    const owners = new Map<string, { ids: string[]; by: OtherName }>();
    for (const name of names) {
      const owner = allOwners.get(name);
      if (owner) owners.set(name, owner);
    }
    const byOtherRows = select('id', [...new Set([...owners.values()].flatMap((o) => o.ids))]);
    return candidatesOf(ctx, byUsccRows, byNameRows, byOtherRows, owners);
  };
}

type MemberRow = typeof organizations.$inferSelect;

function candidatesOf(ctx: ServiceContext, byUsccRows: MemberRow[], byNameRows: MemberRow[], byOtherRows: MemberRow[], owners: OtherNameOwners): Candidates {
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
