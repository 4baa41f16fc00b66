// History: the change log as an alliance-wide activity list, and deleted members and agreements
// brought back from the snapshot their deletion logged.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { agreements, changeLog, organizations } from '../../db/schema.js';
import { agreementCreateInput } from '../agreements/contract.js';
import { memberCreateInput, type ApiParsed } from '../contract/registry.js';
import { createAgreement } from '../agreements/agreements.js';
import { restoreAttachments } from '../attachments/attachments.js';
import { FORMER_MEMBER_STATUSES } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import type { HandlerMap } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import { createMember, setMemberStatus } from '../members/members.js';
import type { Agreement, Attachment, ChangeSummary, Member } from '../contract/types.js';

const RESTORABLE = ['organization', 'agreement'];

function labelOf(entity: string, snapshot: Record<string, unknown> | null): string {
  if (!snapshot) return '';
  if (entity === 'agreement') return `${snapshot.number ?? ''} ${snapshot.title ?? ''}`.trim();
  return String(snapshot.name ?? snapshot.title ?? snapshot.fileName ?? snapshot.field ?? '');
}

function exists(ctx: ServiceContext, entity: string, id: string): boolean {
  const table = entity === 'agreement' ? agreements : organizations;
  return Boolean(ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get());
}

export function recentChanges(ctx: ServiceContext, input: ApiParsed<'changes.recent'>): { rows: ChangeSummary[]; total: number } {
  const conditions: (SQL | undefined)[] = [];
  if (input.entity) conditions.push(eq(changeLog.entity, input.entity));
  if (input.action) conditions.push(eq(changeLog.action, input.action));
  const where = and(...conditions);
  const rows = ctx.db.select().from(changeLog).where(where).orderBy(desc(changeLog.id)).limit(input.limit).offset(input.offset).all();
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(changeLog).where(where).get()!.n;
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action as ChangeSummary['action'],
      label: labelOf(r.entity, (r.after ?? r.before) as Record<string, unknown> | null),
      restorable: r.action === 'delete' && RESTORABLE.includes(r.entity) && !exists(ctx, r.entity, r.entityId),
    })),
  };
}

function restoreMember(ctx: ServiceContext, snapshot: Member): void {
  const current = FORMER_MEMBER_STATUSES.includes(snapshot.status) ? 'active' : snapshot.status;
  const { name, shortName, aliases, category, uscc, role, joinDate, address, postcode, website, legalRepresentative, notes, pinyinOverride } = snapshot;
  createMember(
    ctx,
    memberCreateInput.parse({
      ...{ name, shortName, aliases, category, uscc, role, joinDate, address, postcode, website, legalRepresentative, notes, pinyinOverride },
      status: current,
      contacts: snapshot.contacts.map(({ name, title, phone, mobile, email, isPrimary }) => ({ name, title, phone, mobile, email, isPrimary })),
    }),
    { id: snapshot.id, isSample: snapshot.isSample },
  );
  if (current !== snapshot.status) setMemberStatus(ctx, { id: snapshot.id, status: snapshot.status, date: snapshot.exitDate, reason: snapshot.exitReason });
}

function restoreAgreement(ctx: ServiceContext, snapshot: Agreement, deletedAt: string): void {
  const partiesGone = snapshot.parties.filter((p) => !exists(ctx, 'organization', p.organizationId));
  if (partiesGone.length > 0) {
    const names = partiesGone.map((p) => p.name).join('、');
    throw new AppError('CONFLICT', `Restore the parties first: ${names}.`, { key: 'errors.restorePartiesFirst', params: { names } });
  }
  const eventId = snapshot.eventId && ctx.sqlite.prepare('SELECT 1 FROM events WHERE id = ?').get(snapshot.eventId) ? snapshot.eventId : null;
  const amendsId = snapshot.amendsId && exists(ctx, 'agreement', snapshot.amendsId) ? snapshot.amendsId : null;
  createAgreement(
    ctx,
    agreementCreateInput.parse({
      number: snapshot.number,
      title: snapshot.title,
      type: snapshot.type,
      status: snapshot.status,
      signedDate: snapshot.signedDate,
      place: snapshot.place,
      eventId,
      effectiveDate: snapshot.effectiveDate,
      endDate: snapshot.endDate,
      termYears: snapshot.termYears,
      terminatedDate: snapshot.terminatedDate,
      summary: snapshot.summary,
      tags: snapshot.tags,
      amendsId,
      parties: snapshot.parties.map(({ organizationId, label, signatoryName, signatoryTitle, sealAffixed }) => ({ organizationId, label, signatoryName, signatoryTitle, sealAffixed })),
    }),
    { id: snapshot.id, isSample: snapshot.isSample },
  );
  // Its attachments were logged as deleted in the same moment; their files were kept.
  const attachmentRows = ctx.db
    .select({ before: changeLog.before })
    .from(changeLog)
    .where(and(eq(changeLog.entity, 'attachment'), eq(changeLog.action, 'delete'), eq(changeLog.at, deletedAt)))
    .all()
    .map((r) => r.before as Attachment)
    .filter((a) => a.ownerType === 'agreement' && a.ownerId === snapshot.id);
  restoreAttachments(ctx, attachmentRows);
}

/** Brings back a deleted member (with its contacts) or agreement (with its parties and files). */
export function restoreDeleted(ctx: ServiceContext, changeId: number): { entity: string; id: string } {
  return ctx.sqlite.transaction(() => {
    const entry = ctx.db.select().from(changeLog).where(eq(changeLog.id, changeId)).get();
    if (!entry) throw new AppError('NOT_FOUND', 'No such change.', { key: 'errors.notFound' });
    if (entry.action !== 'delete' || !RESTORABLE.includes(entry.entity) || !entry.before) {
      throw new AppError('CONFLICT', 'Only a deleted member or agreement can be restored.', { key: 'errors.notRestorable' });
    }
    if (exists(ctx, entry.entity, entry.entityId)) throw new AppError('CONFLICT', 'This record exists again already.', { key: 'errors.alreadyRestored' });
    if (entry.entity === 'organization') restoreMember(ctx, entry.before as Member);
    else restoreAgreement(ctx, entry.before as Agreement, entry.at);
    return { entity: entry.entity, id: entry.entityId };
  })();
}

export const historyHandlers: HandlerMap = {
  'changes.recent': (input, ctx) => recentChanges(ctx, input),
  'changes.restore': (input, ctx) => restoreDeleted(ctx, input.id),
};
