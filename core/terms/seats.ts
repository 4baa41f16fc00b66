// Seats: a member's role in a council term. The current term's open seats are the one source of the
// member's current role; organizations.role (and role_rank) is a copy written only here, in the same
// transaction, so rosters keep sorting and filtering by an index.
import { newRecordId } from '../records/ids.js';
import { roleRank, type MemberRole } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { recordChange } from '../history/changelog.js';
import { getMember } from '../members/members.js';
import { seatModel, termModel } from './term-model.js';

export interface SeatRow {
  id: string;
  termId: string;
  organizationId: string;
  role: MemberRole;
  fromDate: string | null;
  toDate: string | null;
}

const SEAT_COLUMNS = 'id, term_id AS termId, organization_id AS organizationId, role, from_date AS fromDate, to_date AS toDate';

export function currentTermId(ctx: ServiceContext): string | null {
  return (ctx.sqlite.prepare(`SELECT id FROM council_terms WHERE state = 'current'`).pluck().get() as string | undefined) ?? null;
}

/**
 * The current term, created when there is none: a role set on a new folder has to belong to a term.
 * It has no number or dates until the clerk gives them (届次未定), as an old folder's roles had.
 */
export function ensureCurrentTerm(ctx: ServiceContext): string {
  const existing = currentTermId(ctx);
  if (existing) return existing;
  const id = newRecordId();
  const at = nowIso(ctx);
  termModel.insertStatement(ctx.sqlite)({ id, ordinal: null, state: 'current', startDate: null, endDate: null, electedEventId: null, notes: null, isSample: false, createdAt: at, updatedAt: at });
  recordChange(ctx, 'term', id, 'create', null, { id, ordinal: null, state: 'current' });
  return id;
}

/** A member's open seat in a term (one without an end): the role it holds now in that term. */
export function openSeat(ctx: ServiceContext, termId: string, organizationId: string): SeatRow | undefined {
  return ctx.sqlite.prepare(`SELECT ${SEAT_COLUMNS} FROM term_seats WHERE term_id = ? AND organization_id = ? AND to_date IS NULL ORDER BY from_date DESC LIMIT 1`).get(termId, organizationId) as SeatRow | undefined;
}

export function insertSeat(ctx: ServiceContext, seat: Omit<SeatRow, 'id'>): void {
  seatModel.insertStatement(ctx.sqlite)({ id: newRecordId(), termId: seat.termId, organizationId: seat.organizationId, role: seat.role, fromDate: seat.fromDate, toDate: seat.toDate });
}

/** Whether the member holds an open seat in the current term. */
export function hasCurrentSeat(ctx: ServiceContext, organizationId: string): boolean {
  const termId = currentTermId(ctx);
  return Boolean(termId && openSeat(ctx, termId, organizationId));
}

/** Seats left open in terms that have closed (a member brought back after 换届) end with their term. */
export function endSeatsOfClosedTerms(ctx: ServiceContext, organizationId: string): void {
  ctx.sqlite
    .prepare(
      `UPDATE term_seats SET to_date = (SELECT t.end_date FROM council_terms t WHERE t.id = term_seats.term_id)
       WHERE organization_id = ? AND to_date IS NULL AND term_id IN (SELECT id FROM council_terms WHERE state = 'closed' AND end_date IS NOT NULL)`,
    )
    .run(organizationId);
}

/**
 * A writer of seats for many new members at once (an import): one prepared insert, and the current
 * term made on the first council role. A new member has no seat yet and its row already holds the
 * role as its copy, so this is writeCurrentRole without its look-ups.
 */
export function newSeatWriter(ctx: ServiceContext): (organizationId: string, role: MemberRole) => void {
  const insert = seatModel.insertStatement(ctx.sqlite);
  let termId: string | null = null;
  return (organizationId, role) => {
    if (role === 'member') return;
    termId ??= ensureCurrentTerm(ctx);
    insert({ id: newRecordId(), termId, organizationId, role, fromDate: null, toDate: null });
  };
}

/** The role the current term gives a member now: its open seat's, else 成员单位. */
export function derivedRole(ctx: ServiceContext, organizationId: string): MemberRole {
  const termId = currentTermId(ctx);
  return (termId && openSeat(ctx, termId, organizationId)?.role) || 'member';
}

function writeRoleCopy(ctx: ServiceContext, organizationId: string, role: MemberRole): void {
  ctx.sqlite.prepare('UPDATE organizations SET role = ?, role_rank = ? WHERE id = ?').run(role, roleRank(role), organizationId);
}

/** Brings one member's role copy up to date with its seats (the caller logs the member's change). */
export function refreshRoleCopy(ctx: ServiceContext, organizationId: string): void {
  writeRoleCopy(ctx, organizationId, derivedRole(ctx, organizationId));
}

/**
 * Sets a member's seat in a term's composition, as a correction (no date, no meeting): the seat's
 * role changes for its whole span; 成员单位 removes the open seat. Dated changes approved at a
 * meeting are term changes (term-changes.ts). Returns whether anything changed.
 */
export function setSeat(ctx: ServiceContext, termId: string, organizationId: string, role: MemberRole): boolean {
  // In a past term every seat has ended: its latest is the one to correct.
  const seat = openSeat(ctx, termId, organizationId) ?? (ctx.sqlite.prepare(`SELECT ${SEAT_COLUMNS} FROM term_seats WHERE term_id = ? AND organization_id = ? AND (SELECT state FROM council_terms WHERE id = ?) = 'closed' ORDER BY coalesce(to_date, '9999') DESC LIMIT 1`).get(termId, organizationId, termId) as SeatRow | undefined);
  if (role === 'member') {
    if (!seat) return false;
    ctx.sqlite.prepare('DELETE FROM term_seats WHERE id = ?').run(seat.id);
  } else if (seat) {
    if (seat.role === role) return false;
    ctx.sqlite.prepare('UPDATE term_seats SET role = ? WHERE id = ?').run(role, seat.id);
  } else {
    insertSeat(ctx, { termId, organizationId, role, fromDate: null, toDate: null });
  }
  return true;
}

/**
 * The member form's role, an import's role or a restored snapshot's role: the member's seat in the
 * current term. Called inside the member's own transaction, which logs the member's change.
 */
export function writeCurrentRole(ctx: ServiceContext, organizationId: string, role: MemberRole): void {
  const termId = role === 'member' ? currentTermId(ctx) : ensureCurrentTerm(ctx);
  if (termId) setSeat(ctx, termId, organizationId, role);
  refreshRoleCopy(ctx, organizationId);
}

/**
 * Runs a change to seats and brings the members' role copies up to date afterwards, logging each
 * member whose role changed (its history shows 职务：理事单位 → 常务理事单位 as a form edit would).
 */
export function withRoleCopies<T>(ctx: ServiceContext, organizationIds: readonly string[] | 'all', change: () => T): T {
  const ids = organizationIds === 'all' ? (ctx.sqlite.prepare(`SELECT id FROM organizations WHERE role <> 'member' UNION SELECT organization_id FROM term_seats`).pluck().all() as string[]) : [...new Set(organizationIds)];
  const roleOf = ctx.sqlite.prepare('SELECT role FROM organizations WHERE id = ?').pluck();
  const before = new Map(ids.map((id) => [id, roleOf.get(id) as MemberRole | undefined]));
  const result = change();
  const afterIds = organizationIds === 'all' ? (ctx.sqlite.prepare(`SELECT id FROM organizations WHERE role <> 'member' UNION SELECT organization_id FROM term_seats`).pluck().all() as string[]) : ids;
  for (const id of new Set([...ids, ...afterIds])) {
    const was = before.get(id) ?? (roleOf.get(id) as MemberRole | undefined);
    if (was === undefined) continue;
    const now = derivedRole(ctx, id);
    if (now === was) continue;
    const memberBefore = getMember(ctx, id);
    writeRoleCopy(ctx, id, now);
    recordChange(ctx, 'organization', id, 'update', memberBefore, getMember(ctx, id));
  }
  return result;
}

/**
 * Gives every role holder without a seat one in the current term (created if needed): what the
 * migration does for an old folder, for rows written straight into the table (the bench's generator).
 */
export function adoptRoles(ctx: ServiceContext): number {
  const holders = ctx.sqlite.prepare(`SELECT id, role FROM organizations WHERE role <> 'member' AND id NOT IN (SELECT s.organization_id FROM term_seats s JOIN council_terms t ON t.id = s.term_id WHERE t.state = 'current' AND s.to_date IS NULL)`).all() as { id: string; role: MemberRole }[];
  if (holders.length === 0) return 0;
  const termId = ensureCurrentTerm(ctx);
  for (const h of holders) insertSeat(ctx, { termId, organizationId: h.id, role: h.role, fromDate: null, toDate: null });
  return holders.length;
}
