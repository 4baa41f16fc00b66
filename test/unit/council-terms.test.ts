// Council terms: the current term is the one source of a member's role; the council can be read
// for any day; mid-term changes and 换届 keep the history; the role copy never drifts from the seats.
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { MEMBER_ROLES, type MemberRole } from '../../core/contract/codes.js';
import { derivedRole } from '../../core/terms/seats.js';
import { councilTable } from '../../core/io/exports/report-tables.js';
import { callAsync, callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';
import { event, member } from '../support/records.js';

let core: AppCore;
let today = new Date('2026-11-28T10:00:00Z');
let ids: Record<string, string>;

beforeEach(async () => {
  today = new Date('2026-11-28T10:00:00Z');
  core = await freshCore(path.join(tempDir(), 'alliance.sqlite'), () => today);
  ids = {
    faw: member(core, '中国第一汽车集团有限公司', 'enterprise'),
    jlu: member(core, '吉林大学', 'university'),
    ccat: member(core, '长春汽车职业技术大学', 'higher_vocational'),
    edu: member(core, '长春市教育局', 'government'),
  };
});
afterEach(() => core.close());

function setRole(id: string, role: MemberRole) {
  const current = callOk(core, 'members.get', { id });
  const { id: _id, status: _s, exitDate: _e, exitReason: _r, formerNames: _f, isSample: _i, createdAt: _c, updatedAt: _u, contacts, ...fields } = current;
  return callOk(core, 'members.update', { id, ...fields, role, contacts: contacts.map(({ name, title, phone, mobile, email, isPrimary }) => ({ name, title, phone, mobile, email, isPrimary })) });
}

function currentTerm() {
  return callOk(core, 'terms.list', {}).find((t) => t.state === 'current')!;
}

function roleOf(id: string): MemberRole {
  return callOk(core, 'members.get', { id }).role;
}

describe('a role set on a member is a seat in the current term', () => {
  it('creates a term of unknown number for the first role, and the member list reads the role from it', () => {
    expect(callOk(core, 'terms.list', {})).toEqual([]);
    setRole(ids.faw!, 'chair');
    const term = currentTerm();
    expect(term).toMatchObject({ ordinal: null, name: '届次未定的理事会', state: 'current', seatCount: 1 });
    const detail = callOk(core, 'terms.get', { id: term.id });
    expect(detail.seats.map((s) => [s.name, s.role, s.fromDate, s.toDate])).toEqual([['中国第一汽车集团有限公司', 'chair', null, null]]);
    // 成员单位 again: the seat goes, the member list follows.
    setRole(ids.faw!, 'member');
    expect(callOk(core, 'terms.get', { id: term.id }).seats).toEqual([]);
    expect(callOk(core, 'members.list', { roles: ['chair'] }).total).toBe(0);
  });

  it('forms the first council as the current term, so roles set meanwhile belong to it', () => {
    const first = callOk(core, 'terms.startNext', {});
    expect(first).toMatchObject({ ordinal: 1, state: 'current' });
    setRole(ids.jlu!, 'council');
    expect(callOk(core, 'terms.list', {}).map((t) => t.id)).toEqual([first.id]);
    expect(callOk(core, 'terms.get', { id: first.id }).seats.map((s) => s.name)).toEqual(['吉林大学']);
  });

  it('an import’s council roles are seats in the current term, made once; its plain members have none', async () => {
    const csv = '单位名称,类别,联合体职务\n长春市职业技术学校,中职学校,成员单位\n一汽模具制造有限公司,企业,副理事长单位\n吉林省交通职业技术学院,高职院校,理事单位\n';
    const staged = await callAsync(core, 'imports.stage', { fileName: '成员.csv', bytes: Buffer.from(csv).toString('base64') });
    expect(await callAsync(core, 'imports.commit', { uploadId: staged.uploadId })).toMatchObject({ created: 3 });
    expect(callOk(core, 'terms.list', {})).toHaveLength(1);
    const seats = callOk(core, 'terms.get', { id: currentTerm().id }).seats.map((s) => [s.name, s.role, s.fromDate, s.toDate]);
    expect(seats.sort()).toEqual([
      ['一汽模具制造有限公司', 'vice_chair', null, null],
      ['吉林省交通职业技术学院', 'council', null, null],
    ]);
    expect(callOk(core, 'members.list', { roles: ['vice_chair', 'council'] }).total).toBe(2);
  });

  it('a member created with a role has its seat; one created as 成员单位 makes no term', () => {
    callOk(core, 'members.create', { name: '长春市职业技术学校', category: 'secondary_vocational' });
    expect(callOk(core, 'terms.list', {})).toEqual([]);
    const created = callOk(core, 'members.create', { name: '一汽模具制造有限公司', category: 'enterprise', role: 'vice_chair' }).member;
    expect(callOk(core, 'terms.get', { id: currentTerm().id }).seats.map((s) => [s.organizationId, s.role])).toEqual([[created.id, 'vice_chair']]);
  });

  it('a correction of a seat on the term page is the member’s role, logged in its history', () => {
    setRole(ids.jlu!, 'council');
    const term = currentTerm();
    callOk(core, 'terms.setSeat', { termId: term.id, organizationId: ids.jlu!, role: 'executive_council' });
    expect(roleOf(ids.jlu!)).toBe('executive_council');
    const history = callOk(core, 'changes.forRecord', { entity: 'organization', id: ids.jlu! });
    expect(history[0]).toMatchObject({ action: 'update', before: { role: 'council' }, after: { role: 'executive_council' } });
  });

  it('a member leaving the alliance leaves its seat the same day, recorded as 退出 with the reason', () => {
    setRole(ids.ccat!, 'council');
    callOk(core, 'members.setStatus', { id: ids.ccat!, status: 'withdrawn', date: '2026-11-20', reason: '主动申请退出' });
    expect(roleOf(ids.ccat!)).toBe('member');
    const detail = callOk(core, 'terms.get', { id: currentTerm().id });
    expect(detail.changes.map((c) => [c.organizationName, c.kind, c.roleBefore, c.date, c.reason])).toEqual([['长春汽车职业技术大学', 'leave', 'council', '2026-11-20', '主动申请退出']]);
    expect(detail.seats.find((s) => s.organizationId === ids.ccat)).toMatchObject({ role: 'council', toDate: '2026-11-19' });
  });
});

describe('mid-term changes and the council on any day', () => {
  let termId: string;
  let meeting: string;
  beforeEach(() => {
    setRole(ids.faw!, 'chair');
    setRole(ids.jlu!, 'vice_chair');
    termId = currentTerm().id;
    callOk(core, 'terms.update', { id: termId, ordinal: 1, startDate: '2023-08-19', endDate: null, electedEventId: null, notes: null });
    meeting = event(core, '第一届理事会第三次会议', '2025-03-01');
  });

  it('增补, 调整 and 退出 change the seats from their dates; the council of each day reads back', () => {
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2025-03-01', reason: '理事会增补', eventId: meeting });
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.jlu!, kind: 'adjust', role: 'executive_vice_chair', date: '2025-03-01', reason: '职务调整', eventId: meeting });
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.faw!, kind: 'leave', date: '2026-06-30', reason: '换人' });
    const on = (date: string) => callOk(core, 'terms.council', { date }).members.map((m) => [m.name, m.role]);
    expect(on('2023-08-18')).toEqual([]);
    expect(on('2024-01-01')).toEqual([
      ['中国第一汽车集团有限公司', 'chair'],
      ['吉林大学', 'vice_chair'],
    ]);
    expect(on('2025-03-01')).toEqual([
      ['中国第一汽车集团有限公司', 'chair'],
      ['吉林大学', 'executive_vice_chair'],
      ['长春汽车职业技术大学', 'council'],
    ]);
    expect(on('2026-06-30')).toEqual([
      ['吉林大学', 'executive_vice_chair'],
      ['长春汽车职业技术大学', 'council'],
    ]);
    expect(callOk(core, 'terms.council', { date: '2026-06-30' }).term).toMatchObject({ name: '第一届理事会' });
    expect([roleOf(ids.faw!), roleOf(ids.jlu!), roleOf(ids.ccat!)]).toEqual(['member', 'executive_vice_chair', 'council']);

    const history = callOk(core, 'terms.roleHistory', { organizationId: ids.jlu! });
    expect(history.map((h) => [h.termName, h.role, h.fromDate, h.toDate, h.change?.kind ?? null, h.change?.eventTitle ?? null])).toEqual([
      ['第一届理事会', 'vice_chair', '2023-08-19', '2025-02-28', null, null],
      ['第一届理事会', 'executive_vice_chair', '2025-03-01', null, 'adjust', '第一届理事会第三次会议'],
    ]);
  });

  it('refuses a change that does not fit, naming the field', () => {
    const refuse = (input: Record<string, unknown>) => callError(core, 'terms.recordChange', { termId, reason: null, eventId: null, ...input }).details?.fields;
    expect(refuse({ organizationId: ids.faw!, kind: 'add', role: 'council', date: '2025-01-01' })?.organizationId?.key).toBe('errors.changeHasSeat');
    expect(refuse({ organizationId: ids.ccat!, kind: 'adjust', role: 'council', date: '2025-01-01' })?.organizationId?.key).toBe('errors.changeNoSeat');
    expect(refuse({ organizationId: ids.jlu!, kind: 'adjust', role: 'vice_chair', date: '2025-01-01' })?.role?.key).toBe('errors.changeSameRole');
    expect(refuse({ organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2023-01-01' })?.date?.key).toBe('errors.changeBeforeTerm');
    expect(refuse({ organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2027-01-01' })?.date?.key).toBe('errors.changeInFuture');
    expect(refuse({ organizationId: ids.ccat!, kind: 'add', role: 'member', date: '2025-01-01' })?.role?.key).toBe('validation.councilRole');
    expect(refuse({ organizationId: ids.ccat!, kind: 'add', date: '2025-01-01' })?.role?.key).toBe('validation.required');
    // Nothing was written by the refusals.
    expect(callOk(core, 'terms.get', { id: termId }).changes).toEqual([]);
  });

  it('the latest change of a member can be taken back, and the seats are as before', () => {
    const before = callOk(core, 'terms.get', { id: termId }).seats;
    const changed = callOk(core, 'terms.recordChange', { termId, organizationId: ids.jlu!, kind: 'adjust', role: 'chair', date: '2025-03-01', reason: null, eventId: null });
    expect(roleOf(ids.jlu!)).toBe('chair');
    const after = callOk(core, 'terms.undoChange', { id: changed.changes[0]!.id });
    expect(after.changes).toEqual([]);
    expect(after.seats.map(({ id: _id, ...s }) => s)).toEqual(before.map(({ id: _id, ...s }) => s));
    expect(roleOf(ids.jlu!)).toBe('vice_chair');
  });

  it('换届: the next term starts as a draft of the current composition, and becomes current at its meeting', () => {
    callOk(core, 'terms.setOfficers', { termId, officers: [{ office: 'chair_person', personName: '邱现东', organizationId: ids.faw! }, { office: 'secretary_general', personName: '王秘书', organizationId: ids.edu! }] });
    const draft = callOk(core, 'terms.startNext', {});
    expect(draft).toMatchObject({ ordinal: 2, name: '第二届理事会', state: 'draft' });
    expect(draft.seats.map((s) => [s.name, s.role])).toEqual([
      ['中国第一汽车集团有限公司', 'chair'],
      ['吉林大学', 'vice_chair'],
    ]);
    expect(draft.officers.map((o) => [o.office, o.personName])).toEqual([
      ['chair_person', '邱现东'],
      ['secretary_general', '王秘书'],
    ]);
    expect(callError(core, 'terms.startNext', {}).details?.key).toBe('errors.termDraftExists');
    // Editing the draft does not touch anyone's role today.
    callOk(core, 'terms.setSeat', { termId: draft.id, organizationId: ids.ccat!, role: 'executive_council' });
    callOk(core, 'terms.setSeat', { termId: draft.id, organizationId: ids.faw!, role: 'member' });
    expect([roleOf(ids.faw!), roleOf(ids.ccat!)]).toEqual(['chair', 'member']);

    const congress = event(core, '第二次成员大会', '2026-08-19');
    expect(callError(core, 'terms.makeCurrent', { id: draft.id, startDate: '2026-12-01', electedEventId: congress }).details?.fields?.startDate?.key).toBe('errors.termStartsLater');
    const current = callOk(core, 'terms.makeCurrent', { id: draft.id, startDate: '2026-08-19', electedEventId: congress });
    expect(current).toMatchObject({ state: 'current', startDate: '2026-08-19', electedEventTitle: '第二次成员大会' });
    expect([roleOf(ids.faw!), roleOf(ids.jlu!), roleOf(ids.ccat!)]).toEqual(['member', 'vice_chair', 'executive_council']);
    const first = callOk(core, 'terms.get', { id: termId });
    expect(first).toMatchObject({ state: 'closed', endDate: '2026-08-18' });
    expect(first.officers.every((o) => o.toDate === '2026-08-18')).toBe(true);
    // The council before and after the election.
    expect(callOk(core, 'terms.council', { date: '2026-08-18' }).members.map((m) => m.name)).toEqual(['中国第一汽车集团有限公司', '吉林大学']);
    expect(callOk(core, 'terms.council', { date: '2026-08-19' }).members.map((m) => m.name)).toEqual(['吉林大学', '长春汽车职业技术大学']);
    expect(callOk(core, 'terms.council', { date: '2026-08-18' }).officers.map((o) => o.personName)).toEqual(['邱现东', '王秘书']);
    // The council list printed for a day before the election: the first term, its officers, its seats.
    const table = councilTable(core.ctx, 'rolePinyin', '2026-08-18');
    expect(table.title).toBe('第一届理事会组成名单');
    expect(table.subtitle).toBe('截至2026年8月18日，共2家');
    expect(table.sections.map((s) => s.heading)).toEqual(['理事会负责人（2人）', '理事长单位（1家）', '副理事长单位（1家）']);
    expect(table.sections[0]!.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['中国第一汽车集团有限公司', '邱现东', '理事长'],
      ['长春市教育局', '王秘书', '秘书长'],
    ]);
    // A member in a past term is council history: it cannot be deleted.
    expect(callError(core, 'members.delete', { id: ids.faw! }).details?.key).toBe('errors.memberInCouncilHistory');
    // The current term cannot be removed; the closed one can be corrected but not overlap.
    expect(callError(core, 'terms.delete', { id: current.id }).details?.key).toBe('errors.currentTermDelete');
    expect(callError(core, 'terms.update', { id: termId, ordinal: 1, startDate: '2023-08-19', endDate: '2026-09-30', electedEventId: null, notes: null }).details?.fields?.startDate?.key).toBe('errors.termOverlaps');
  });

  it('a member deleted and restored from the history has its seat, its 增补 and its status history back', () => {
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2025-03-01', reason: '理事会增补', eventId: meeting });
    const spans = () => callOk(core, 'terms.roleHistory', { organizationId: ids.ccat! }).map((h) => [h.role, h.fromDate, h.change?.kind ?? null, h.change?.reason ?? null]);
    const before = spans();
    expect(before).toEqual([['council', '2025-03-01', 'add', '理事会增补']]);
    callOk(core, 'members.delete', { id: ids.ccat! });
    expect(callOk(core, 'terms.get', { id: termId }).changes).toHaveLength(0);
    const deletion = callOk(core, 'changes.recent', { entity: 'organization', action: 'delete', limit: 5, offset: 0 }).rows[0]!;
    callOk(core, 'changes.restore', { id: deletion.id });
    expect(spans()).toEqual(before);
    expect(callOk(core, 'terms.get', { id: termId }).changes.map((c) => [c.kind, c.date, c.eventId])).toEqual([['add', '2025-03-01', meeting]]);
    expect(roleOf(ids.ccat!)).toBe('council');
    expect(callOk(core, 'terms.council', { date: '2025-03-01' }).members.map((m) => m.name)).toContain('长春汽车职业技术大学');
    expect(core.ctx.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('a member restored after 换届 has its old seat ended with the old term and its role from the new one', () => {
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2025-03-01', reason: '理事会增补', eventId: meeting });
    const next = callOk(core, 'terms.startNext', {});
    callOk(core, 'members.delete', { id: ids.ccat! });
    callOk(core, 'terms.makeCurrent', { id: next.id, startDate: '2026-11-01', electedEventId: null });
    const deletion = callOk(core, 'changes.recent', { entity: 'organization', action: 'delete', limit: 5, offset: 0 }).rows[0]!;
    callOk(core, 'changes.restore', { id: deletion.id });
    const spans = callOk(core, 'terms.roleHistory', { organizationId: ids.ccat! }).map((h) => [h.termName, h.role, h.fromDate, h.toDate]);
    expect(spans).toEqual([
      ['第一届理事会', 'council', '2025-03-01', '2026-10-31'],
      ['第二届理事会', 'council', '2026-11-01', null],
    ]);
    expect(roleOf(ids.ccat!)).toBe('council');
    expect(callOk(core, 'terms.council', { date: '2026-11-28' }).members.map((m) => m.name)).toContain('长春汽车职业技术大学');
  });

  it('a deleted past term comes back from the history with its seats, unless its number was taken meanwhile', () => {
    callOk(core, 'terms.update', { id: termId, ordinal: 2, startDate: '2023-08-19', endDate: null, electedEventId: null, notes: null });
    const past = callOk(core, 'terms.create', { ordinal: 1, startDate: '2019-05-01', endDate: '2023-08-18', electedEventId: null, notes: '筹备阶段' });
    callOk(core, 'terms.setSeat', { termId: past.id, organizationId: ids.edu!, role: 'lead' });
    const whole = callOk(core, 'terms.get', { id: past.id });
    callOk(core, 'terms.delete', { id: past.id });
    const deletion = callOk(core, 'changes.recent', { entity: 'term', action: 'delete', limit: 5, offset: 0 }).rows[0]!;
    expect(deletion.restorable).toBe(true);
    const other = callOk(core, 'terms.create', { ordinal: 1, startDate: '2010-01-01', endDate: '2011-01-01', electedEventId: null, notes: null });
    expect(callError(core, 'changes.restore', { id: deletion.id }).details?.fields?.ordinal?.key).toBe('errors.termNumberTaken');
    callOk(core, 'terms.delete', { id: other.id });
    // A unit of its council deleted meanwhile: named, and nothing brought back until it is restored.
    callOk(core, 'members.delete', { id: ids.edu! });
    const unit = callError(core, 'changes.restore', { id: deletion.id });
    expect([unit.code, unit.details?.key, unit.details?.params?.names]).toEqual(['CONFLICT', 'errors.restoreUnitsFirst', '长春市教育局']);
    expect(callOk(core, 'terms.list', {}).map((t) => t.id)).not.toContain(past.id);
    callOk(core, 'changes.restore', { id: callOk(core, 'changes.recent', { entity: 'organization', action: 'delete', limit: 1, offset: 0 }).rows[0]!.id });
    callOk(core, 'changes.restore', { id: deletion.id });
    expect(callOk(core, 'terms.get', { id: past.id })).toEqual(whole);
    expect(callOk(core, 'terms.council', { date: '2020-01-01' }).members.map((m) => [m.name, m.role])).toEqual([['长春市教育局', 'lead']]);
  });

  it('a past term can be recorded with its composition, and two terms cannot share a number', () => {
    callOk(core, 'terms.update', { id: termId, ordinal: 2, startDate: '2023-08-19', endDate: null, electedEventId: null, notes: null });
    const past = callOk(core, 'terms.create', { ordinal: 1, startDate: '2019-05-01', endDate: '2023-08-18', electedEventId: null, notes: '筹备阶段' });
    callOk(core, 'terms.setSeat', { termId: past.id, organizationId: ids.edu!, role: 'lead' });
    expect(roleOf(ids.edu!)).toBe('member');
    expect(callOk(core, 'terms.council', { date: '2020-01-01' }).members.map((m) => [m.name, m.role])).toEqual([['长春市教育局', 'lead']]);
    expect(callError(core, 'terms.create', { ordinal: 2, startDate: '2010-01-01', endDate: '2011-01-01', electedEventId: null, notes: null }).details?.fields?.ordinal?.key).toBe('errors.termNumberTaken');
    // Correcting a unit of a past term changes its seat there; it never gains a second one.
    callOk(core, 'terms.setSeat', { termId: past.id, organizationId: ids.edu!, role: 'council' });
    expect(callOk(core, 'terms.get', { id: past.id }).seats.map((s) => [s.name, s.role])).toEqual([['长春市教育局', 'council']]);
  });

  it('keeps the current term’s start before today and before its changes', () => {
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2025-03-01', reason: null, eventId: null });
    const start = (startDate: string) => callError(core, 'terms.update', { id: termId, ordinal: 1, startDate, endDate: null, electedEventId: null, notes: null }).details?.fields?.startDate?.key;
    expect(start('2027-01-01')).toBe('errors.termStartsLater');
    expect(start('2025-06-01')).toBe('errors.termStartsAfterChange');
  });

  it('shows one span for a seat opened by two changes on one day, with the later change', () => {
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'add', role: 'council', date: '2025-03-01', reason: '增补', eventId: null });
    callOk(core, 'terms.recordChange', { termId, organizationId: ids.ccat!, kind: 'adjust', role: 'executive_council', date: '2025-03-01', reason: '调整', eventId: null });
    expect(callOk(core, 'terms.roleHistory', { organizationId: ids.ccat! }).map((h) => [h.role, h.fromDate, h.change?.kind])).toEqual([['executive_council', '2025-03-01', 'adjust']]);
  });
});

describe('the role copy never drifts from the seats', () => {
  it('after any sequence of form edits, seat corrections, changes, status changes and 换届', () => {
    const actions = fc.oneof(
      fc.record({ kind: fc.constant('form' as const), who: fc.nat(3), role: fc.constantFrom(...MEMBER_ROLES) }),
      fc.record({ kind: fc.constant('seat' as const), who: fc.nat(3), role: fc.constantFrom(...MEMBER_ROLES) }),
      fc.record({ kind: fc.constant('change' as const), who: fc.nat(3), role: fc.constantFrom(...MEMBER_ROLES.filter((r) => r !== 'member')), leave: fc.boolean() }),
      fc.record({ kind: fc.constant('status' as const), who: fc.nat(3), leave: fc.boolean() }),
      fc.record({ kind: fc.constant('elect' as const) }),
    );
    fc.assert(
      fc.property(fc.array(actions, { maxLength: 25 }), (steps) => {
        core.ctx.sqlite.exec('SAVEPOINT prop');
        try {
          let day = 0;
          for (const step of steps) {
            day++;
            today = new Date(Date.UTC(2026, 0, 1 + day * 3, 10));
            const date = today.toISOString().slice(0, 10);
            const id = Object.values(ids)[step.kind === 'elect' ? 0 : step.who]!;
            const term = callOk(core, 'terms.list', {}).find((t) => t.state === 'current');
            const hasSeat = term ? callOk(core, 'terms.get', { id: term.id }).seats.some((s) => s.organizationId === id && s.toDate === null) : false;
            const left = ['withdrawn', 'expelled'].includes(callOk(core, 'members.get', { id }).status);
            if (step.kind === 'form' && !left) setRole(id, step.role);
            else if (step.kind === 'seat' && term) callOk(core, 'terms.setSeat', { termId: term.id, organizationId: id, role: step.role });
            else if (step.kind === 'change' && term && !left) {
              const kind = hasSeat ? (step.leave ? 'leave' : 'adjust') : 'add';
              const result = core.dispatcher.dispatch('terms.recordChange', { termId: term.id, organizationId: id, kind, role: kind === 'leave' ? null : step.role, date, reason: null, eventId: null }) as { ok: boolean; error?: { details?: { fields?: Record<string, { key: string }> } } };
              if (!result.ok && result.error?.details?.fields?.role?.key !== 'errors.changeSameRole') throw new Error(JSON.stringify(result.error));
            } else if (step.kind === 'status') callOk(core, 'members.setStatus', step.leave ? { id, status: 'withdrawn', date, reason: '退出' } : { id, status: 'active', date });
            else if (step.kind === 'elect' && term) {
              const draft = callOk(core, 'terms.list', {}).find((t) => t.state === 'draft') ?? callOk(core, 'terms.startNext', {});
              callOk(core, 'terms.makeCurrent', { id: draft.id, startDate: date, electedEventId: null });
            }
          }
          for (const id of Object.values(ids)) expect(roleOf(id)).toBe(derivedRole(core.ctx, id));
          // At most one open seat per member in the current term.
          expect(core.ctx.sqlite.prepare(`SELECT count(*) FROM (SELECT organization_id FROM term_seats s JOIN council_terms t ON t.id = s.term_id WHERE t.state = 'current' AND s.to_date IS NULL GROUP BY 1 HAVING count(*) > 1)`).pluck().get()).toBe(0);
        } finally {
          core.ctx.sqlite.exec('ROLLBACK TO prop; RELEASE prop');
        }
      }),
      { numRuns: 40 },
    );
  });
});
