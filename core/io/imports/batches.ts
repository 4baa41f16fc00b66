// Recent imports, and undoing one as a whole: the members it created are removed, those it changed
// are put back exactly as they were (every field, their contacts), all or nothing.
import { desc, eq, sql } from 'drizzle-orm';
import { importBatches } from '../../../db/schema.js';
import { nowIso, type ServiceContext } from '../../contract/context.js';
import { AppError } from '../../contract/errors.js';
import type { Member } from '../../members/fields.js';
import { deleteMember, memberExists, putBackMember } from '../../members/members.js';
import type { ImportBatch } from './contract.js';
import { importBatchModel } from './import-model.js';

export function listBatches(ctx: ServiceContext): ImportBatch[] {
  return ctx.db
    .select()
    .from(importBatches)
    .orderBy(desc(importBatches.createdAt), sql`rowid DESC`)
    .limit(50)
    .all()
    .map((row) => importBatchModel.toRecord(row));
}

export function undoBatch(ctx: ServiceContext, batchId: string): { removed: number; restored: number } {
  return ctx.sqlite.transaction(() => {
    const batch = ctx.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
    if (!batch) throw new AppError('NOT_FOUND', 'This import is not on record.', { key: 'import.batchNotFound' });
    if (batch.undoneAt) throw new AppError('CONFLICT', 'This import was already undone.', { key: 'import.alreadyUndone' });
    const items = ctx.sqlite.prepare('SELECT organization_id AS id, action, before FROM import_batch_items WHERE batch_id = ? ORDER BY rowid DESC').all(batchId) as {
      id: string;
      action: 'create' | 'update';
      before: string | null;
    }[];
    let removed = 0;
    let restored = 0;
    for (const item of items) {
      if (!memberExists(ctx, item.id)) continue; // deleted since; nothing to undo for it
      if (item.action === 'create') {
        // Refuses (and rolls back the whole undo) when the member has been used since, e.g. in an agreement.
        deleteMember(ctx, item.id);
        removed += 1;
      } else {
        putBackMember(ctx, JSON.parse(item.before!) as Member);
        restored += 1;
      }
    }
    // Each removal and restore is in the change log already, as the member's own history.
    ctx.db.update(importBatches).set({ undoneAt: nowIso(ctx) }).where(eq(importBatches.id, batchId)).run();
    return { removed, restored };
  })();
}
