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
  return ctx.db
    .select(memberRowColumns)
    .from(organizations)
    .where(memberFilter({ ...filter, statuses: ROSTER_STATUSES }))
    .orderBy(asc(organizations.roleRank), asc(organizations.pinyinKey))
    .all() as MemberRow[];
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
