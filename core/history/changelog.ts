// The change log: written by every mutation inside that mutation's own transaction.
import { and, desc, eq } from 'drizzle-orm';
import { changeLog } from '../../db/schema.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import type { ChangeLogEntry } from './contract.js';
import type { ChangeEntity } from './fields.js';
import { changeLogModel } from './history-model.js';

export type { ChangeEntity };

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
    .all()
    .map((row) => changeLogModel.toRecord(row));
}
