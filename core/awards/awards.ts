// The registers of plaques (授牌) and appointment letters (聘书): numbered per kind and year like
// agreements (2026-授牌-001), each to a member unit or a person with their unit.
import { newRecordId } from '../records/ids.js';
import { AWARD_NUMBER_PREFIX_ZH, type AwardKind } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { recordChange } from '../history/changelog.js';
import { rowOf } from '../records/model.js';
import { assertReference, recordExists } from '../records/references.js';
import { containsPattern } from '../text/search-text.js';
import type { Award, AwardInput, AwardListInput, AwardUpdateInput } from './contract.js';
import { awardModel } from './award-model.js';

const SELECT = `SELECT w.id, w.kind, w.number, w.title, w.organization_id AS organizationId, w.person_name AS personName, w.date, w.valid_until AS validUntil,
  w.event_id AS eventId, w.notes, w.is_sample AS isSample, w.created_at AS createdAt, w.updated_at AS updatedAt, o.name AS organizationName, e.title AS eventTitle
  FROM awards w LEFT JOIN organizations o ON o.id = w.organization_id LEFT JOIN events e ON e.id = w.event_id`;

type AwardRow = Omit<Award, 'isSample'> & { isSample: number };
const toAward = (row: AwardRow): Award => ({ ...row, isSample: row.isSample === 1 });

export function getAward(ctx: ServiceContext, id: string): Award {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE w.id = ?`).get(id) as AwardRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No plaque or appointment letter with id ${id}.`, { key: 'errors.awardNotFound' });
  return toAward(row);
}

export function listAwards(ctx: ServiceContext, input: AwardListInput): Award[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.kind) {
    where.push('w.kind = @kind');
    params.kind = input.kind;
  }
  if (input.organizationId) {
    where.push('w.organization_id = @org');
    params.org = input.organizationId;
  }
  if (input.text?.trim()) {
    where.push(`lower(w.number || ' ' || w.title || ' ' || coalesce(w.person_name, '') || ' ' || coalesce(o.name, '') || ' ' || coalesce(w.notes, '')) LIKE @text ESCAPE '\\'`);
    params.text = containsPattern(input.text);
  }
  return (ctx.sqlite.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.date DESC, w.number DESC`).all(params) as AwardRow[]).map(toAward);
}

/** The next free number of the kind for the year: {year}-授牌-{seq} or {year}-聘-{seq}. */
export function nextAwardNumber(ctx: ServiceContext, kind: AwardKind, year: string): string {
  const prefix = `${year}-${AWARD_NUMBER_PREFIX_ZH[kind]}-`;
  const numbers = ctx.sqlite.prepare(`SELECT number FROM awards WHERE substr(number, 1, ?) = ?`).pluck().all(prefix.length, prefix) as string[];
  const max = Math.max(0, ...numbers.map((n) => n.slice(prefix.length)).filter((s) => /^\d+$/.test(s)).map(Number));
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

function prepared(ctx: ServiceContext, input: AwardInput, exceptId: string | null): AwardInput & { number: string } {
  assertReference(ctx, 'organizations', input.organizationId, 'organizationId');
  assertReference(ctx, 'events', input.eventId, 'eventId');
  const number = input.number ?? nextAwardNumber(ctx, input.kind, input.date.slice(0, 4));
  const same = ctx.sqlite.prepare('SELECT title FROM awards WHERE number = ? AND id IS NOT ?').pluck().get(number, exceptId) as string | undefined;
  if (same) throw fieldError('number', { key: 'errors.duplicateAwardNumber', params: { number, title: same }, message: `Number ${number} is already used by “${same}”.` });
  // An appointment letter names a person; a plaque has none.
  return { ...input, number, personName: input.kind === 'plaque' ? null : input.personName };
}

export function createAward(ctx: ServiceContext, input: AwardInput, options: { isSample?: boolean } = {}): Award {
  return ctx.sqlite.transaction(() => {
    const values = prepared(ctx, input, null);
    const id = newRecordId();
    const at = nowIso(ctx);
    awardModel.insertStatement(ctx.sqlite)({ id, ...values, isSample: options.isSample ?? false, createdAt: at, updatedAt: at });
    const created = getAward(ctx, id);
    recordChange(ctx, 'award', id, 'create', null, created);
    return created;
  })();
}

export function updateAward(ctx: ServiceContext, input: AwardUpdateInput): Award {
  const { id, ...fields } = input;
  return ctx.sqlite.transaction(() => {
    const before = getAward(ctx, id);
    // A plaque turned into a letter (or back) takes the next number of its kind, unless one is given.
    const kindChanged = fields.kind !== before.kind;
    const number = fields.number && !(kindChanged && fields.number === before.number) ? fields.number : kindChanged ? null : before.number;
    const v = prepared(ctx, { ...fields, number }, id);
    awardModel.updateStatement(ctx.sqlite)(id, { ...v, updatedAt: nowIso(ctx) });
    const after = getAward(ctx, id);
    recordChange(ctx, 'award', id, 'update', before, after);
    return after;
  })();
}

export function deleteAward(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = getAward(ctx, id);
    ctx.sqlite.prepare('DELETE FROM awards WHERE id = ?').run(id);
    recordChange(ctx, 'award', id, 'delete', before, null);
    return { id };
  })();
}

/** Brings a deleted award back; its unit must exist again, a deleted meeting is unlinked. */
export function putBackAward(ctx: ServiceContext, snapshot: Award): Award {
  return ctx.sqlite.transaction(() => {
    if (snapshot.organizationId && !recordExists(ctx, 'organizations', snapshot.organizationId)) {
      throw new AppError('CONFLICT', `Restore the unit first: ${snapshot.organizationName}.`, { key: 'errors.restorePartiesFirst', params: { names: snapshot.organizationName ?? '' } });
    }
    const eventId = snapshot.eventId && recordExists(ctx, 'events', snapshot.eventId) ? snapshot.eventId : null;
    const at = nowIso(ctx);
    // Every column from the model: a field added later comes back too (or takes its default in an older snapshot).
    awardModel.insertStatement(ctx.sqlite)(rowOf(awardModel, snapshot, { eventId, isSample: false, createdAt: at, updatedAt: at }) as never);
    const restored = getAward(ctx, snapshot.id);
    recordChange(ctx, 'award', snapshot.id, 'create', null, restored);
    return restored;
  })();
}
