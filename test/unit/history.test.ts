import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { callError, callOk, freshCore } from '../support/core.js';
import { member, parties } from '../support/records.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
});
afterEach(() => core.close());

describe('history', () => {
  it('lists every change alliance-wide, newest first, with the record’s name', () => {
    const id = member(core, '吉林大学', 'university');
    callOk(core, 'members.update', { id, name: '吉林大学（中心校区）', category: 'university' });
    const recent = callOk(core, 'changes.recent', {});
    expect(recent.rows.map((r) => [r.entity, r.action, r.label])).toEqual([
      ['organization', 'update', '吉林大学（中心校区）'],
      ['organization', 'create', '吉林大学'],
    ]);
    expect(callOk(core, 'changes.recent', { action: 'create' }).total).toBe(1);
  });

  it('finds changes by words in the record, by day and by kind, and gives one change with its before and after', async () => {
    let now = new Date('2026-11-27T09:00:00Z');
    const dated = await freshCore(':memory:', () => now);
    callOk(dated, 'members.create', { name: '吉林大学', category: 'university', contacts: [{ name: '张敏', mobile: '13912345678' }] });
    now = new Date('2026-11-28T09:00:00Z');
    const college = callOk(dated, 'members.create', { name: '长春职业技术学院', category: 'higher_vocational' }).member.id;
    callOk(dated, 'members.update', { id: college, name: '长春职业技术学院', shortName: '长职', category: 'higher_vocational' });
    const labels = (input: Parameters<typeof callOk<'changes.recent'>>[2]) => callOk(dated, 'changes.recent', input).rows.map((r) => `${r.action} ${r.label}`);
    expect(labels({ text: '张敏' })).toEqual(['create 吉林大学']);
    expect(labels({ text: '13912345678' })).toEqual(['create 吉林大学']);
    expect(labels({ text: '100%_' })).toEqual([]); // LIKE's own characters are only characters
    // Field names, codes and ids are not words in the record.
    expect(labels({ text: 'name' })).toEqual([]);
    expect(labels({ text: 'university' })).toEqual([]);
    expect(labels({ text: '"' })).toEqual([]);
    // Days as the clerk's own (here UTC+8: her 28 November runs from 27 November 16:00 UTC).
    const beijingDay = (day: string) => ({ since: new Date(`${day}T00:00:00+08:00`).toISOString(), until: new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() });
    expect(labels(beijingDay('2026-11-28'))).toEqual(['update 长春职业技术学院', 'create 长春职业技术学院']);
    expect(labels({ until: '2026-11-28T00:00:00.000Z' })).toEqual(['create 吉林大学']);
    expect(labels({ ...beijingDay('2026-11-28'), action: 'update', entity: 'organization' })).toEqual(['update 长春职业技术学院']);
    expect(callError(dated, 'changes.recent', { since: '2026-13-45T00:00:00Z' }).details?.fields?.since).toBeDefined();
    const update = callOk(dated, 'changes.recent', { action: 'update' }).rows[0]!;
    const entry = callOk(dated, 'changes.get', { id: update.id });
    expect([(entry.before as { shortName: string | null }).shortName, (entry.after as { shortName: string | null }).shortName]).toEqual([null, '长职']);
    expect(callError(dated, 'changes.get', { id: 999_999 }).code).toBe('NOT_FOUND');
    dated.close();
  });

  it('restores a deleted member with its contacts and status', () => {
    const saved = callOk(core, 'members.create', { name: '长春富维汽车零部件有限公司', category: 'enterprise', uscc: '91350100M000100Y43', contacts: [{ name: '王芳', mobile: '13900000000' }] });
    callOk(core, 'members.setStatus', { id: saved.member.id, status: 'withdrawn', date: '2026-01-01', reason: '主动退出' });
    callOk(core, 'members.delete', { id: saved.member.id });
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'organization' }).rows[0]!;
    expect(deletion).toMatchObject({ label: '长春富维汽车零部件有限公司', restorable: true });

    callOk(core, 'changes.restore', { id: deletion.id });
    const back = callOk(core, 'members.get', { id: saved.member.id });
    expect(back).toMatchObject({ name: '长春富维汽车零部件有限公司', uscc: '91350100M000100Y43', status: 'withdrawn', exitReason: '主动退出' });
    expect(back.contacts.map((c) => [c.name, c.mobile])).toEqual([['王芳', '13900000000']]);
    expect(callOk(core, 'changes.recent', { action: 'delete', entity: 'organization' }).rows[0]!.restorable).toBe(false);
    expect(callError(core, 'changes.restore', { id: deletion.id }).details?.key).toBe('errors.alreadyRestored');

    // Changed after its restore and deleted again: only the latest deletion brings it back, with the change.
    const { formerNames: _f, status: _s, exitDate: _e, exitReason: _r, isSample: _i, createdAt: _c, updatedAt: _u, ...fields } = back;
    callOk(core, 'members.update', { ...fields, address: '长春市新地址', contacts: [] });
    callOk(core, 'members.delete', { id: saved.member.id });
    const deletions = callOk(core, 'changes.recent', { action: 'delete', entity: 'organization' }).rows.filter((r) => r.entityId === saved.member.id);
    expect(deletions.map((r) => r.restorable)).toEqual([true, false]);
    expect(callError(core, 'changes.restore', { id: deletions[1]!.id }).details?.key).toBe('errors.restoreLatestOnly');
    callOk(core, 'changes.restore', { id: deletions[0]!.id });
    expect(callOk(core, 'members.get', { id: saved.member.id })).toMatchObject({ address: '长春市新地址', contacts: [] });
  });

  it('restores a deleted agreement with its number, parties and attachments', () => {
    const [school, enterprise] = [member(core, '长春职业技术学院', 'higher_vocational'), member(core, '一汽模具制造有限公司', 'enterprise')];
    const agreement = callOk(core, 'agreements.create', { title: '订单培养协议', status: 'signed', signedDate: '2023-08-19', parties: [{ organizationId: school, signatoryName: '王伟' }, { organizationId: enterprise }] });
    callOk(core, 'attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: '扫描件.pdf', contentBase64: Buffer.from('%PDF').toString('base64') });
    callOk(core, 'agreements.delete', { id: agreement.id });
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'agreement' }).rows[0]!;

    callOk(core, 'changes.restore', { id: deletion.id });
    const back = callOk(core, 'agreements.get', { id: agreement.id });
    expect(back).toMatchObject({ number: '2023-校企-001', title: '订单培养协议', status: 'signed' });
    expect(back.parties.map((p) => [p.name, p.signatoryName])).toEqual([
      ['长春职业技术学院', '王伟'],
      ['一汽模具制造有限公司', null],
    ]);
    expect(back.attachments.map((a) => a.fileName)).toEqual(['扫描件.pdf']);
    expect(Buffer.from(callOk(core, 'attachments.read', { id: back.attachments[0]!.id }).bytes, 'base64').toString()).toBe('%PDF');
  });

  it('restores the attachments its change-log entry lists, with a clock that moves between every call', async () => {
    // Each reading of the clock is a millisecond later: nothing may be found by "deleted at the same time".
    let tick = Date.parse('2026-11-28T10:00:00Z');
    const moving = await freshCore(':memory:', () => new Date((tick += 7)));
    try {
      const [school, enterprise] = [member(moving, '长春职业技术学院', 'higher_vocational'), member(moving, '一汽模具制造有限公司', 'enterprise')];
      const agreement = callOk(moving, 'agreements.create', { title: '订单培养协议', parties: parties(school, enterprise) });
      for (const name of ['扫描件一.pdf', '扫描件二.pdf']) callOk(moving, 'attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: name, contentBase64: Buffer.from(name).toString('base64') });
      callOk(moving, 'agreements.delete', { id: agreement.id });
      const deletion = callOk(moving, 'changes.recent', { action: 'delete', entity: 'agreement' }).rows[0]!;
      callOk(moving, 'changes.restore', { id: deletion.id });
      const back = callOk(moving, 'agreements.get', { id: agreement.id });
      expect(back.attachments.map((a) => a.fileName).sort()).toEqual(['扫描件一.pdf', '扫描件二.pdf']);
      for (const a of back.attachments) expect(Buffer.from(callOk(moving, 'attachments.read', { id: a.id }).bytes, 'base64').toString()).toBe(a.fileName);
    } finally {
      moving.close();
    }
  });

  it('restores a deleted meeting event with its agenda, attendance and attachments', () => {
    const school = member(core, '长春职业技术学院', 'higher_vocational');
    const created = callOk(core, 'events.create', {
      title: '理事会第二次会议',
      type: 'council_meeting',
      date: '2026-11-20',
      agenda: [{ kind: 'resolution', title: '审议年度工作报告' }],
      attendance: [{ organizationId: school, person: '王伟' }],
    });
    callOk(core, 'attachments.add', { ownerType: 'event', ownerId: created.id, fileName: '签到表.pdf', contentBase64: Buffer.from('%PDF-event').toString('base64') });
    callOk(core, 'events.delete', { id: created.id });
    expect(callError(core, 'events.get', { id: created.id }).code).toBe('NOT_FOUND');
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'event' }).rows[0]!;

    callOk(core, 'changes.restore', { id: deletion.id });
    const back = callOk(core, 'events.get', { id: created.id });
    expect(back).toMatchObject({ title: '理事会第二次会议', type: 'council_meeting', date: '2026-11-20' });
    expect(back.agenda.map((a) => a.title)).toEqual(['审议年度工作报告']);
    expect(back.attendance.map((a) => [a.organizationName, a.person])).toEqual([['长春职业技术学院', '王伟']]);
    expect(Buffer.from(callOk(core, 'attachments.read', { id: back.attachments[0]!.id }).bytes, 'base64').toString()).toBe('%PDF-event');
  });

  it('restores a deleted talent item as it was', () => {
    const enterprise = member(core, '一汽模具制造有限公司', 'enterprise');
    const item = callOk(core, 'talent.create', { organizationId: enterprise, direction: 'demand', field: '模具设计与制造', level: '高职', headcount: 12, period: '2027 年春季', notes: '订单班' });
    callOk(core, 'talent.delete', { id: item.id });
    expect(callOk(core, 'talent.list', {})).toEqual([]);
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'talent' }).rows[0]!;

    callOk(core, 'changes.restore', { id: deletion.id });
    expect(callOk(core, 'talent.list', {})).toEqual([item]);
  });

  it('will not restore an agreement before its parties, and says which', () => {
    const [school, enterprise] = [member(core, '长春职业技术学院', 'higher_vocational'), member(core, '一汽模具制造有限公司', 'enterprise')];
    const agreement = callOk(core, 'agreements.create', { title: '订单培养协议', parties: parties(school, enterprise) });
    callOk(core, 'agreements.delete', { id: agreement.id });
    callOk(core, 'members.delete', { id: enterprise });
    const deletion = callOk(core, 'changes.recent', { action: 'delete', entity: 'agreement' }).rows[0]!;
    expect(callError(core, 'changes.restore', { id: deletion.id })).toMatchObject({ code: 'CONFLICT', details: { key: 'errors.restorePartiesFirst', params: { names: '一汽模具制造有限公司' } } });
    expect(callOk(core, 'agreements.list', {}).total).toBe(0);
  });
});
