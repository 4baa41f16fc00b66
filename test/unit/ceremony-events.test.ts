import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';
import { event, member, parties } from '../support/records.js';

let file: string;
let core: AppCore;
let ids: Record<string, string>;
beforeEach(async () => {
  file = path.join(tempDir(), 'alliance.sqlite');
  core = await freshCore(file, () => new Date('2026-11-28T10:00:00Z'));
  ids = {
    school: member(core, '长春汽车职业技术大学', 'university'),
    school2: member(core, '长春市职业技术学校', 'secondary_vocational'),
    enterprise: member(core, '一汽模具制造有限公司', 'enterprise'),
    research: member(core, '中国科学院长春分院', 'research'),
    government: member(core, '长春市教育局', 'government'),
  };
});
afterEach(() => core.close());

function planThree(eventId: string) {
  return callOk(core, 'ceremony.plan', {
    eventId,
    signings: [
      { title: '校企签约', parties: [{ organizationId: ids.school!, signatoryName: '张校长' }, { organizationId: ids.enterprise!, signatoryName: '薛耀' }] },
      { title: '校校签约', parties: parties(ids.school!, ids.school2!) },
      { title: '科教签约', parties: parties(ids.research!, ids.school!), termYears: 5 },
    ],
  });
}

describe('signing ceremony', () => {
  it('plans signings as draft agreements of the event, in order', () => {
    const state = planThree(event(core, '签约仪式', '2026-12-01'));
    expect(state.currentIndex).toBe(0);
    expect(state.items.map((i) => [i.agreement.title, i.agreement.type, i.agreement.status])).toEqual([
      ['校企签约', 'school_enterprise', 'draft'],
      ['校校签约', 'school_school', 'draft'],
      ['科教签约', 'research_education', 'draft'],
    ]);
  });

  it('refuses to plan a signing whose type the parties cannot have, planning none of the batch', () => {
    const eventId = event(core);
    const error = callError(core, 'ceremony.plan', {
      eventId,
      signings: [
        { title: '好的', parties: parties(ids.school!, ids.enterprise!) },
        { title: '不对的', type: 'school_enterprise', parties: parties(ids.enterprise!, ids.government!) },
      ],
    });
    expect(error.details?.fields?.type?.key).toBe('errors.agreementTypeParties');
    expect(callOk(core, 'ceremony.state', { eventId }).items).toEqual([]);
    expect(callOk(core, 'agreements.list', {}).total).toBe(0);
  });

  it('marks the current signing done, signs it on the event’s date, and undoes the last mark', () => {
    const eventId = event(core, '签约仪式', '2026-12-01');
    planThree(eventId);
    let state = callOk(core, 'ceremony.mark', { eventId });
    expect(state.currentIndex).toBe(1);
    expect(state.items[0]).toMatchObject({ signedAt: '2026-11-28T10:00:00.000Z', agreement: { status: 'signed', signedDate: '2026-12-01' } });
    callOk(core, 'ceremony.mark', { eventId });
    state = callOk(core, 'ceremony.undo', { eventId });
    expect(state.currentIndex).toBe(1);
    expect(state.items[1]).toMatchObject({ signedAt: null, agreement: { status: 'draft', signedDate: null } });
    expect(callOk(core, 'events.get', { id: eventId }).agreements.filter((a) => a.status === 'signed')).toHaveLength(1);
  });

  it('resumes where it stopped after the app is closed and reopened', async () => {
    const eventId = event(core);
    planThree(eventId);
    callOk(core, 'ceremony.mark', { eventId });
    callOk(core, 'ceremony.mark', { eventId });
    core.close();
    core = await freshCore(file);
    const state = callOk(core, 'ceremony.state', { eventId });
    expect(state.currentIndex).toBe(2);
    expect(state.items.map((i) => i.agreement.status)).toEqual(['signed', 'signed', 'draft']);
    callOk(core, 'ceremony.mark', { eventId });
    expect(callError(core, 'ceremony.mark', { eventId })).toMatchObject({ code: 'CONFLICT', details: { key: 'errors.ceremonyFinished' } });
  });

  it('reorders signings not yet done, never moving one above a signing already done', () => {
    const eventId = event(core);
    const plan = planThree(eventId);
    const [first, second, third] = plan.items.map((i) => i.agreement.id);
    callOk(core, 'ceremony.mark', { eventId });
    let state = callOk(core, 'ceremony.move', { eventId, agreementId: third!, direction: 'up' });
    expect(state.items.map((i) => i.agreement.id)).toEqual([first, third, second]);
    state = callOk(core, 'ceremony.move', { eventId, agreementId: third!, direction: 'up' });
    expect(state.items.map((i) => i.agreement.id)).toEqual([first, third, second]);
    expect(callError(core, 'ceremony.move', { eventId, agreementId: first!, direction: 'down' }).code).toBe('NOT_FOUND');
    expect(callOk(core, 'ceremony.mark', { eventId }).items[1]!.agreement).toMatchObject({ id: third, status: 'signed' });
  });

  it('has nothing to undo before the first mark', () => {
    const eventId = event(core);
    planThree(eventId);
    expect(callError(core, 'ceremony.undo', { eventId })).toMatchObject({ code: 'CONFLICT', details: { key: 'errors.ceremonyNothingToUndo' } });
  });
});

describe('meeting events', () => {
  it('keeps the agenda in order and the attendance, and marks all invited as attended in one action', () => {
    const created = callOk(core, 'events.create', {
      title: '成立大会',
      type: 'founding_congress',
      date: '2023-08-19',
      startTime: '09:00',
      venue: '汽开区',
      agenda: [
        { kind: 'information_release', title: '发布人才供给信息', presenterOrganizationId: ids.government },
        { kind: 'experience_talk', title: '科教融汇，促进科研成果转化', presenterName: '李冰', presenterOrganizationId: ids.research },
      ],
      attendance: [
        { organizationId: ids.government!, person: '王局长' },
        { organizationId: ids.research!, status: 'absent' },
        { organizationId: ids.school! },
      ],
    });
    expect(created.agenda.map((a) => [a.position, a.kind, a.presenterOrganizationName])).toEqual([
      [0, 'information_release', '长春市教育局'],
      [1, 'experience_talk', '中国科学院长春分院'],
    ]);
    const after = callOk(core, 'events.markAllAttended', { id: created.id });
    expect(after.attendance.map((a) => [a.organizationName, a.status])).toEqual([
      ['长春市教育局', 'attended'],
      ['中国科学院长春分院', 'absent'],
      ['长春汽车职业技术大学', 'attended'],
    ]);
    expect(callError(core, 'members.delete', { id: ids.school! }).details?.key).toBe('errors.memberAttendedEvents');
  });

  it('names the attendance row whose member does not exist, and checks times', () => {
    const error = callError(core, 'events.create', {
      title: '理事会',
      type: 'council_meeting',
      date: '2024-01-10',
      startTime: '14:00',
      endTime: '13:00',
      attendance: [{ organizationId: ids.school! }, { organizationId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(error.details?.fields?.endTime?.key).toBe('validation.endBeforeStart');
    const missing = callError(core, 'events.create', { title: '理事会', type: 'council_meeting', date: '2024-01-10', attendance: [{ organizationId: ids.school! }, { organizationId: '00000000-0000-4000-8000-000000000000' }] });
    expect(Object.keys(missing.details?.fields ?? {})).toEqual(['attendance.1.organizationId']);
    expect(callOk(core, 'events.list', {})).toEqual([]);
  });
});

describe('talent supply and demand', () => {
  it('lists items by direction, member, event and text', () => {
    const eventId = event(core, '成立大会', '2023-08-19');
    callOk(core, 'talent.create', { organizationId: ids.government!, eventId, direction: 'supply', field: '汽车制造与试验技术', level: '高职', headcount: 1200 });
    callOk(core, 'talent.create', { organizationId: ids.enterprise!, direction: 'demand', field: '模具设计与制造', headcount: 30, period: '2024年' });
    expect(callOk(core, 'talent.list', { direction: 'demand' }).map((t) => t.field)).toEqual(['模具设计与制造']);
    expect(callOk(core, 'talent.list', { eventId }).map((t) => [t.organizationName, t.eventTitle])).toEqual([['长春市教育局', '成立大会']]);
    expect(callOk(core, 'talent.list', { text: '一汽' })).toHaveLength(1);
    expect(callError(core, 'talent.create', { organizationId: ids.enterprise!, direction: 'demand', field: '', headcount: -1 }).details?.fields).toMatchObject({
      field: { key: 'validation.required' },
      headcount: { key: 'validation.numberTooSmall' },
    });
    expect(callError(core, 'members.delete', { id: ids.enterprise! }).details?.key).toBe('errors.memberHasTalentItems');
  });
});
