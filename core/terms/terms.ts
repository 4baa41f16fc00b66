// Council terms (届): reading them, recording past ones, correcting their composition and offices,
// and 换届 — the next term prepared as a draft from the current one, made current at its meeting.
import { newRecordId } from '../records/ids.js';
import { termName, type MemberRole } from '../contract/codes.js';
import { nowIso, todayIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { recordChange } from '../history/changelog.js';
import { addDays } from '../records/dates.js';
import { assertReference, recordExists } from '../records/references.js';
import { putBackStoredRows, readStoredRows, type OwnedTable, type StoredRows } from '../records/stored-rows.js';
import type { MakeCurrentInput, OfficersInput, SeatInput, TermChange, TermDetail, TermInput, TermOfficer, TermSeat, TermSummary, TermUpdateInput } from './contract.js';
import { currentTermId, insertSeat, setSeat, withRoleCopies } from './seats.js';
import { officerModel, termModel } from './term-model.js';

const SUMMARY_SQL = `
  SELECT t.id, t.ordinal, t.state, t.start_date AS startDate, t.end_date AS endDate, t.elected_event_id AS electedEventId,
         t.notes, t.is_sample AS isSample, t.created_at AS createdAt, t.updated_at AS updatedAt, e.title AS electedEventTitle,
         (SELECT count(DISTINCT organization_id) FROM term_seats s WHERE s.term_id = t.id) AS seatCount,
         (SELECT count(*) FROM term_officers o WHERE o.term_id = t.id) AS officerCount,
         (SELECT count(*) FROM term_changes c WHERE c.term_id = t.id) AS changeCount
    FROM council_terms t LEFT JOIN events e ON e.id = t.elected_event_id`;

type SummaryRow = Omit<TermSummary, 'name' | 'isSample'> & { isSample: number };

function toSummary(row: SummaryRow): TermSummary {
  return { ...row, isSample: row.isSample === 1, name: termName(row.ordinal) };
}

/** Drafts first, then the current term, then past terms from the newest. */
export function listTerms(ctx: ServiceContext): TermSummary[] {
  const rows = ctx.sqlite.prepare(`${SUMMARY_SQL} ORDER BY CASE t.state WHEN 'draft' THEN 0 WHEN 'current' THEN 1 ELSE 2 END, t.start_date DESC, t.ordinal DESC`).all() as SummaryRow[];
  return rows.map(toSummary);
}

export function termSummary(ctx: ServiceContext, id: string): TermSummary {
  const row = ctx.sqlite.prepare(`${SUMMARY_SQL} WHERE t.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No council term with id ${id}.`, { key: 'errors.termNotFound' });
  return toSummary(row);
}

export function termSeats(ctx: ServiceContext, termId: string): TermSeat[] {
  return ctx.sqlite
    .prepare(
      `SELECT s.id, s.organization_id AS organizationId, o.name, o.category, o.status, s.role, s.from_date AS fromDate, s.to_date AS toDate
         FROM term_seats s JOIN organizations o ON o.id = s.organization_id
        WHERE s.term_id = ?
        ORDER BY s.to_date IS NOT NULL, CASE s.role WHEN 'lead' THEN 0 WHEN 'chair' THEN 1 WHEN 'executive_vice_chair' THEN 2 WHEN 'vice_chair' THEN 3 WHEN 'executive_council' THEN 4 WHEN 'council' THEN 5 ELSE 6 END, o.pinyin_key, s.from_date`,
    )
    .all(termId) as TermSeat[];
}

export const OFFICER_SQL = `
  SELECT f.id, f.office, f.person_name AS personName, f.organization_id AS organizationId, o.name AS organizationName, f.from_date AS fromDate, f.to_date AS toDate
    FROM term_officers f LEFT JOIN organizations o ON o.id = f.organization_id`;

export function termOfficers(ctx: ServiceContext, termId: string): TermOfficer[] {
  return ctx.sqlite.prepare(`${OFFICER_SQL} WHERE f.term_id = ? ORDER BY f.position`).all(termId) as TermOfficer[];
}

export function termChanges(ctx: ServiceContext, termId: string): TermChange[] {
  return ctx.sqlite
    .prepare(
      `SELECT c.id, c.organization_id AS organizationId, o.name AS organizationName, c.kind, c.role_before AS roleBefore, c.role_after AS roleAfter,
              c.date, c.reason, c.event_id AS eventId, e.title AS eventTitle
         FROM term_changes c JOIN organizations o ON o.id = c.organization_id LEFT JOIN events e ON e.id = c.event_id
        WHERE c.term_id = ? ORDER BY c.date, c.created_at`,
    )
    .all(termId) as TermChange[];
}

export function getTerm(ctx: ServiceContext, id: string): TermDetail {
  return { ...termSummary(ctx, id), seats: termSeats(ctx, id), officers: termOfficers(ctx, id), changes: termChanges(ctx, id) };
}

/** What the history keeps of a term: its fields and composition, without the joined names' churn. */
function logTerm(ctx: ServiceContext, id: string, action: 'create' | 'update' | 'delete', before: TermDetail | null, after: TermDetail | null): void {
  recordChange(ctx, 'term', id, action, before, after);
}

export function assertMember(ctx: ServiceContext, organizationId: string | null, field = 'organizationId'): void {
  assertReference(ctx, 'organizations', organizationId, field);
}

/** A term's own fields: a free number, an end not before the start, no overlap with another dated term. */
function assertTermFields(ctx: ServiceContext, input: TermInput, exceptId: string | null): void {
  if (input.ordinal != null && ctx.sqlite.prepare('SELECT 1 FROM council_terms WHERE ordinal = ? AND id IS NOT ?').get(input.ordinal, exceptId)) {
    throw fieldError('ordinal', { key: 'errors.termNumberTaken', params: { name: termName(input.ordinal) }, message: `${termName(input.ordinal)} exists already.` });
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    throw fieldError('endDate', { key: 'validation.endDateBeforeStart', message: 'The end date cannot be before the start date.' });
  }
  if (input.startDate && input.endDate) {
    const overlap = ctx.sqlite
      .prepare(`SELECT ordinal FROM council_terms WHERE id IS NOT ? AND state <> 'draft' AND start_date IS NOT NULL AND start_date <= ? AND coalesce(end_date, '9999-12-31') >= ?`)
      .get(exceptId, input.endDate, input.startDate) as { ordinal: number | null } | undefined;
    if (overlap) throw fieldError('startDate', { key: 'errors.termOverlaps', params: { name: termName(overlap.ordinal) }, message: `These dates overlap ${termName(overlap.ordinal)}.` });
  }
  assertReference(ctx, 'events', input.electedEventId, 'electedEventId');
}

export function createPastTerm(ctx: ServiceContext, input: TermInput, options: { isSample?: boolean } = {}): TermDetail {
  return ctx.sqlite.transaction(() => {
    if (!input.startDate) throw fieldError('startDate', { key: 'validation.required', message: 'Required.' });
    if (!input.endDate) throw fieldError('endDate', { key: 'validation.required', message: 'Required.' });
    if (input.endDate >= todayIso(ctx)) throw fieldError('endDate', { key: 'errors.pastTermEnded', message: 'A past term ended before today.' });
    assertTermFields(ctx, input, null);
    const id = insertTerm(ctx, { ...input, state: 'closed', isSample: options.isSample ?? false });
    const created = getTerm(ctx, id);
    logTerm(ctx, id, 'create', null, created);
    return created;
  })();
}

export function insertTerm(ctx: ServiceContext, term: TermInput & { state: 'draft' | 'current' | 'closed'; isSample: boolean }): string {
  const id = newRecordId();
  const at = nowIso(ctx);
  termModel.insertStatement(ctx.sqlite)({ id, ordinal: term.ordinal, state: term.state, startDate: term.startDate, endDate: term.endDate, electedEventId: term.electedEventId, notes: term.notes, isSample: term.isSample, createdAt: at, updatedAt: at });
  return id;
}

export function updateTerm(ctx: ServiceContext, input: TermUpdateInput): TermDetail {
  const { id, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getTerm(ctx, id);
    assertTermFields(ctx, fields, id);
    if (before.state === 'current' && fields.startDate && fields.startDate > todayIso(ctx)) {
      throw fieldError('startDate', { key: 'errors.termStartsLater', message: 'The current term cannot start after today.' });
    }
    const firstChange = before.changes[0]?.date;
    if (fields.startDate && firstChange && fields.startDate > firstChange) {
      throw fieldError('startDate', { key: 'errors.termStartsAfterChange', params: { date: firstChange }, message: `This term has a change dated ${firstChange}; it cannot start after it.` });
    }
    if (before.state === 'current' && fields.endDate && fields.endDate < todayIso(ctx)) {
      throw fieldError('endDate', { key: 'errors.currentTermEnded', message: 'The current term cannot have ended; start the next term (换届) instead.' });
    }
    // Every field of the model but its state, which only 换届 moves.
    termModel.updateStatement(ctx.sqlite, ['id', 'createdAt', 'isSample', 'state'])(id, { ...fields, updatedAt: nowIso(ctx) });
    const after = getTerm(ctx, id);
    logTerm(ctx, id, 'update', before, after);
    return after;
  })();
}

export function deleteTerm(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = getTerm(ctx, id);
    if (before.state === 'current') throw new AppError('CONFLICT', 'The current term cannot be removed: the members’ roles come from it.', { key: 'errors.currentTermDelete' });
    // The rows as stored go into the history with it, so the term can be brought back whole.
    const storedRows = readStoredRows(ctx, TERM_TABLES, id);
    ctx.sqlite.prepare('DELETE FROM council_terms WHERE id = ?').run(id);
    recordChange(ctx, 'term', id, 'delete', { ...before, storedRows }, null);
    return { id };
  })();
}

/** A term's rows, parents first: the term, then its seats, changes and officers. */
const TERM_TABLES: readonly OwnedTable[] = [
  { table: 'council_terms', owner: 'id', optional: { elected_event_id: 'events' } },
  { table: 'term_seats', owner: 'term_id' },
  { table: 'term_changes', owner: 'term_id', optional: { event_id: 'events' } },
  { table: 'term_officers', owner: 'term_id', optional: { organization_id: 'organizations' } },
];

/**
 * Brings a deleted (draft or closed) term back whole from its deletion's snapshot: refused, with the
 * reason, when its number or dates are taken meanwhile, another term is being prepared, or a unit of
 * its council was deleted since (restore that unit first) — never brought back in part.
 */
export function putBackTerm(ctx: ServiceContext, snapshot: TermDetail & { storedRows?: StoredRows }): TermDetail {
  const row = snapshot.storedRows?.council_terms?.find((r) => r.id === snapshot.id);
  if (!row || (row.state !== 'draft' && row.state !== 'closed')) throw new AppError('CONFLICT', 'This term was deleted before its rows were kept; it cannot be restored.', { key: 'errors.notRestorable' });
  if (row.state === 'draft' && ctx.sqlite.prepare(`SELECT 1 FROM council_terms WHERE state = 'draft'`).get()) {
    throw new AppError('CONFLICT', 'The next term is being prepared already.', { key: 'errors.termDraftExists' });
  }
  // A draft's dates are only planned: they cannot overlap anything yet.
  const dates = row.state === 'draft' ? { startDate: null, endDate: null } : { startDate: snapshot.startDate, endDate: snapshot.endDate };
  assertTermFields(ctx, { ordinal: snapshot.ordinal, ...dates, electedEventId: null } as TermInput, snapshot.id);
  const units = [...snapshot.seats.map((s) => ({ id: s.organizationId, name: s.name })), ...snapshot.changes.map((c) => ({ id: c.organizationId, name: c.organizationName }))];
  const gone = [...new Set(units.filter((u) => !recordExists(ctx, 'organizations', u.id)).map((u) => u.name))];
  if (gone.length > 0) throw new AppError('CONFLICT', `Restore these units first: ${gone.join(', ')}.`, { key: 'errors.restoreUnitsFirst', params: { names: gone.join('、') } });
  const { left } = putBackStoredRows(ctx, snapshot.storedRows!, TERM_TABLES, snapshot.id);
  if (left > 0) throw new AppError('CONFLICT', 'Part of this term could not be brought back; nothing was restored.', { key: 'errors.notRestorable' });
  const after = getTerm(ctx, snapshot.id);
  logTerm(ctx, snapshot.id, 'create', null, after);
  return after;
}

export function setTermSeat(ctx: ServiceContext, input: SeatInput): TermDetail {
  return ctx.sqlite.transaction(() => {
    const before = getTerm(ctx, input.termId);
    assertMember(ctx, input.organizationId);
    const change = () => setSeat(ctx, input.termId, input.organizationId, input.role as MemberRole);
    const changed = before.state === 'current' ? withRoleCopies(ctx, [input.organizationId], change) : change();
    if (!changed) return before;
    touch(ctx, input.termId);
    const after = getTerm(ctx, input.termId);
    logTerm(ctx, input.termId, 'update', before, after);
    return after;
  })();
}

function touch(ctx: ServiceContext, termId: string): void {
  ctx.sqlite.prepare('UPDATE council_terms SET updated_at = ? WHERE id = ?').run(nowIso(ctx), termId);
}

export function setTermOfficers(ctx: ServiceContext, input: OfficersInput): TermDetail {
  return ctx.sqlite.transaction(() => {
    const before = getTerm(ctx, input.termId);
    input.officers.forEach((officer, i) => {
      assertMember(ctx, officer.organizationId, `officers.${i}.organizationId`);
      if (officer.fromDate && officer.toDate && officer.toDate < officer.fromDate) {
        throw fieldError(`officers.${i}.toDate`, { key: 'validation.endDateBeforeStart', message: 'The end date cannot be before the start date.' });
      }
    });
    ctx.sqlite.prepare('DELETE FROM term_officers WHERE term_id = ?').run(input.termId);
    const insert = officerModel.insertStatement(ctx.sqlite);
    input.officers.forEach((o, i) => insert({ id: newRecordId(), termId: input.termId, office: o.office, personName: o.personName, organizationId: o.organizationId, fromDate: o.fromDate, toDate: o.toDate, position: i }));
    touch(ctx, input.termId);
    const after = getTerm(ctx, input.termId);
    logTerm(ctx, input.termId, 'update', before, after);
    return after;
  })();
}

/** 换届: a draft of the next term holding the current composition (open seats) and offices, to edit. */
export function startNextTerm(ctx: ServiceContext): TermDetail {
  return ctx.sqlite.transaction(() => {
    if (ctx.sqlite.prepare(`SELECT 1 FROM council_terms WHERE state = 'draft'`).get()) {
      throw new AppError('CONFLICT', 'The next term is being prepared already; edit that draft.', { key: 'errors.termDraftExists' });
    }
    const current = currentTermId(ctx);
    const maxOrdinal = ctx.sqlite.prepare('SELECT max(ordinal) FROM council_terms').pluck().get() as number | null;
    const currentOrdinal = current ? (ctx.sqlite.prepare('SELECT ordinal FROM council_terms WHERE id = ?').pluck().get(current) as number | null) : null;
    const ordinal = currentOrdinal != null ? currentOrdinal + 1 : maxOrdinal != null ? maxOrdinal + 1 : current ? null : 1;
    // With no council yet, the first one is formed as the current term at once: there is nothing to
    // hand over from, and roles set meanwhile on the register belong to it.
    const id = insertTerm(ctx, { ordinal: ordinal != null && ordinal <= 99 ? ordinal : null, startDate: null, endDate: null, electedEventId: null, notes: null, state: current ? 'draft' : 'current', isSample: false });
    if (current) {
      const seats = ctx.sqlite.prepare(`SELECT s.organization_id AS organizationId, s.role FROM term_seats s JOIN organizations o ON o.id = s.organization_id WHERE s.term_id = ? AND s.to_date IS NULL AND o.status NOT IN ('withdrawn', 'expelled')`).all(current) as { organizationId: string; role: MemberRole }[];
      for (const seat of seats) insertSeat(ctx, { termId: id, organizationId: seat.organizationId, role: seat.role, fromDate: null, toDate: null });
      const insert = officerModel.insertStatement(ctx.sqlite);
      termOfficers(ctx, current)
        .filter((o) => o.toDate === null)
        .forEach((o, i) => insert({ id: newRecordId(), termId: id, office: o.office, personName: o.personName, organizationId: o.organizationId, fromDate: null, toDate: null, position: i }));
    }
    const created = getTerm(ctx, id);
    logTerm(ctx, id, 'create', null, created);
    return created;
  })();
}

/**
 * The draft becomes the current term from its electing meeting's day; the current term closes the
 * day before, its open seats and offices with it. Every member's role follows the new composition.
 */
export function makeTermCurrent(ctx: ServiceContext, input: MakeCurrentInput): TermDetail {
  return ctx.sqlite.transaction(() => {
    const draft = getTerm(ctx, input.id);
    if (draft.state !== 'draft') throw new AppError('CONFLICT', 'Only the draft of the next term can be made current.', { key: 'errors.termNotDraft' });
    if (input.startDate > todayIso(ctx)) throw fieldError('startDate', { key: 'errors.termStartsLater', message: 'A term is made current on or after the day it starts.' });
    assertReference(ctx, 'events', input.electedEventId, 'electedEventId');
    const currentId = currentTermId(ctx);
    const current = currentId ? getTerm(ctx, currentId) : null;
    if (current?.startDate && input.startDate <= current.startDate) {
      throw fieldError('startDate', { key: 'errors.termStartsBefore', params: { name: current.name, date: current.startDate }, message: `The new term must start after ${current.name} (${current.startDate}).` });
    }
    const lastDay = addDays(input.startDate, -1);
    if (current) {
      const lastChange = current.changes.at(-1)?.date;
      if (lastChange && lastChange > lastDay) {
        throw fieldError('startDate', { key: 'errors.termStartsBeforeChange', params: { date: lastChange }, message: `The current term has a change dated ${lastChange}; the new term starts after it.` });
      }
    }
    return withRoleCopies(ctx, 'all', () => {
      if (current) {
        const at = nowIso(ctx);
        ctx.sqlite.prepare(`UPDATE council_terms SET state = 'closed', end_date = coalesce(end_date, ?), updated_at = ? WHERE id = ?`).run(lastDay, at, current.id);
        ctx.sqlite.prepare('UPDATE term_seats SET to_date = ? WHERE term_id = ? AND to_date IS NULL').run(lastDay, current.id);
        ctx.sqlite.prepare('UPDATE term_officers SET to_date = ? WHERE term_id = ? AND to_date IS NULL').run(lastDay, current.id);
        logTerm(ctx, current.id, 'update', current, getTerm(ctx, current.id));
      }
      ctx.sqlite
        .prepare(`UPDATE council_terms SET state = 'current', start_date = ?, end_date = CASE WHEN end_date > ? THEN end_date END, elected_event_id = coalesce(?, elected_event_id), updated_at = ? WHERE id = ?`)
        .run(input.startDate, input.startDate, input.electedEventId, nowIso(ctx), draft.id);
      const after = getTerm(ctx, draft.id);
      logTerm(ctx, draft.id, 'update', draft, after);
      return after;
    });
  })();
}
