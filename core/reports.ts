// Report data: what rosters and summaries print. Writers for xlsx/docx/pdf/csv build on these rows.
import { sql } from 'drizzle-orm';
import { CATEGORY_COUNTERS_ZH, CATEGORY_LABELS_ZH, ORGANIZATION_CATEGORIES, type MemberStatus, type OrganizationCategory } from './codes.js';
import type { ServiceContext } from './context.js';
import type { HandlerMap } from './dispatcher.js';
import { getProfile } from './alliance.js';
import { memberFilter } from './members.js';
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
  // Plain rows from SQLite (drizzle's per-field mapping doubled the time of a 100k roster).
  const rows = ctx.db.all<Omit<MemberRow, 'contactName' | 'contactTitle' | 'contactPhone'>>(
    sql`SELECT id, name, short_name AS shortName, category, role, status, uscc, join_date AS joinDate, is_sample = 1 AS isSample
          FROM organizations WHERE ${memberFilter({ ...filter, statuses: ROSTER_STATUSES })} ORDER BY role_rank, pinyin_key`,
  );
  // Each member's first contact (primary, then by position) in one unsorted pass over the contacts,
  // not three subqueries per member: the 100k roster spent most of its time there.
  type Candidate = { id: string; name: string; title: string | null; phone: string | null; isPrimary: number; sortOrder: number };
  const first = new Map<string, Candidate>();
  for (const c of ctx.sqlite.prepare('SELECT organization_id AS id, name, title, COALESCE(mobile, phone) AS phone, is_primary AS isPrimary, sort_order AS sortOrder FROM contacts').all() as Candidate[]) {
    const best = first.get(c.id);
    if (!best || c.isPrimary > best.isPrimary || (c.isPrimary === best.isPrimary && c.sortOrder < best.sortOrder)) first.set(c.id, c);
  }
  return rows.map((r) => {
    const c = first.get(r.id);
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
