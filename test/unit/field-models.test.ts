// The field models are the one place a field is declared: every column of every table belongs to a
// model, and every field of a record survives a delete-and-restore and an import's undo, so a field
// added to a table without its model, or missed by a restore, fails here instead of losing data.
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schema from '../../db/schema.js';
import type { Fields } from '../../core/contract/fields.js';
import { changedBy, type ApiMethod } from '../../core/contract/registry.js';
import type { Entity } from '../../core/contract/method.js';
import '../../core/host/handlers.js';
import type { AppCore } from '../../core/host/core.js';
import { contactFields, memberFields } from '../../core/members/fields.js';
import { memberModel } from '../../core/members/member-model.js';
import { agreementFields } from '../../core/agreements/fields.js';
import { eventFields } from '../../core/events/fields.js';
import { talentFields } from '../../core/talent/fields.js';
import { bindModel, modelOf } from '../../core/records/model.js';
import { callAsync, callOk, freshCore, VALID_USCC } from '../support/core.js';
import { member } from '../support/records.js';

const tables = Object.entries(schema).filter(([, value]) => is(value, SQLiteTable)) as [string, SQLiteTable][];

describe('every column has a field', () => {
  it.each(tables.map(([name, table]) => [name, table] as const))('%s is bound to a model that accounts for each of its columns', (_name, table) => {
    const model = modelOf(table);
    expect(model, 'no model is bound to this table').toBeDefined();
    const accounted = new Set([...Object.keys(model!.fields), ...model!.derived]);
    for (const { key, name } of model!.columns) expect(accounted.has(key), `column ${name}`).toBe(true);
  });

  it('refuses, naming it, a column its model does not know', () => {
    const { notes: _dropped, ...withoutNotes } = memberFields;
    expect(() => bindModel('organization', schema.organizations, withoutNotes, memberModel.derived)).toThrow(/columns without a field in its model: notes/);
  });
});

/** A value its schema accepts that is not what the field gets when left out: proves the field was kept. */
function sampleValue(spec: Fields[string]): unknown {
  const schemaOf = spec.schema as z.ZodType;
  const fallback = schemaOf.safeParse(undefined);
  const candidates: Record<string, unknown[]> = {
    text: ['测试内容', 'clerk@example.com', '130012', 'chang chun', '09:30', VALID_USCC[0], 'X'],
    date: ['2021-03-04'],
    enum: Object.keys(spec.labelsZh ?? {}).reverse(),
    textList: [['甲单位', '乙单位']],
    integer: [3],
    boolean: [true],
  };
  for (const candidate of candidates[spec.kind] ?? []) {
    const parsed = schemaOf.safeParse(candidate);
    if (parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(fallback.success ? fallback.data : null)) return candidate;
  }
  return undefined;
}

/** Every input field of a model set to a value of its own (references are the caller's). */
function everyField(fields: Fields, skip: string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name, spec]) => spec.access === 'input' && spec.kind !== 'ref' && !skip.includes(name))
      .map(([name, spec]) => [name, sampleValue(spec)])
      .filter(([, value]) => value !== undefined),
  );
}

const withoutChangeTime = <T extends { updatedAt?: string }>(record: T) => ({ ...record, updatedAt: undefined });

let core: AppCore;
let clock = new Date('2026-11-28T10:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-11-28T10:00:00Z');
  core = await freshCore(':memory:', () => clock);
});
afterEach(() => core.close());

function deleteAndRestore(entity: string, remove: () => void): void {
  remove();
  clock = new Date(clock.getTime() + 60_000);
  const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: entity as never }).rows[0]!;
  callOk(core, 'changes.restore', { id: deletion.id });
}

describe('every field survives a delete and a restore', () => {
  it('a member, every field set, with its contacts', () => {
    const values = everyField(memberFields);
    expect(Object.keys(values).length).toBeGreaterThanOrEqual(12);
    const saved = callOk(core, 'members.create', { ...values, category: 'enterprise', contacts: [everyField(contactFields), { name: '第二联系人' }] } as never).member;
    const left = callOk(core, 'members.setStatus', { id: saved.id, status: 'withdrawn', date: '2026-01-02', reason: '主动退出' });
    deleteAndRestore('organization', () => callOk(core, 'members.delete', { id: saved.id }));
    expect(withoutChangeTime(callOk(core, 'members.get', { id: saved.id }))).toEqual(withoutChangeTime(left));
  });

  it('an agreement, every field set, with its parties', () => {
    const [school, enterprise] = [member(core, '长春职业技术学院', 'higher_vocational'), member(core, '一汽模具制造有限公司', 'enterprise')];
    const earlier = callOk(core, 'agreements.create', { title: '原协议', parties: [{ organizationId: school }, { organizationId: enterprise }] });
    const event = callOk(core, 'events.create', { title: '签约仪式', type: 'signing_ceremony', date: '2021-03-04' });
    const values = { ...everyField(agreementFields, ['endDate', 'status']), status: 'terminated', terminatedDate: '2022-01-01', eventId: event.id, amendsId: earlier.id };
    const parties = [
      { organizationId: school, label: '甲方单位', signatoryName: '王伟', signatoryTitle: '院长', sealAffixed: true },
      { organizationId: enterprise, signatoryName: '薛耀' },
    ];
    const saved = callOk(core, 'agreements.create', { ...values, parties } as never);
    deleteAndRestore('agreement', () => callOk(core, 'agreements.delete', { id: saved.id }));
    expect(withoutChangeTime(callOk(core, 'agreements.get', { id: saved.id }))).toEqual(withoutChangeTime(saved));
  });

  it('an event, every field set, with its agenda and attendance', () => {
    const unit = member(core, '长春市教育局', 'government');
    const values = { ...everyField(eventFields, ['startTime', 'endTime']), startTime: '09:30', endTime: '11:00' };
    const agenda = [{ kind: 'speech', title: '致辞', presenterName: '王明', presenterOrganizationId: unit }];
    const attendance = [{ organizationId: unit, person: '李华', status: 'attended' }];
    const saved = callOk(core, 'events.create', { ...values, agenda, attendance } as never);
    deleteAndRestore('event', () => callOk(core, 'events.delete', { id: saved.id }));
    expect(callOk(core, 'events.get', { id: saved.id })).toEqual(saved);
  });

  it('a talent item, every field set', () => {
    const unit = member(core, '一汽模具制造有限公司', 'enterprise');
    const event = callOk(core, 'events.create', { title: '供需对接会', type: 'matching', date: '2021-03-04' });
    const saved = callOk(core, 'talent.create', { ...everyField(talentFields), organizationId: unit, eventId: event.id } as never);
    deleteAndRestore('talent', () => callOk(core, 'talent.delete', { id: saved.id }));
    expect(callOk(core, 'talent.list', {})).toEqual([saved]);
  });
});

describe('every field survives an import and its undo', () => {
  it('puts a member back exactly as it was before an overwriting import', async () => {
    const before = callOk(core, 'members.create', { ...everyField(memberFields), name: '长春市教育局', category: 'government', contacts: [everyField(contactFields)] } as never).member;
    const csv = '单位名称,类别,联合体职务,简称,地址,备注,联系人,手机\n长春市教育局,企业,理事单位,新简称,新地址,新备注,新的人,13900000009\n';
    const staged = await callAsync(core, 'imports.stage', { fileName: 'a.csv', bytes: Buffer.from(csv).toString('base64') });
    const result = await callAsync(core, 'imports.commit', { uploadId: staged.uploadId, onDuplicate: 'overwrite' });
    expect(result.updated).toBe(1);
    expect(callOk(core, 'members.get', { id: before.id })).toMatchObject({ category: 'enterprise', shortName: '新简称' });
    callOk(core, 'imports.undo', { id: result.batchId! });
    expect(withoutChangeTime(callOk(core, 'members.get', { id: before.id }))).toEqual(withoutChangeTime(before));
  });
});

/** Which kind of record each table holds: a write that touches a table changes that kind. */
const TABLE_ENTITIES: Record<string, Entity | null> = {
  organizations: 'organization',
  member_status_events: 'organization',
  contacts: 'contact',
  alliance_profile: 'alliance',
  settings: 'settings',
  events: 'event',
  agenda_items: 'event',
  attendance: 'event',
  agreements: 'agreement',
  agreement_parties: 'agreement',
  attachments: 'attachment',
  ceremony_signings: 'ceremony',
  talent_items: 'talent',
  council_terms: 'term',
  term_seats: 'term',
  term_changes: 'term',
  term_officers: 'term',
  projects: 'project',
  project_partners: 'project',
  project_figures: 'project',
  awards: 'award',
  import_batches: 'import',
  import_batch_items: 'import',
  change_log: null,
  // The exchange's bookkeeping: clocks written with every change (as the change log), and what merges keep.
  sync_clock: null,
  sync_files_read: null,
  sync_aliases: null,
  sync_partners: 'history',
  sync_losers: 'history',
};

describe('what a write says it changes', () => {
  it('covers every kind of record its calls write, in any table, and every table is one kind of record', async () => {
    const tables = core.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE '%_fts%'").pluck().all() as string[];
    expect(tables.filter((t) => !(t in TABLE_ENTITIES)).sort()).toEqual([]);
    // Every table's rows as text: small test data, so a write anywhere shows as a changed table.
    const contents = () => new Map(tables.map((t) => [t, JSON.stringify(core.ctx.sqlite.prepare(`SELECT * FROM "${t}"`).all())]));
    const checked: string[] = [];
    const check = async <M extends ApiMethod>(method: M, input: unknown): Promise<unknown> => {
      const before = contents();
      const response = await core.dispatcher.dispatch(method, input);
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
      const after = contents();
      const written = [...new Set(tables.filter((t) => before.get(t) !== after.get(t)).map((t) => TABLE_ENTITIES[t]).filter((e): e is Entity => e !== null))];
      const declared = changedBy(method);
      if (declared !== 'all') for (const entity of written) expect(declared, `${method} wrote ${entity}`).toContain(entity);
      checked.push(method);
      return response.result;
    };
    const school = ((await check('members.create', { name: '长春职业技术学院', category: 'higher_vocational', contacts: [{ name: '王伟' }] })) as { member: { id: string } }).member.id;
    const enterprise = ((await check('members.create', { name: '一汽模具制造有限公司', category: 'enterprise' })) as { member: { id: string } }).member.id;
    await check('members.update', { id: enterprise, name: '一汽模具制造有限公司', category: 'enterprise', contacts: [{ name: '薛耀' }] });
    const contact = (await check('contacts.create', { organizationId: school, name: '李华' })) as { id: string };
    await check('contacts.update', { id: contact.id, name: '李华华' });
    await check('contacts.delete', { id: contact.id });
    await check('alliance.update', { name: '联合体' });
    const event = (await check('events.create', { title: '签约仪式', type: 'signing_ceremony', date: '2026-11-28', attendance: [{ organizationId: school }] })) as { id: string };
    await check('events.markAllAttended', { id: event.id });
    await check('ceremony.plan', { eventId: event.id, signings: [{ title: '订单培养', parties: [{ organizationId: school }, { organizationId: enterprise }] }] });
    await check('ceremony.mark', { eventId: event.id });
    await check('ceremony.undo', { eventId: event.id });
    const agreement = (await check('agreements.create', { title: '校企合作协议', parties: [{ organizationId: school }, { organizationId: enterprise }] })) as { id: string };
    const attachment = (await check('attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: 'a.pdf', contentBase64: Buffer.from('%PDF').toString('base64') })) as { id: string };
    await check('attachments.remove', { id: attachment.id });
    await check('agreements.delete', { id: agreement.id });
    const talent = (await check('talent.create', { organizationId: enterprise, direction: 'demand', field: '模具设计' })) as { id: string };
    await check('talent.delete', { id: talent.id });
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'agreement' }).rows[0]!;
    await check('changes.restore', { id: deletion.id });
    await check('members.setStatus', { id: enterprise, status: 'suspended' });
    const staged = await callAsync(core, 'imports.stage', { fileName: 'a.csv', bytes: Buffer.from('单位名称,类别,联系人\n吉林大学,本科院校,赵强\n一汽模具制造有限公司,企业,新联系人\n').toString('base64') });
    const batch = (await check('imports.commit', { uploadId: staged.uploadId, onDuplicate: 'overwrite' })) as { batchId: string };
    await check('imports.undo', { id: batch.batchId });
    // The council, projects and awards, and the deletes that let go of them.
    const lead = ((await check('members.create', { name: '长春市教育局', category: 'government', role: 'chair' })) as { member: { id: string } }).member.id;
    const term = (callOk(core, 'terms.list', {}) as { id: string; state: string }[]).find((t) => t.state === 'current')!;
    await check('terms.update', { id: term.id, ordinal: 1, startDate: '2023-08-19', endDate: null, electedEventId: null, notes: null });
    const meeting = (await check('events.create', { title: '理事会', type: 'council_meeting', date: '2025-03-01' })) as { id: string };
    await check('terms.recordChange', { termId: term.id, organizationId: school, kind: 'add', role: 'council', date: '2025-03-01', reason: '增补', eventId: meeting.id });
    const added = (callOk(core, 'terms.get', { id: term.id }) as { changes: { id: string }[] }).changes[0]!;
    await check('terms.undoChange', { id: added.id });
    await check('terms.setSeat', { termId: term.id, organizationId: school, role: 'vice_chair' });
    await check('terms.setOfficers', { termId: term.id, officers: [{ office: 'chair_person', personName: '邱现东', organizationId: lead }] });
    const next = (await check('terms.startNext', {})) as { id: string };
    await check('terms.delete', { id: next.id });
    const signed = (await check('agreements.create', { title: '订单培养协议', parties: [{ organizationId: school }, { organizationId: enterprise }] })) as { id: string };
    const project = (await check('projects.create', { name: '订单班', kind: 'order_class', agreementId: signed.id, partners: [{ organizationId: school }], figures: [{ year: 2025, studentsEnrolled: 40 }] })) as { id: string };
    await check('agreements.delete', { id: signed.id });
    await check('projects.update', { id: project.id, name: '订单班二期', kind: 'order_class', partners: [{ organizationId: school }], figures: [] });
    await check('projects.delete', { id: project.id });
    const plaque = (await check('awards.create', { kind: 'plaque', title: '产教融合实训基地', organizationId: enterprise, date: '2026-03-01', eventId: meeting.id })) as { id: string };
    await check('awards.update', { id: plaque.id, kind: 'plaque', title: '产业学院', organizationId: enterprise, date: '2026-03-01', eventId: meeting.id });
    await check('events.delete', { id: meeting.id });
    await check('awards.delete', { id: plaque.id });
    await check('members.delete', { id: lead });
    expect(checked.length).toBe(41);
  });
});
