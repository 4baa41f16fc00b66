// Signing-ceremony mode: signings planned in order for an event, then marked done one by one at
// the venue. Everything lives in the database, so closing the app mid-ceremony resumes where it stopped.
import { newRecordId } from '../records/ids.js';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { agreements, ceremonySignings, events } from '../../db/schema.js';
import { agreementRows } from '../agreements/agreement-list.js';
import { createAgreement, setAgreementSigned } from '../agreements/agreements.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { CeremonyMoveInput, CeremonyPlanInput, CeremonyState } from './contract.js';

function findEvent(ctx: ServiceContext, eventId: string) {
  const event = ctx.db.select({ id: events.id, title: events.title, date: events.date }).from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('NOT_FOUND', `No event with id ${eventId}.`, { key: 'errors.eventNotFound' });
  return event;
}

export function ceremonyState(ctx: ServiceContext, eventId: string): CeremonyState {
  const event = findEvent(ctx, eventId);
  const plan = ctx.db.select().from(ceremonySignings).where(eq(ceremonySignings.eventId, eventId)).orderBy(asc(ceremonySignings.position)).all();
  const rows = new Map(agreementRows(ctx, sql`${agreements.id} IN (SELECT agreement_id FROM ceremony_signings WHERE event_id = ${eventId})`).map((r) => [r.id, r]));
  const items = plan.map((p) => ({ position: p.position, signedAt: p.signedAt, agreement: rows.get(p.agreementId)! }));
  const current = items.findIndex((item) => item.signedAt === null);
  return { eventId, eventTitle: event.title, eventDate: event.date, items, currentIndex: current === -1 ? items.length : current };
}

/** Adds signings to the end of the event's plan, each as a draft agreement tied to the event. */
export function planSignings(ctx: ServiceContext, input: CeremonyPlanInput): CeremonyState {
  return ctx.sqlite.transaction(() => {
    findEvent(ctx, input.eventId);
    const last = ctx.db.select({ position: ceremonySignings.position }).from(ceremonySignings).where(eq(ceremonySignings.eventId, input.eventId)).orderBy(desc(ceremonySignings.position)).get();
    let position = (last?.position ?? -1) + 1;
    for (const signing of input.signings) {
      const agreement = createAgreement(ctx, {
        ...signing,
        number: null,
        status: 'draft',
        signedDate: null,
        place: null,
        eventId: input.eventId,
        effectiveDate: null,
        endDate: null,
        terminatedDate: null,
        amendsId: null,
      });
      ctx.db.insert(ceremonySignings).values({ id: newRecordId(), eventId: input.eventId, agreementId: agreement.id, position: position++ }).run();
    }
    return ceremonyState(ctx, input.eventId);
  })();
}

/** Marks the current signing done: records the time, signs the agreement on the event's date, moves on. */
export function markCurrentSigned(ctx: ServiceContext, eventId: string): CeremonyState {
  return ctx.sqlite.transaction(() => {
    const event = findEvent(ctx, eventId);
    const next = ctx.db
      .select()
      .from(ceremonySignings)
      .where(and(eq(ceremonySignings.eventId, eventId), isNull(ceremonySignings.signedAt)))
      .orderBy(asc(ceremonySignings.position))
      .get();
    if (!next) throw new AppError('CONFLICT', 'Every planned signing is already marked done.', { key: 'errors.ceremonyFinished' });
    ctx.db.update(ceremonySignings).set({ signedAt: nowIso(ctx) }).where(eq(ceremonySignings.id, next.id)).run();
    setAgreementSigned(ctx, next.agreementId, event.date);
    return ceremonyState(ctx, eventId);
  })();
}

/** Takes back the last mark: the agreement returns to draft and becomes the current signing again. */
export function undoLastSigned(ctx: ServiceContext, eventId: string): CeremonyState {
  return ctx.sqlite.transaction(() => {
    findEvent(ctx, eventId);
    const last = ctx.db
      .select()
      .from(ceremonySignings)
      .where(and(eq(ceremonySignings.eventId, eventId), isNotNull(ceremonySignings.signedAt)))
      .orderBy(desc(ceremonySignings.position))
      .get();
    if (!last) throw new AppError('CONFLICT', 'Nothing has been marked yet.', { key: 'errors.ceremonyNothingToUndo' });
    ctx.db.update(ceremonySignings).set({ signedAt: null }).where(eq(ceremonySignings.id, last.id)).run();
    setAgreementSigned(ctx, last.agreementId, null);
    return ceremonyState(ctx, eventId);
  })();
}

/** Moves a signing not yet done one place earlier or later among the signings not yet done. */
export function moveSigning(ctx: ServiceContext, input: CeremonyMoveInput): CeremonyState {
  return ctx.sqlite.transaction(() => {
    findEvent(ctx, input.eventId);
    const open = ctx.db
      .select()
      .from(ceremonySignings)
      .where(and(eq(ceremonySignings.eventId, input.eventId), isNull(ceremonySignings.signedAt)))
      .orderBy(asc(ceremonySignings.position))
      .all();
    const index = open.findIndex((s) => s.agreementId === input.agreementId);
    if (index === -1) throw new AppError('NOT_FOUND', 'This signing is not waiting in the plan.', { key: 'errors.notFound' });
    const other = open[input.direction === 'up' ? index - 1 : index + 1];
    if (!other) return ceremonyState(ctx, input.eventId);
    const moving = open[index]!;
    ctx.db.update(ceremonySignings).set({ position: other.position }).where(eq(ceremonySignings.id, moving.id)).run();
    ctx.db.update(ceremonySignings).set({ position: moving.position }).where(eq(ceremonySignings.id, other.id)).run();
    return ceremonyState(ctx, input.eventId);
  })();
}
