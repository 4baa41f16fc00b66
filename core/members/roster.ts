// Report data: what rosters and summaries print. Writers for xlsx/docx/pdf/csv build on these rows.
import { sql } from 'drizzle-orm';
import { CATEGORY_COUNTERS_ZH, CATEGORY_LABELS_ZH, ORGANIZATION_CATEGORIES, type MemberStatus, type OrganizationCategory } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { getProfile } from '../alliance/alliance.js';
import { contactColumns, firstContacts } from './contacts.js';
import { memberFilter } from './member-list.js';
import type { MemberRole } from '../contract/codes.js';
import type { MemberRow, Roster, RosterGroup, RosterOrder } from './contract.js';

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
  order?: RosterOrder;
}

const ORDER_BY: Record<RosterOrder, string> = {
  rolePinyin: 'role_rank, pinyin_key',
  roleStroke: 'role_rank, stroke_key',
  pinyin: 'pinyin_key',
  stroke: 'stroke_key',
  manual: 'roster_rank IS NULL, roster_rank, pinyin_key',
};

/** What rosters and the council list print of a member. */
export type RosterMember = Pick<MemberRow, 'id' | 'name' | 'category' | 'role' | 'uscc' | 'contactName' | 'contactTitle' | 'contactPhone'>;

export function rosterMembers(ctx: ServiceContext, filter: RosterFilter): RosterMember[] {
  // Rows as plain value arrays with only the printed columns, each member built once with all its
  // fields (drizzle's per-field mapping doubled the time of a 100k roster; adding the contact fields to
  // SQLite's row objects afterwards cost another 60 ms).
  const rows = ctx.db.values<[string, string, OrganizationCategory, MemberRole, string | null]>(
    sql`SELECT id, name, category, role, uscc FROM organizations
          WHERE ${memberFilter({ ...filter, statuses: ROSTER_STATUSES })} ORDER BY ${sql.raw(ORDER_BY[filter.order ?? 'rolePinyin'])}`,
  );
  const contacts = firstContacts(ctx);
  return rows.map(([id, name, category, role, uscc]) => ({ id, name, category, role, uscc, ...contactColumns(contacts.get(id)) }));
}

/** Current members grouped by category in the domain order. */
export function rosterGroups<R extends Pick<MemberRow, 'category'>>(rows: R[]): { category: OrganizationCategory; rows: R[] }[] {
  const byCategory = new Map<OrganizationCategory, R[]>();
  for (const row of rows) {
    const list = byCategory.get(row.category) ?? [];
    list.push(row);
    byCategory.set(row.category, list);
  }
  return ORGANIZATION_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({ category, rows: byCategory.get(category)! }));
}

export function buildRoster(ctx: ServiceContext, options: { includeUscc: boolean } & RosterFilter): Roster {
  const rows = rosterMembers(ctx, options);
  const groups: RosterGroup[] = rosterGroups(rows).map(({ category, rows: members }) => ({
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
  }));
  return { allianceName: getProfile(ctx)?.name ?? null, total: rows.length, groups };
}
