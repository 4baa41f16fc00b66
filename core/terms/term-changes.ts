// Mid-term changes (增补, 调整, 退出): dated, with a reason and the meeting that approved them. A
// change closes the member's open seat the day before its date and opens the new one on that date,
// so the council as of any day reads straight from the seats.
import { newRecordId } from '../records/ids.js';
import { FORMER_MEMBER_STATUSES, type MemberRole, type MemberStatus, type TermChangeKind } from '../contract/codes.js';
import { nowIso, todayIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { recordChange } from '../history/changelog.js';
import { addDays } from '../records/dates.js';
import { assertReference } from '../records/references.js';
import type { TermChangeInput, TermDetail } from './contract.js';
import { currentTermId, insertSeat, openSeat, refreshRoleCopy, withRoleCopies } from './seats.js';
import { assertMember, getTerm } from './terms.js';
import { changeModel } from './term-model.js';

interface ChangeRow {
  id: string;
  termId: string;
  organizationId: string;
  kind: TermChangeKind;
  roleBefore: MemberRole | null;
  roleAfter: MemberRole | null;
  date: string;
}

function insertChange(ctx: ServiceContext, change: Omit<ChangeRow, 'id'> & { reason: string | null; eventId: string | null }): void {
  changeModel.insertStatement(ctx.sqlite)({
    id: newRecordId(),
    termId: change.termId,
    organizationId: change.organizationId,
    kind: change.kind,
    roleBefore: change.roleBefore,
    roleAfter: change.roleAfter,
    date: change.date,
    reason: change.reason,
    eventId: change.eventId,
    createdAt: nowIso(ctx),
  });
}

/** Ends a seat the day before `date`; a seat that would end before it began was never held, and goes. */
function closeSeat(ctx: ServiceContext, seat: { id: string; fromDate: string | null }, date: string): void {
  const lastDay = addDays(date, -1);
  if (seat.fromDate && seat.fromDate > lastDay) ctx.sqlite.prepare('DELETE FROM term_seats WHERE id = ?').run(seat.id);
  else ctx.sqlite.prepare('UPDATE term_seats SET to_date = ? WHERE id = ?').run(lastDay, seat.id);
}

function assertChangeDate(ctx: ServiceContext, term: TermDetail, organizationId: string, date: string): void {
  if (date > todayIso(ctx)) throw fieldError('date', { key: 'errors.changeInFuture', message: 'A change is recorded once it has been approved: its date cannot be in the future.' });
  if (term.startDate && date < term.startDate) {
    throw fieldError('date', { key: 'errors.changeBeforeTerm', params: { name: term.name, date: term.startDate }, message: `${term.name} began on ${term.startDate}; the change cannot be earlier.` });
  }
  const latest = term.changes.filter((c) => c.organizationId === organizationId).at(-1);
  if (latest && date < latest.date) {
    throw fieldError('date', { key: 'errors.changeBeforeLatest', params: { date: latest.date }, message: `This member's latest change is dated ${latest.date}; a new one cannot be earlier.` });
  }
}

export function recordTermChange(ctx: ServiceContext, input: TermChangeInput): TermDetail {
  return ctx.sqlite.transaction(() => {
    const term = getTerm(ctx, input.termId);
    if (term.state !== 'current') throw new AppError('CONFLICT', 'Mid-term changes are recorded in the current term.', { key: 'errors.changeNotCurrent' });
    assertMember(ctx, input.organizationId);
    assertReference(ctx, 'events', input.eventId, 'eventId');
    assertChangeDate(ctx, term, input.organizationId, input.date);
    const seat = openSeat(ctx, term.id, input.organizationId);
    const status = ctx.sqlite.prepare('SELECT status FROM organizations WHERE id = ?').pluck().get(input.organizationId) as MemberStatus;
    if (input.kind !== 'leave' && FORMER_MEMBER_STATUSES.includes(status)) {
      throw fieldError('organizationId', { key: 'errors.changeFormerMember', message: 'This unit has left the alliance; it cannot take a seat.' });
    }
    if (input.kind === 'add' && seat) throw fieldError('organizationId', { key: 'errors.changeHasSeat', message: 'This member has a seat already: record an adjustment (调整).' });
    if (input.kind !== 'add' && !seat) throw fieldError('organizationId', { key: 'errors.changeNoSeat', message: 'This member has no seat in the current term: record an addition (增补).' });
    if (input.kind !== 'leave' && !input.role) throw fieldError('role', { key: 'validation.required', message: 'Required.' });
    if (input.kind === 'adjust' && seat!.role === input.role) throw fieldError('role', { key: 'errors.changeSameRole', message: 'This is the role the member holds already.' });
    withRoleCopies(ctx, [input.organizationId], () => {
      if (seat) closeSeat(ctx, seat, input.date);
      if (input.kind !== 'leave') insertSeat(ctx, { termId: term.id, organizationId: input.organizationId, role: input.role!, fromDate: input.date, toDate: null });
      insertChange(ctx, { termId: term.id, organizationId: input.organizationId, kind: input.kind, roleBefore: seat?.role ?? null, roleAfter: input.kind === 'leave' ? null : input.role, date: input.date, reason: input.reason, eventId: input.eventId });
    });
    const after = getTerm(ctx, term.id);
    recordChange(ctx, 'term', term.id, 'update', term, after);
    return after;
  })();
}

/**
 * Takes back a change recorded by mistake: only a member's latest change in the current term, so the
 * seats it closed and opened are known exactly. Kept in the history like any other edit.
 */
export function undoTermChange(ctx: ServiceContext, changeId: string): TermDetail {
  return ctx.sqlite.transaction(() => {
    const change = ctx.sqlite
      .prepare('SELECT id, term_id AS termId, organization_id AS organizationId, kind, role_before AS roleBefore, role_after AS roleAfter, date FROM term_changes WHERE id = ?')
      .get(changeId) as ChangeRow | undefined;
    if (!change) throw new AppError('NOT_FOUND', `No term change with id ${changeId}.`, { key: 'errors.notFound' });
    const term = getTerm(ctx, change.termId);
    if (term.state !== 'current') throw new AppError('CONFLICT', 'Only changes in the current term can be taken back.', { key: 'errors.changeNotCurrent' });
    if (term.changes.filter((c) => c.organizationId === change.organizationId).at(-1)?.id !== change.id) {
      throw new AppError('CONFLICT', "Only the member's latest change can be taken back.", { key: 'errors.changeNotLatest' });
    }
    withRoleCopies(ctx, [change.organizationId], () => {
      if (change.kind !== 'leave') ctx.sqlite.prepare('DELETE FROM term_seats WHERE term_id = ? AND organization_id = ? AND to_date IS NULL AND from_date = ?').run(term.id, change.organizationId, change.date);
      if (change.roleBefore) {
        const closed = ctx.sqlite.prepare('SELECT id FROM term_seats WHERE term_id = ? AND organization_id = ? AND to_date = ?').pluck().get(term.id, change.organizationId, addDays(change.date, -1)) as string | undefined;
        if (closed) ctx.sqlite.prepare('UPDATE term_seats SET to_date = NULL WHERE id = ?').run(closed);
        else insertSeat(ctx, { termId: term.id, organizationId: change.organizationId, role: change.roleBefore, fromDate: change.date, toDate: null });
      }
      ctx.sqlite.prepare('DELETE FROM term_changes WHERE id = ?').run(change.id);
    });
    const after = getTerm(ctx, term.id);
    recordChange(ctx, 'term', term.id, 'update', term, after);
    return after;
  })();
}

/**
 * A member leaving the alliance (退出, 除名) leaves its seat on the same day, recorded as a 退出 in the
 * current term with the same reason. Called inside the member's status change, which logs the member.
 */
export function leaveSeatWithAlliance(ctx: ServiceContext, organizationId: string, date: string | null, reason: string | null): void {
  const termId = currentTermId(ctx);
  const seat = termId ? openSeat(ctx, termId, organizationId) : undefined;
  if (!termId || !seat) return;
  const day = date ?? todayIso(ctx);
  closeSeat(ctx, seat, day);
  insertChange(ctx, { termId, organizationId, kind: 'leave', roleBefore: seat.role, roleAfter: null, date: day, reason, eventId: null });
  refreshRoleCopy(ctx, organizationId);
}
