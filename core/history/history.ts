// History: the change log as an alliance-wide activity list, and deleted records brought back
// exactly as the snapshot their deletion logged.
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { agreements, awards, changeLog, councilTerms, events, organizations, projects, talentItems } from '../../db/schema.js';
import { putBackTerm } from '../terms/terms.js';
import type { TermDetail } from '../terms/contract.js';
import { putBackAgreement } from '../agreements/agreements.js';
import type { Agreement } from '../agreements/contract.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import type { MeetingEvent } from '../events/contract.js';
import { putBackEvent } from '../events/events.js';
import type { Member } from '../members/fields.js';
import { putBackMember } from '../members/members.js';
import type { TalentItem } from '../talent/contract.js';
import { putBackTalentItem } from '../talent/talent.js';
import type { Project } from '../projects/contract.js';
import { putBackProject } from '../projects/projects.js';
import type { Award } from '../awards/contract.js';
import { putBackAward } from '../awards/awards.js';
import type { ChangeLogEntry, ChangeRecentInput, ChangeSummary } from './contract.js';

/** What can come back from the history, and how. */
const RESTORABLE: Record<string, { table: typeof organizations | typeof agreements | typeof events | typeof talentItems | typeof projects | typeof awards | typeof councilTerms; putBack(ctx: ServiceContext, snapshot: unknown): unknown }> = {
  organization: { table: organizations, putBack: (ctx, s) => putBackMember(ctx, s as Member) },
  agreement: { table: agreements, putBack: (ctx, s) => putBackAgreement(ctx, s as Agreement) },
  event: { table: events, putBack: (ctx, s) => putBackEvent(ctx, s as MeetingEvent) },
  talent: { table: talentItems, putBack: (ctx, s) => putBackTalentItem(ctx, s as TalentItem) },
  project: { table: projects, putBack: (ctx, s) => putBackProject(ctx, s as Project) },
  award: { table: awards, putBack: (ctx, s) => putBackAward(ctx, s as Award) },
  term: { table: councilTerms, putBack: (ctx, s) => putBackTerm(ctx, s as TermDetail) },
};

/** Rows kept in a deletion's snapshot for its restore (stored columns, ids, codes): never searched. */
const KEPT_ROWS = ['datedRecords', 'storedRows'];

/** Keys whose values are codes, ids or bookkeeping, never words a clerk would search for. */
const HIDDEN_KEYS = ['id', 'category', 'role', 'status', 'type', 'direction', 'level', 'kind', 'state', 'action', 'pinyinKey', 'strokeKey', 'searchText', 'pinyinOverride', 'ownerType', 'sha256', 'mimeType'];

function labelOf(entity: string, snapshot: Record<string, unknown> | null): string {
  if (!snapshot) return '';
  if (entity === 'agreement') return `${snapshot.number ?? ''} ${snapshot.title ?? ''}`.trim();
  return String(snapshot.name ?? snapshot.title ?? snapshot.fileName ?? snapshot.field ?? '');
}

/** Whether a change is the record's latest: an older deletion brought back would undo what came after it. */
function isLatest(ctx: ServiceContext, entry: { id: number; entity: string; entityId: string }): boolean {
  return !ctx.sqlite.prepare('SELECT 1 FROM change_log WHERE entity = ? AND entity_id = ? AND id > ? LIMIT 1').get(entry.entity, entry.entityId, entry.id);
}

function exists(ctx: ServiceContext, entity: string, id: string): boolean {
  const table = RESTORABLE[entity]!.table;
  return Boolean(ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get());
}

export function recentChanges(ctx: ServiceContext, input: ChangeRecentInput): { rows: ChangeSummary[]; total: number } {
  const conditions: (SQL | undefined)[] = [];
  if (input.entity) conditions.push(eq(changeLog.entity, input.entity));
  if (input.action) conditions.push(eq(changeLog.action, input.action));
  // Stored as toISOString() writes them, so instants compare as text once written the same way.
  if (input.since) conditions.push(gte(changeLog.at, new Date(input.since).toISOString()));
  if (input.until) conditions.push(lt(changeLog.at, new Date(input.until).toISOString()));
  const text = input.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Words the clerk can see: text values of the record, not its field names, ids, codes or times.
    // The plain LIKE first keeps the tree walk to the rows that can match at all.
    conditions.push(
      sql`coalesce(${changeLog.after}, ${changeLog.before}) LIKE ${pattern} ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_tree(coalesce(${changeLog.after}, ${changeLog.before})) AS v WHERE v.type = 'text' AND v.value LIKE ${pattern} ESCAPE '\\' AND NOT (v.key IN (${sql.raw(HIDDEN_KEYS.map((k) => `'${k}'`).join(', '))}) OR v.key LIKE '%Id' OR v.key LIKE '%At' OR ${sql.raw(KEPT_ROWS.map((k) => `v.fullkey LIKE '$.${k}%'`).join(' OR '))}))`,
    );
  }
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
      // A term deleted before its rows were kept with it cannot come back whole: not offered.
      restorable: r.action === 'delete' && r.entity in RESTORABLE && !exists(ctx, r.entity, r.entityId) && isLatest(ctx, r) && (r.entity !== 'term' || Boolean((r.before as { storedRows?: unknown } | null)?.storedRows)),
    })),
  };
}

/** One change, with its record before and after. */
export function getChange(ctx: ServiceContext, id: number): ChangeLogEntry {
  const entry = ctx.db.select().from(changeLog).where(eq(changeLog.id, id)).get();
  if (!entry) throw new AppError('NOT_FOUND', 'No such change.', { key: 'errors.notFound' });
  return entry as ChangeLogEntry;
}

/** Brings back a deleted member (with its contacts), agreement (with its parties and files), event or talent item. */
export function restoreDeleted(ctx: ServiceContext, changeId: number): { entity: string; id: string } {
  return ctx.sqlite.transaction(() => {
    const entry = ctx.db.select().from(changeLog).where(eq(changeLog.id, changeId)).get();
    if (!entry) throw new AppError('NOT_FOUND', 'No such change.', { key: 'errors.notFound' });
    const restorable = RESTORABLE[entry.entity];
    if (entry.action !== 'delete' || !restorable || !entry.before) {
      throw new AppError('CONFLICT', 'Only a deleted member, agreement, event, talent item, project, award or council term can be restored.', { key: 'errors.notRestorable' });
    }
    if (exists(ctx, entry.entity, entry.entityId)) throw new AppError('CONFLICT', 'This record exists again already.', { key: 'errors.alreadyRestored' });
    if (!isLatest(ctx, entry)) throw new AppError('CONFLICT', 'The record changed after this deletion; restore its latest deletion.', { key: 'errors.restoreLatestOnly' });
    restorable.putBack(ctx, entry.before);
    return { entity: entry.entity, id: entry.entityId };
  })();
}
