// Talent supply and demand (人才供需): items a member publishes, optionally released at an event.
import { newRecordId } from '../records/ids.js';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { events, organizations, talentItems } from '../../db/schema.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { containsPattern } from '../text/search-text.js';
import { rowOf } from '../records/model.js';
import type { TalentInput, TalentItem, TalentListInput, TalentUpdateInput } from './contract.js';
import { talentModel } from './talent-model.js';


function select(ctx: ServiceContext, where: SQL | undefined): TalentItem[] {
  return ctx.db
    .select({ item: talentItems, organizationName: organizations.name, eventTitle: events.title })
    .from(talentItems)
    .innerJoin(organizations, eq(organizations.id, talentItems.organizationId))
    .leftJoin(events, eq(events.id, talentItems.eventId))
    .where(where)
    .orderBy(asc(talentItems.direction), asc(organizations.pinyinKey), asc(talentItems.field))
    .all()
    .map((row) => ({ ...talentModel.toRecord(row.item), organizationName: row.organizationName, eventTitle: row.eventTitle }));
}

function getTalentItem(ctx: ServiceContext, id: string): TalentItem {
  const [item] = select(ctx, eq(talentItems.id, id));
  if (!item) throw new AppError('NOT_FOUND', `No talent item with id ${id}.`, { key: 'errors.notFound' });
  return item;
}

function assertReferences(ctx: ServiceContext, input: TalentInput): void {
  if (!ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).get()) {
    throw fieldError('organizationId', { key: 'errors.memberNotFound', message: 'No member with this id.' });
  }
  if (input.eventId && !ctx.db.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) {
    throw fieldError('eventId', { key: 'errors.eventNotFound', message: 'No event with this id.' });
  }
}

export function createTalentItem(ctx: ServiceContext, input: TalentInput, options: { isSample?: boolean } = {}): TalentItem {
  return ctx.sqlite.transaction(() => {
    assertReferences(ctx, input);
    const id = newRecordId();
    const at = nowIso(ctx);
    ctx.db.insert(talentItems).values({ id, ...input, isSample: options.isSample ?? false, createdAt: at, updatedAt: at }).run();
    const created = getTalentItem(ctx, id);
    recordChange(ctx, 'talent', id, 'create', null, created);
    return created;
  })();
}

export function updateTalentItem(ctx: ServiceContext, input: TalentUpdateInput): TalentItem {
  const { id, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getTalentItem(ctx, id);
    assertReferences(ctx, fields);
    ctx.db.update(talentItems).set({ ...fields, updatedAt: nowIso(ctx) }).where(eq(talentItems.id, id)).run();
    const after = getTalentItem(ctx, id);
    recordChange(ctx, 'talent', id, 'update', before, after);
    return after;
  })();
}

export function deleteTalentItem(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = getTalentItem(ctx, id);
    ctx.db.delete(talentItems).where(eq(talentItems.id, id)).run();
    recordChange(ctx, 'talent', id, 'delete', before, null);
    return { id };
  })();
}

/** Brings a deleted talent item back as its snapshot holds it; a released-at event deleted since is unlinked. */
export function putBackTalentItem(ctx: ServiceContext, snapshot: TalentItem): TalentItem {
  return ctx.sqlite.transaction(() => {
    if (!ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, snapshot.organizationId)).get()) {
      throw new AppError('CONFLICT', `Restore the publisher first: ${snapshot.organizationName}.`, { key: 'errors.restorePartiesFirst', params: { names: snapshot.organizationName } });
    }
    const eventId = snapshot.eventId && ctx.db.select({ id: events.id }).from(events).where(eq(events.id, snapshot.eventId)).get() ? snapshot.eventId : null;
    const at = nowIso(ctx);
    ctx.db.insert(talentItems).values(rowOf(talentModel, { ...snapshot, eventId }, { createdAt: at, updatedAt: at }) as never).run();
    const restored = getTalentItem(ctx, snapshot.id);
    recordChange(ctx, 'talent', snapshot.id, 'create', null, restored);
    return restored;
  })();
}

export function listTalentItems(ctx: ServiceContext, input: TalentListInput): TalentItem[] {
  const conditions: (SQL | undefined)[] = [];
  if (input.direction) conditions.push(eq(talentItems.direction, input.direction));
  if (input.organizationId) conditions.push(eq(talentItems.organizationId, input.organizationId));
  if (input.eventId) conditions.push(eq(talentItems.eventId, input.eventId));
  if (input.text?.trim()) {
    conditions.push(sql`lower(${talentItems.field} || ' ' || coalesce(${talentItems.level}, '') || ' ' || coalesce(${talentItems.notes}, '') || ' ' || ${organizations.name}) LIKE ${containsPattern(input.text)} ESCAPE '\\'`);
  }
  return select(ctx, and(...conditions));
}

registerMemberReferenceCheck((ctx, organizationId) => {
  const count = ctx.db.select({ n: sql<number>`count(*)` }).from(talentItems).where(eq(talentItems.organizationId, organizationId)).get()!.n;
  if (count === 0) return null;
  return { key: 'errors.memberHasTalentItems', params: { count }, message: `This member published ${count} talent supply/demand items; it cannot be deleted.` };
});
