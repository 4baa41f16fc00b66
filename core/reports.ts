// Report data: what rosters and summaries print. Writers for xlsx/docx/pdf/csv build on these rows.
import { asc } from 'drizzle-orm';
import { organizations } from '../db/schema.js';
import { CATEGORY_COUNTERS_ZH, CATEGORY_LABELS_ZH, ORGANIZATION_CATEGORIES, type MemberStatus, type OrganizationCategory } from './codes.js';
import type { ServiceContext } from './context.js';
import type { HandlerMap } from './dispatcher.js';
import { getProfile } from './alliance.js';
import { memberFilter, memberRowColumns } from './members.js';
import type { MemberRole } from './codes.js';
import type { MemberRow, Roster, RosterGroup } from './types.js';

/** Who appears on a roster: members in good standing, including suspended ones, not applicants or leavers. */
export const ROSTER_STATUSES: MemberStatus[] = ['active', 'suspended'];

export function rosterHeading(category: OrganizationCategory, count: number): string {
  return `${CATEGORY_LABELS_ZH[category]}（${count}${CATEGORY_COUNTERS_ZH[category]}）`;
}

/** The register's filters a roster follows (its statuses are always the roster's own). */
export interface RosterFilter {
  categories?: OrganizationCategory[];
  roles?: MemberRole[];
  text?: string;
}

export function rosterMembers(ctx: ServiceContext, filter: RosterFilter): MemberRow[] {
  const { contactName: _n, contactTitle: _t, contactPhone: _p, ...columns } = memberRowColumns;
  const rows = ctx.db
    .select(columns)
    .from(organizations)
    .where(memberFilter({ ...filter, statuses: ROSTER_STATUSES }))
    .orderBy(asc(organizations.roleRank), asc(organizations.pinyinKey))
    .all();
  // Each member's first contact in one pass over the contacts, not one subquery per member per column
  // (the 100k roster spent most of its time there).
  const firstContacts = new Map<string, { name: string; title: string | null; phone: string | null }>();
  const contacts = ctx.sqlite
    .prepare('SELECT organization_id AS id, name, title, COALESCE(mobile, phone) AS phone FROM contacts ORDER BY organization_id, is_primary DESC, sort_order')
    .all() as { id: string; name: string; title: string | null; phone: string | null }[];
  for (const c of contacts) if (!firstContacts.has(c.id)) firstContacts.set(c.id, c);
  return rows.map((r) => {
    const c = firstContacts.get(r.id);
    return { ...r, contactName: c?.name ?? null, contactTitle: c?.title ?? null, contactPhone: c?.phone ?? null } as MemberRow;
  });
}

export function buildRoster(ctx: ServiceContext, options: { includeUscc: boolean } & RosterFilter): Roster {
  const rows = rosterMembers(ctx, options);
  const byCategory = new Map<OrganizationCategory, MemberRow[]>();
  for (const row of rows) {
    const list = byCategory.get(row.category) ?? [];
    list.push(row);
    byCategory.set(row.category, list);
  }
  const groups: RosterGroup[] = ORGANIZATION_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => {
    const members = byCategory.get(category)!;
    return {
      category,
      count: members.length,
      heading: rosterHeading(category, members.length),
      rows: members.map((m, i) => ({
        seq: i + 1,
        id: m.id,
        name: m.name,
        role: m.role,
        contactName: m.contactName,
        contactTitle: m.contactTitle,
        contactPhone: m.contactPhone,
        uscc: options.includeUscc ? m.uscc : null,
      })),
    };
  });
  return { allianceName: getProfile(ctx)?.name ?? null, total: rows.length, groups };
}

export const reportHandlers: HandlerMap = {
  'reports.roster': (input, ctx) => buildRoster(ctx, input),
};
