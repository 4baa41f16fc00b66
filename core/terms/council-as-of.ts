// The council on any day, read from the seats (a change closes one seat the day before and opens
// the next on its day), and a member's roles across terms.
import { termName, type MemberRole, type TermChangeKind } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { RosterOrder } from '../members/contract.js';
import type { CouncilAsOf, RoleSpan, TermOfficer } from './contract.js';
import { recordExists } from '../records/references.js';
import { OFFICER_SQL, termSummary } from './terms.js';

const ORDER_BY: Record<RosterOrder, string> = {
  rolePinyin: 'role_order, o.pinyin_key',
  roleStroke: 'role_order, o.stroke_key',
  pinyin: 'o.pinyin_key',
  stroke: 'o.stroke_key',
  manual: 'role_order, o.roster_rank IS NULL, o.roster_rank, o.pinyin_key',
};

/** The term in office on a day: dated terms first; a term of unknown start covers the days before its end. */
export function termOn(ctx: ServiceContext, date: string): string | null {
  return (
    (ctx.sqlite
      .prepare(
        `SELECT id FROM council_terms WHERE state <> 'draft' AND coalesce(start_date, '0000-00-00') <= @date AND coalesce(end_date, '9999-12-31') >= @date
          ORDER BY start_date IS NULL, start_date DESC LIMIT 1`,
      )
      .pluck()
      .get({ date }) as string | undefined) ?? null
  );
}

const HELD_ON = `(s.from_date IS NULL OR s.from_date <= @date) AND (s.to_date IS NULL OR s.to_date >= @date)`;

export function councilAsOf(ctx: ServiceContext, date: string, order: RosterOrder = 'rolePinyin'): CouncilAsOf {
  const termId = termOn(ctx, date);
  if (!termId) return { date, term: null, members: [], officers: [] };
  const members = ctx.sqlite
    .prepare(
      `SELECT s.organization_id AS organizationId, o.name, o.category, s.role, s.from_date AS fromDate,
              CASE s.role WHEN 'lead' THEN 0 WHEN 'chair' THEN 1 WHEN 'executive_vice_chair' THEN 2 WHEN 'vice_chair' THEN 3 WHEN 'executive_council' THEN 4 WHEN 'council' THEN 5 ELSE 6 END AS role_order
         FROM term_seats s JOIN organizations o ON o.id = s.organization_id
        WHERE s.term_id = @termId AND ${HELD_ON}
        ORDER BY ${ORDER_BY[order]}`,
    )
    .all({ termId, date }) as (CouncilAsOf['members'][number] & { role_order?: number })[];
  for (const m of members) delete m.role_order;
  const officers = ctx.sqlite
    .prepare(`${OFFICER_SQL} WHERE f.term_id = @termId AND (f.from_date IS NULL OR f.from_date <= @date) AND (f.to_date IS NULL OR f.to_date >= @date) ORDER BY f.position`)
    .all({ termId, date }) as TermOfficer[];
  return { date, term: termSummary(ctx, termId), members, officers };
}

interface SpanRow {
  termId: string;
  ordinal: number | null;
  termState: RoleSpan['termState'];
  role: MemberRole;
  fromDate: string | null;
  toDate: string | null;
  kind: TermChangeKind | null;
  changeDate: string | null;
  reason: string | null;
  eventTitle: string | null;
}

/** A member's seats, oldest first, each with the dated change that opened it (none for a term's composition). */
export function roleHistory(ctx: ServiceContext, organizationId: string): RoleSpan[] {
  if (!recordExists(ctx, 'organizations', organizationId)) {
    throw new AppError('NOT_FOUND', `No member with id ${organizationId}.`, { key: 'errors.memberNotFound' });
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT t.id AS termId, t.ordinal, t.state AS termState, s.role, coalesce(s.from_date, t.start_date) AS fromDate, coalesce(s.to_date, t.end_date) AS toDate,
              c.kind, c.date AS changeDate, c.reason, e.title AS eventTitle
         FROM term_seats s JOIN council_terms t ON t.id = s.term_id
         LEFT JOIN term_changes c ON c.id = (SELECT c2.id FROM term_changes c2 WHERE c2.term_id = s.term_id AND c2.organization_id = s.organization_id AND c2.date = s.from_date AND c2.kind <> 'leave' ORDER BY c2.created_at DESC, c2.rowid DESC LIMIT 1)
         LEFT JOIN events e ON e.id = c.event_id
        WHERE s.organization_id = ?
        ORDER BY t.state = 'draft', coalesce(t.start_date, '0000-00-00'), t.ordinal, coalesce(s.from_date, '0000-00-00')`,
    )
    .all(organizationId) as SpanRow[];
  return rows.map((r) => ({
    termId: r.termId,
    termName: termName(r.ordinal),
    termOrdinal: r.ordinal,
    termState: r.termState,
    role: r.role,
    fromDate: r.fromDate,
    toDate: r.toDate,
    change: r.kind && r.changeDate ? { kind: r.kind, date: r.changeDate, reason: r.reason, eventTitle: r.eventTitle } : null,
  }));
}
