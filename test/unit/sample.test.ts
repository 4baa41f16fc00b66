import { describe, expect, it } from 'vitest';
import { memberCreateInput } from '../../core/members/contract.js';
import { isValidUscc } from '../../core/members/uscc.js';
import { SAMPLE_COUNTS, sampleMembers } from '../../core/sample/sample-alliance.js';
import { callError, callOk, freshCore } from '../support/core.js';

describe('sample alliance', () => {
  const members = sampleMembers();

  it('has exactly the article’s counts: 10/8/8/38/6/120 = 190', () => {
    const counts: Record<string, number> = {};
    for (const m of members) counts[m.category] = (counts[m.category] ?? 0) + 1;
    expect(counts).toEqual(SAMPLE_COUNTS);
    expect(members).toHaveLength(190);
  });

  it('includes the units the article names, in their roles', () => {
    const byName = new Map(members.map((m) => [m.name, m]));
    expect(byName.get('长春市教育局')?.role).toBe('lead');
    expect(byName.get('长春汽车经济技术开发区管理委员会')).toMatchObject({ role: 'lead', shortName: '汽开区' });
    expect(byName.get('一汽模具制造有限公司')?.contacts?.[0]).toMatchObject({ name: '薛耀', title: '董事长' });
    expect(byName.get('中国科学院长春分院')?.contacts?.[0]).toMatchObject({ name: '李冰', title: '研究员' });
    const roles = new Set(members.map((m) => m.role));
    expect([...roles].sort()).toEqual(['chair', 'council', 'executive_council', 'executive_vice_chair', 'lead', 'member', 'vice_chair']);
    expect(members.filter((m) => m.role === 'chair')).toHaveLength(1);
  });

  it('has unique names and valid, unique credit codes, and passes the API’s own validation', () => {
    expect(new Set(members.map((m) => m.name)).size).toBe(190);
    expect(new Set(members.map((m) => m.uscc)).size).toBe(190);
    for (const m of members) {
      expect(isValidUscc(m.uscc!), m.name).toBe(true);
      expect(memberCreateInput.safeParse(m).success, m.name).toBe(true);
    }
  });

  it('loads as sample data with the alliance profile', async () => {
    const core = await freshCore();
    const overview = callOk(core, 'sample.load', {});
    expect(overview).toMatchObject({ memberCount: 190, sampleMemberCount: 190, profile: { name: '长春市汽车产业集群产教联合体', foundingDate: '2023-08-19', isSample: true } });
    expect(overview.profile?.leadUnits).toEqual(['长春市教育局', '长春汽车经济技术开发区管理委员会']);
    expect(callOk(core, 'members.list', { text: '汽车' }).total).toBeGreaterThan(50);
    core.close();
  });

  it('holds the founding congress with its releases, talks and signings', async () => {
    const core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
    callOk(core, 'sample.load', {});
    const [congress] = callOk(core, 'events.list', {});
    const event = callOk(core, 'events.get', { id: congress!.id });
    expect(event).toMatchObject({ date: '2023-08-19', venue: '汽开区', type: 'founding_congress' });
    expect(event.agenda.filter((a) => a.kind === 'information_release').map((a) => [a.title, a.presenterOrganizationName])).toEqual([
      ['发布人才供给信息', '长春市教育局'],
      ['发布人才需求信息', '长春汽车经济技术开发区管理委员会'],
    ]);
    expect(event.agenda.filter((a) => a.kind === 'experience_talk').map((a) => [a.presenterName, a.presenterOrganizationName, a.title])).toEqual([
      ['薛耀（董事长）', '一汽模具制造有限公司', '发挥央企“双百行动”示范作用，引领校企协同创新发展，共同打造汽车产教融合新未来'],
      ['李冰（研究员）', '中国科学院长春分院', '科教融汇，促进科研成果转化'],
    ]);
    expect(event.agreements).toHaveLength(6);
    expect(new Set(event.agreements.flatMap((a) => a.parties.map((p) => p.organizationId))).size).toBe(13);
    expect(callOk(core, 'talent.list', { eventId: event.id }).map((t) => t.direction).sort()).toEqual(['demand', 'demand', 'demand', 'supply', 'supply', 'supply']);
    core.close();
  });

  it('asks before loading beside the clerk’s own profile, then loads beside it and keeps her name', async () => {
    const core = await freshCore();
    callOk(core, 'alliance.update', { name: '我的联合体' });
    expect(callError(core, 'sample.load', {})).toMatchObject({ code: 'CONFLICT', details: { key: 'errors.sampleAsksProfile', params: { name: '我的联合体', records: 0 } } });
    expect(callOk(core, 'app.overview', {}).memberCount).toBe(0);
    const loaded = callOk(core, 'sample.load', { confirmed: true });
    expect(loaded).toMatchObject({ memberCount: 190, sampleMemberCount: 190, profile: { name: '我的联合体', isSample: false } });
    expect(callError(core, 'sample.load', { confirmed: true }).details?.key).toBe('errors.sampleLoaded');
    core.close();
  });

  it('loads nothing when a unit of the clerk’s has a sample unit’s name, and says which', async () => {
    const core = await freshCore();
    callOk(core, 'members.create', { name: '吉林大学', category: 'university' });
    expect(callError(core, 'sample.load', {}).details).toMatchObject({ key: 'errors.sampleAsks', params: { records: 1 } });
    expect(callError(core, 'sample.load', { confirmed: true })).toMatchObject({ code: 'CONFLICT', details: { key: 'errors.sampleClash', params: { name: '吉林大学' } } });
    expect(callOk(core, 'app.overview', {})).toMatchObject({ memberCount: 1, sampleMemberCount: 0, profile: null });
    expect(callOk(core, 'events.list', {})).toEqual([]);
    core.close();
  });

  it('removes exactly the sample, keeping as the clerk’s the sample units her own records use', async () => {
    const core = await freshCore();
    callOk(core, 'alliance.update', { name: '我的联合体' });
    const mine = callOk(core, 'members.create', { name: '长春启航汽车科技有限公司', category: 'enterprise' }).member.id;
    callOk(core, 'sample.load', { confirmed: true });
    const id = (name: string) => callOk(core, 'members.list', { text: name, limit: 5 }).rows.find((r) => r.name === name)!.id;
    const [jlu, mould] = [id('吉林大学'), id('一汽模具制造有限公司')];
    callOk(core, 'events.create', { title: '我的对接会', type: 'matching', date: '2026-11-20', attendance: [{ organizationId: jlu, status: 'attended' }, { organizationId: mine }] });
    callOk(core, 'agreements.create', { title: '我的协议', parties: [{ organizationId: mine }, { organizationId: mould }] });
    callOk(core, 'talent.create', { organizationId: mine, direction: 'demand', field: '汽车电子' });
    // A sample record the clerk edited is still the sample's.
    callOk(core, 'members.update', { id: id('长春职业技术学院'), name: '长春职业技术学院（改）', category: 'higher_vocational' });

    const result = callOk(core, 'sample.remove', {});
    expect(result.removed).toMatchObject({ members: 188, events: 1, agreements: 6, talentItems: 6, profile: false });
    expect(result.kept.map((k) => [k.kind, k.name]).sort()).toEqual([
      ['member', '一汽模具制造有限公司'],
      ['member', '吉林大学'],
    ]);
    expect(callOk(core, 'app.overview', {})).toMatchObject({ memberCount: 3, sampleMemberCount: 0, profile: { name: '我的联合体' } });
    expect(callOk(core, 'events.list', {}).map((e) => e.title)).toEqual(['我的对接会']);
    expect(callOk(core, 'agreements.list', {}).rows.map((a) => a.title)).toEqual(['我的协议']);
    expect(callOk(core, 'talent.list', {}).map((t) => t.field)).toEqual(['汽车电子']);
    // The removed records' own history went with them; the kept ones and the clerk's stay.
    const history = core.ctx.sqlite.prepare(`SELECT DISTINCT entity_id FROM change_log WHERE entity = 'organization'`).pluck().all() as string[];
    expect(history.sort()).toEqual([mine, jlu, mould].sort());
    expect(core.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);
    core.close();
  });

  it('removes the sample’s own profile with it, leaving an empty file', async () => {
    const core = await freshCore();
    callOk(core, 'sample.load', {});
    const result = callOk(core, 'sample.remove', {});
    expect(result).toMatchObject({ removed: { members: 190, profile: true }, kept: [] });
    expect(callOk(core, 'app.overview', {})).toMatchObject({ memberCount: 0, sampleMemberCount: 0, profile: null });
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    // And the sample can be loaded again.
    expect(callOk(core, 'sample.load', {}).memberCount).toBe(190);
    core.close();
  });
});
