// The change log: written by every mutation inside that mutation's own transaction.
import { and, desc, eq } from 'drizzle-orm';
import { changeLog } from '../../db/schema.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import type { HandlerMap } from '../contract/dispatcher.js';
import type { ChangeLogEntry } from '../contract/types.js';

export type ChangeEntity = 'organization' | 'contact' | 'alliance' | 'agreement' | 'event' | 'talent' | 'attachment';

export function recordChange(
  ctx: ServiceContext,
  entity: ChangeEntity,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  before: unknown,
  after: unknown,
): void {
  ctx.db.insert(changeLog).values({ at: nowIso(ctx), entity, entityId, action, before: before ?? null, after: after ?? null }).run();
}

export function changesForRecord(ctx: ServiceContext, entity: ChangeEntity, entityId: string): ChangeLogEntry[] {
  return ctx.db
    .select()
    .from(changeLog)
    .where(and(eq(changeLog.entity, entity), eq(changeLog.entityId, entityId)))
    .orderBy(desc(changeLog.id))
    .all() as ChangeLogEntry[];
}

export const changeHandlers: HandlerMap = {
  'changes.forRecord': (input, ctx) => changesForRecord(ctx, input.entity, input.id),
};
