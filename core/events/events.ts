// Meeting events (会议活动): agenda in order, attendance, minutes, attachments and the agreements signed there.
import { newRecordId } from '../records/ids.js';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { agendaItems, agreements, attendance, events, organizations } from '../../db/schema.js';
import { agreementRows } from '../agreements/agreement-list.js';
import { attachmentsOf, deleteAttachmentsOf, restoreAttachments } from '../attachments/attachments.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { containsPattern } from '../text/search-text.js';
import { rowOf } from '../records/model.js';
import type { EventInput, EventListInput, EventRow, EventUpdateInput, MeetingEvent } from './contract.js';
import { agendaModel, attendanceModel, eventModel } from './event-model.js';

function assertOrganizations(ctx: ServiceContext, references: { path: string; id: string | null }[]): void {
  const ids = [...new Set(references.map((r) => r.id).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const found = new Set(ctx.db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)).all().map((o) => o.id));
  const missing = references.find((r) => r.id !== null && !found.has(r.id));
  if (missing) throw fieldError(missing.path, { key: 'errors.memberNotFound', message: 'No member with this id.' });
}

function writeChildren(ctx: ServiceContext, eventId: string, input: EventInput): void {
  assertOrganizations(ctx, [
    ...input.agenda.map((item, i) => ({ path: `agenda.${i}.presenterOrganizationId`, id: item.presenterOrganizationId })),
    ...input.attendance.map((entry, i) => ({ path: `attendance.${i}.organizationId`, id: entry.organizationId })),
  ]);
  ctx.db.delete(agendaItems).where(eq(agendaItems.eventId, eventId)).run();
  ctx.db.delete(attendance).where(eq(attendance.eventId, eventId)).run();
  input.agenda.forEach((item, position) => ctx.db.insert(agendaItems).values({ id: newRecordId(), eventId, position, ...item }).run());
  input.attendance.forEach((entry, position) => ctx.db.insert(attendance).values({ id: newRecordId(), eventId, position, ...entry }).run());
}

/** The event's own fields of an input (without its agenda and attendance). */
function eventValues(input: EventInput) {
  const { agenda: _agenda, attendance: _attendance, ...values } = input as EventInput & { id?: string };
  delete (values as { id?: string }).id;
  return values;
}

export function getEvent(ctx: ServiceContext, id: string): MeetingEvent {
  const row = ctx.db.select().from(events).where(eq(events.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No event with id ${id}.`, { key: 'errors.eventNotFound' });
  const agenda = ctx.db
    .select({ item: agendaItems, presenterOrganizationName: organizations.name })
    .from(agendaItems)
    .leftJoin(organizations, eq(organizations.id, agendaItems.presenterOrganizationId))
    .where(eq(agendaItems.eventId, id))
    .orderBy(asc(agendaItems.position))
    .all()
    .map((r) => ({ ...agendaModel.toRecord(r.item), presenterOrganizationName: r.presenterOrganizationName }));
  const present = ctx.db
    .select({ entry: attendance, organizationName: organizations.name })
    .from(attendance)
    .innerJoin(organizations, eq(organizations.id, attendance.organizationId))
    .where(eq(attendance.eventId, id))
    .orderBy(asc(attendance.position))
    .all()
    .map((r) => ({ ...attendanceModel.toRecord(r.entry), organizationName: r.organizationName }));
  return {
    ...eventModel.toRecord(row),
    agenda,
    attendance: present,
    agreements: agreementRows(ctx, eq(agreements.eventId, id)),
    attachments: attachmentsOf(ctx, 'event', id),
  };
}

export function createEvent(ctx: ServiceContext, input: EventInput, options: { isSample?: boolean } = {}): MeetingEvent {
  return ctx.sqlite.transaction(() => {
    const id = newRecordId();
    const at = nowIso(ctx);
    ctx.db.insert(events).values({ id, ...eventValues(input), isSample: options.isSample ?? false, createdAt: at, updatedAt: at }).run();
    writeChildren(ctx, id, input);
    const created = getEvent(ctx, id);
    recordChange(ctx, 'event', id, 'create', null, created);
    return created;
  })();
}

export function updateEvent(ctx: ServiceContext, input: EventUpdateInput): MeetingEvent {
  return ctx.sqlite.transaction(() => {
    const before = getEvent(ctx, input.id);
    ctx.db.update(events).set({ ...eventValues(input), updatedAt: nowIso(ctx) }).where(eq(events.id, input.id)).run();
    writeChildren(ctx, input.id, input);
    const after = getEvent(ctx, input.id);
    recordChange(ctx, 'event', input.id, 'update', before, after);
    return after;
  })();
}

/** The one action clerks use at the door: everyone invited has come. */
export function markAllAttended(ctx: ServiceContext, id: string): MeetingEvent {
  return ctx.sqlite.transaction(() => {
    const before = getEvent(ctx, id);
    ctx.db.update(attendance).set({ status: 'attended' }).where(and(eq(attendance.eventId, id), eq(attendance.status, 'invited'))).run();
    const after = getEvent(ctx, id);
    recordChange(ctx, 'event', id, 'update', before, after);
    return after;
  })();
}

export function deleteEvent(ctx: ServiceContext, id: string): { id: string } {
  ctx.sqlite.transaction(() => {
    const before = getEvent(ctx, id);
    const signed = before.agreements.filter((a) => a.status !== 'draft');
    if (signed.length > 0) {
      const numbers = signed.map((a) => a.number).join('、');
      throw new AppError('IN_USE', `Agreements ${numbers} were signed at this event; it cannot be deleted.`, { key: 'errors.eventHasAgreements', params: { numbers } });
    }
    // Drafts planned for it stay as drafts, no longer tied to the event.
    ctx.db.update(agreements).set({ eventId: null }).where(eq(agreements.eventId, id)).run();
    deleteAttachmentsOf(ctx, 'event', id);
    ctx.db.delete(events).where(eq(events.id, id)).run();
    recordChange(ctx, 'event', id, 'delete', before, null);
  })();
  return { id };
}

/**
 * Brings a deleted event back as its snapshot holds it: its fields, agenda and attendance with their
 * ids, the files it listed that are still in the folder, and the draft signings that were planned
 * for it (unlinked when it was deleted). Attending units deleted since must come back first.
 */
export function putBackEvent(ctx: ServiceContext, snapshot: MeetingEvent): MeetingEvent {
  return ctx.sqlite.transaction(() => {
    const gone = snapshot.attendance.filter((a) => !ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, a.organizationId)).get());
    if (gone.length > 0) {
      const names = [...new Set(gone.map((a) => a.organizationName))].join('、');
      throw new AppError('CONFLICT', `Restore the attending units first: ${names}.`, { key: 'errors.restorePartiesFirst', params: { names } });
    }
    const at = nowIso(ctx);
    ctx.db.insert(events).values(rowOf(eventModel, snapshot, { createdAt: at, updatedAt: at }) as never).run();
    const presenters = new Set(ctx.db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, snapshot.agenda.flatMap((a) => (a.presenterOrganizationId ? [a.presenterOrganizationId] : [])))).all().map((o) => o.id));
    for (const item of snapshot.agenda) {
      const presenterOrganizationId = item.presenterOrganizationId && presenters.has(item.presenterOrganizationId) ? item.presenterOrganizationId : null;
      ctx.db.insert(agendaItems).values(rowOf(agendaModel, { ...item, presenterOrganizationId, eventId: snapshot.id }) as never).run();
    }
    snapshot.attendance.forEach((entry, position) => ctx.db.insert(attendance).values(rowOf(attendanceModel, { ...entry, eventId: snapshot.id, position }) as never).run());
    const drafts = snapshot.agreements.filter((a) => a.status === 'draft').map((a) => a.id);
    if (drafts.length) ctx.db.update(agreements).set({ eventId: snapshot.id }).where(and(inArray(agreements.id, drafts), isNull(agreements.eventId))).run();
    restoreAttachments(ctx, snapshot.attachments ?? []);
    const restored = getEvent(ctx, snapshot.id);
    recordChange(ctx, 'event', snapshot.id, 'create', null, restored);
    return restored;
  })();
}

export const eventRowColumns = {
  id: events.id,
  title: events.title,
  type: events.type,
  date: events.date,
  startTime: events.startTime,
  venue: events.venue,
  isSample: events.isSample,
  agreementCount: sql<number>`(SELECT count(*) FROM agreements a WHERE a.event_id = events.id AND a.status <> 'draft')`,
  attendanceCount: sql<number>`(SELECT count(*) FROM attendance t WHERE t.event_id = events.id AND t.status IN ('attended', 'proxy'))`,
};

export function eventRows(ctx: ServiceContext, where: SQL | undefined, order: SQL[], limit = 5000): EventRow[] {
  return ctx.db.select(eventRowColumns).from(events).where(where).orderBy(...order).limit(limit).all() as EventRow[];
}

export function listEvents(ctx: ServiceContext, input: EventListInput): EventRow[] {
  const conditions: (SQL | undefined)[] = [];
  if (input.types?.length) conditions.push(inArray(events.type, input.types));
  if (input.from) conditions.push(gte(events.date, input.from));
  if (input.to) conditions.push(lte(events.date, input.to));
  if (input.text?.trim()) {
    const pattern = containsPattern(input.text);
    conditions.push(sql`lower(${events.title} || ' ' || coalesce(${events.venue}, '')) LIKE ${pattern} ESCAPE '\\'`);
  }
  const dir = input.direction === 'asc' ? asc : desc;
  return eventRows(ctx, and(...conditions), [dir(events.date), dir(sql`coalesce(${events.startTime}, '')`)]);
}

// Attendance and talent items refer to members: such a member cannot be deleted either.
registerMemberReferenceCheck((ctx, organizationId) => {
  const titles = ctx.sqlite
    .prepare('SELECT DISTINCT e.title FROM events e JOIN attendance t ON t.event_id = e.id WHERE t.organization_id = ? ORDER BY e.date')
    .pluck()
    .all(organizationId) as string[];
  if (titles.length === 0) return null;
  const list = titles.slice(0, 3).join('、');
  return { key: 'errors.memberAttendedEvents', params: { events: list }, message: `This member is on the attendance of ${list}; it cannot be deleted.` };
});
