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

describe('what a write says it changes', () => {
  it('covers every kind of record its calls log as changed', async () => {
    const logged = (): number => (core.ctx.sqlite.prepare('SELECT coalesce(max(id), 0) FROM change_log').pluck().get() as number) ?? 0;
    const checked: string[] = [];
    const check = async <M extends ApiMethod>(method: M, input: unknown): Promise<unknown> => {
      const from = logged();
      const response = await core.dispatcher.dispatch(method, input);
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
      const entities = core.ctx.sqlite.prepare('SELECT DISTINCT entity FROM change_log WHERE id > ?').pluck().all(from) as string[];
      const declared = changedBy(method);
      if (declared !== 'all') for (const entity of entities) expect(declared, `${method} logged ${entity}`).toContain(entity);
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
    expect(checked.length).toBe(22);
  });
});
