// A member's status over time (member_status_events): every change of status and the day it took
// effect, written in the change's own transaction. The annual report reads joins, exits and the
// register at a year's start and end from here.
import { newRecordId } from '../records/ids.js';
import { z } from 'zod';
import { memberStatusEvents } from '../../db/schema.js';
import { MEMBER_STATUSES, type MemberStatus } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { defineFields, label, stored } from '../contract/fields.js';
import { bindModel } from '../records/model.js';

export const statusEventFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  organizationId: { kind: 'ref', schema: stored.id, access: 'system', label: label('成员单位', 'Member') },
  status: { kind: 'enum', schema: z.enum(MEMBER_STATUSES), access: 'system', label: label('成员状态', 'Status') },
  date: { kind: 'date', schema: stored.text, access: 'system', label: label('日期', 'Date') },
  reason: { kind: 'text', schema: stored.optionalText, access: 'system', label: label('原因', 'Reason') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('记录时间', 'Recorded') },
});

export const statusEventModel = bindModel('member_status_event', memberStatusEvents, statusEventFields);

/** The statuses in which a unit counts as a member of the register (a roster's). */
export const MEMBER_IN_GOOD_STANDING: readonly MemberStatus[] = ['active', 'suspended'];

export function recordStatus(ctx: ServiceContext, organizationId: string, status: MemberStatus, date: string, reason: string | null = null): void {
  statusEventModel.insertStatement(ctx.sqlite)({ id: newRecordId(), organizationId, status, date, reason, createdAt: nowIso(ctx) });
}

/** A writer for many members at once (an import), reusing one prepared statement. */
export function statusWriter(ctx: ServiceContext): (organizationId: string, status: MemberStatus, date: string) => void {
  const insert = statusEventModel.insertStatement(ctx.sqlite);
  const at = nowIso(ctx);
  return (organizationId, status, date) => insert({ id: newRecordId(), organizationId, status, date, reason: null, createdAt: at });
}

/**
 * Members without any status history get what the register knows, as migration 0010 gave old
 * folders: joined on the join date (or the day the record was made), then gone on the exit date.
 * For rows written straight into the table (the bench's generator) and restored members.
 */
export function backfillStatusHistory(ctx: ServiceContext): number {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, status, coalesce(join_date, substr(created_at, 1, 10)) AS joined, coalesce(exit_date, substr(updated_at, 1, 10)) AS changed, exit_reason AS reason
         FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM member_status_events e WHERE e.organization_id = o.id)`,
    )
    .all() as { id: string; status: MemberStatus; joined: string; changed: string; reason: string | null }[];
  for (const row of rows) {
    recordStatus(ctx, row.id, row.status === 'applied' ? 'applied' : 'active', row.joined);
    if (!['applied', 'active'].includes(row.status)) recordStatus(ctx, row.id, row.status, row.changed > row.joined ? row.changed : row.joined, row.reason);
  }
  return rows.length;
}
