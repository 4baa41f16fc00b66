import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { registerMemberReferenceCheck } from '../../core/members/members.js';
import { callError, callOk, freshCore, VALID_USCC } from '../support/core.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-27T08:00:00Z'));
});
afterEach(() => core.close());

const changeCount = () => (core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

function create(name: string, extra: Record<string, unknown> = {}) {
  return callOk(core, 'members.create', { name, category: 'enterprise', ...extra } as never).member;
}

describe('text search in a large register', () => {
  // 12,000 members; the ones named 榆… sort last, beyond the rows a search first walks, and 汽车 ones
  // are spread through the order. Inserted directly: the list reads what the member service stores.
  beforeEach(() => {
    const sqlite = core.database.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO organizations (id, name, category, role, role_rank, status, join_date, pinyin_key, search_text, created_at, updated_at)
       VALUES (?, ?, ?, 'member', 9, 'active', ?, ?, ?, '2026-01-01', '2026-01-01')`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 12_000; i++) {
        const late = i >= 11_700;
        const name = late ? `榆树第${i}公司` : i % 7 === 0 ? `第${i}汽车公司` : `第${i}公司`;
        const key = `${late ? 'yu' : 'di'} ${String(i).padStart(5, '0')}`;
        insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name, i % 2 ? 'enterprise' : 'research', i % 3 ? `2020-01-${String((i % 28) + 1).padStart(2, '0')}` : null, key, name);
      }
    })();
  });

  // What a page must hold: every match, ordered in JavaScript, then sliced.
  function expected(text: string, sort: 'pinyin' | 'joinDate', direction: 'asc' | 'desc', offset: number, limit: number, categories?: string[]) {
    const all = core.database.sqlite
      .prepare('SELECT name, pinyin_key AS key, join_date AS joinDate, category FROM organizations WHERE instr(search_text, ?) > 0')
      .all(text) as { name: string; key: string; joinDate: string | null; category: string }[];
    const rows = all.filter((r) => !categories || categories.includes(r.category));
    const sign = direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      if (sort === 'joinDate') {
        if ((a.joinDate === null) !== (b.joinDate === null)) return a.joinDate === null ? 1 : -1;
        if (a.joinDate !== b.joinDate) return sign * (a.joinDate! < b.joinDate! ? -1 : 1);
        return a.key < b.key ? -1 : 1;
      }
      return sign * (a.key < b.key ? -1 : 1);
    });
    return { total: rows.length, names: rows.slice(offset, offset + limit).map((r) => r.name) };
  }

  it.each([
    ['榆树', 'pinyin', 'asc', 0],
    ['榆树', 'pinyin', 'asc', 250],
    ['榆树', 'pinyin', 'desc', 0],
    ['汽车', 'pinyin', 'asc', 0],
    ['汽车', 'pinyin', 'asc', 1600],
    ['汽车', 'joinDate', 'desc', 100],
    ['公司', 'joinDate', 'asc', 11_950],
  ] as const)('finds %s in %s order (%s) from row %i, as a full sort would', (text, sort, direction, offset) => {
    const page = callOk(core, 'members.list', { text, sort, direction, offset, limit: 100 });
    const want = expected(text, sort, direction, offset, 100);
    expect(page.total).toBe(want.total);
    expect(page.rows.map((r) => r.name)).toEqual(want.names);
  });

  it('combines the search with a category filter', () => {
    const page = callOk(core, 'members.list', { text: '榆树', categories: ['enterprise'], limit: 100 });
    expect(page.rows.map((r) => r.name)).toEqual(expected('榆树', 'pinyin', 'asc', 0, 100, ['enterprise']).names);
    expect(page.total).toBe(150);
  });
});

describe('the list page’s contact columns', () => {
  it('show each member’s primary contact, its mobile before its phone, and nothing for a member without contacts', () => {
    create('甲汽车公司', { contacts: [{ name: '张一', phone: '0431-1' }, { name: '李二', title: '经理', phone: '0431-2', mobile: '13900000002', isPrimary: true }] });
    create('乙汽车公司', { contacts: [{ name: '王三', phone: '0431-3' }, { name: '赵四', mobile: '13900000004' }] });
    create('丙汽车公司');
    const rows = callOk(core, 'members.list', { text: '汽车公司', limit: 10 }).rows;
    expect(rows.map((r) => [r.name, r.contactName, r.contactTitle, r.contactPhone])).toEqual([
      ['丙汽车公司', null, null, null],
      ['甲汽车公司', '李二', '经理', '13900000002'],
      ['乙汽车公司', '王三', null, '0431-3'],
    ]);
  });
});

describe('creating members', () => {
  it('stores the member with its contacts, normalised, and logs the creation', () => {
    const saved = callOk(core, 'members.create', {
      name: '  一汽模具制造有限公司 ',
      category: 'enterprise',
      role: 'vice_chair',
      uscc: ' 9135 0100 m000100y43',
      joinDate: '2023-08-19',
      contacts: [
        { name: '薛耀', title: '董事长', mobile: '13900000000' },
        { name: '王芳', title: '人力资源部部长', isPrimary: true },
      ],
    });
    expect(saved.warnings).toEqual([]);
    const member = callOk(core, 'members.get', { id: saved.member.id });
    expect(member).toMatchObject({ name: '一汽模具制造有限公司', uscc: '91350100M000100Y43', role: 'vice_chair', status: 'active', joinDate: '2023-08-19' });
    expect(member.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['薛耀', false],
      ['王芳', true],
    ]);
    expect(callOk(core, 'changes.forRecord', { entity: 'organization', id: member.id })).toMatchObject([{ action: 'create', before: null }]);
  });

  it('makes the first contact primary when none is marked', () => {
    const member = create('长春富维汽车零部件有限公司', { contacts: [{ name: '甲' }, { name: '乙' }] });
    expect(member.contacts.map((c) => c.isPrimary)).toEqual([true, false]);
  });

  it('refuses a second member with the same USCC, naming the existing one, and writes nothing', () => {
    create('长春富维汽车零部件有限公司', { uscc: VALID_USCC[0] });
    const before = changeCount();
    const error = callError(core, 'members.create', { name: '另一家公司', category: 'enterprise', uscc: VALID_USCC[0]!.toLowerCase() });
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.params).toEqual({ name: '长春富维汽车零部件有限公司' });
    expect(error.details?.fields?.uscc?.key).toBe('errors.duplicateUscc');
    expect(changeCount()).toBe(before);
    expect(callOk(core, 'members.list', {}).total).toBe(1);
  });

  it('refuses the same name among current members but allows it once the other has withdrawn', () => {
    const first = create('长春富维汽车零部件有限公司');
    expect(callError(core, 'members.create', { name: '长春富维汽车零部件有限公司', category: 'enterprise' })).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { name: { key: 'errors.duplicateName' } } },
    });
    callOk(core, 'members.setStatus', { id: first.id, status: 'withdrawn', date: '2025-01-01', reason: '企业注销' });
    expect(create('长春富维汽车零部件有限公司').status).toBe('active');
    // Reinstating the old one would make two current members with one name.
    expect(callError(core, 'members.setStatus', { id: first.id, status: 'active' }).code).toBe('CONFLICT');
  });

  it('rejects a mistyped USCC with a field error that says which character is wrong', () => {
    const error = callError(core, 'members.create', { name: '测试单位', category: 'enterprise', uscc: '91350100M000100Y44' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.uscc).toMatchObject({ key: 'validation.uscc.checksum', params: { expected: '3', actual: '4' } });
  });

  it('saves a USCC whose prefix does not fit the category, with a warning', () => {
    const saved = callOk(core, 'members.create', { name: '长春市商务局', category: 'government', uscc: VALID_USCC[0] });
    expect(saved.member.uscc).toBe(VALID_USCC[0]);
    expect(saved.warnings).toMatchObject([{ field: 'uscc', key: 'warnings.usccCategory', params: { prefix: '91' } }]);
  });

  it('names every invalid field at once', () => {
    const error = callError(core, 'members.create', { name: ' ', category: 'school', joinDate: '2023-02-30', postcode: '13', contacts: [{ name: '', email: 'x' }] });
    expect(Object.keys(error.details?.fields ?? {}).sort()).toEqual(['category', 'contacts.0.email', 'contacts.0.name', 'joinDate', 'name', 'postcode']);
    expect(error.details?.fields?.joinDate?.key).toBe('validation.date');
  });
});

describe('updating, leaving and deleting', () => {
  it('replaces fields and the contact list, logging before and after', () => {
    const member = create('长春富维汽车零部件有限公司', { contacts: [{ name: '甲' }, { name: '乙' }] });
    const [a] = member.contacts;
    const saved = callOk(core, 'members.update', {
      id: member.id,
      name: '长春富维汽车零部件股份有限公司',
      category: 'enterprise',
      role: 'council',
      contacts: [{ id: a!.id, name: '甲', title: '总经理' }, { name: '丙' }],
    });
    expect(saved.member.role).toBe('council');
    expect(saved.member.contacts.map((c) => [c.name, c.title])).toEqual([
      ['甲', '总经理'],
      ['丙', null],
    ]);
    const [update] = callOk(core, 'changes.forRecord', { entity: 'organization', id: member.id });
    expect(update).toMatchObject({ action: 'update', before: { name: '长春富维汽车零部件有限公司' }, after: { name: '长春富维汽车零部件股份有限公司' } });
  });

  it('refuses a contact id that belongs to another member', () => {
    const other = create('甲公司', { contacts: [{ name: '甲' }] });
    const member = create('乙公司');
    const error = callError(core, 'members.update', { id: member.id, name: '乙公司', category: 'enterprise', contacts: [{ id: other.contacts[0]!.id, name: '甲' }] });
    expect(error.code).toBe('VALIDATION');
    expect(callOk(core, 'members.get', { id: other.id }).contacts).toHaveLength(1);
  });

  it('needs a date and a reason to withdraw or expel, and records them', () => {
    const member = create('长春富维汽车零部件有限公司');
    const error = callError(core, 'members.setStatus', { id: member.id, status: 'expelled' });
    expect(Object.keys(error.details?.fields ?? {}).sort()).toEqual(['date', 'reason']);
    const left = callOk(core, 'members.setStatus', { id: member.id, status: 'expelled', date: '2026-01-05', reason: '长期未履行成员义务' });
    expect(left).toMatchObject({ status: 'expelled', exitDate: '2026-01-05', exitReason: '长期未履行成员义务' });
    expect(callOk(core, 'members.setStatus', { id: member.id, status: 'active' })).toMatchObject({ status: 'active', exitDate: null, exitReason: null });
  });

  it('deletes a member and its contacts, keeping both in the change log', () => {
    const member = create('长春富维汽车零部件有限公司', { contacts: [{ name: '甲' }] });
    callOk(core, 'members.delete', { id: member.id });
    expect(callError(core, 'members.get', { id: member.id }).code).toBe('NOT_FOUND');
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    expect(callOk(core, 'changes.forRecord', { entity: 'organization', id: member.id })[0]).toMatchObject({ action: 'delete', after: null });
    expect(callOk(core, 'changes.forRecord', { entity: 'contact', id: member.contacts[0]!.id })[0]).toMatchObject({ action: 'delete' });
  });

  it('refuses to delete a member something refers to, with that reason', () => {
    const member = create('长春富维汽车零部件有限公司');
    const unregister = registerMemberReferenceCheck((_ctx, id) => (id === member.id ? { key: 'errors.inAgreements', message: 'Party to 2023-校企-001.' } : null));
    try {
      expect(callError(core, 'members.delete', { id: member.id })).toMatchObject({ code: 'IN_USE', message: 'Party to 2023-校企-001.' });
      expect(callOk(core, 'members.get', { id: member.id }).name).toBe('长春富维汽车零部件有限公司');
    } finally {
      unregister();
    }
  });
});

describe('contacts', () => {
  it('adds, updates and deletes contacts, keeping exactly one primary', () => {
    const member = create('长春富维汽车零部件有限公司');
    const first = callOk(core, 'contacts.create', { organizationId: member.id, name: '甲' });
    expect(first.isPrimary).toBe(true);
    const second = callOk(core, 'contacts.create', { organizationId: member.id, name: '乙', isPrimary: true });
    expect(callOk(core, 'contacts.list', { organizationId: member.id }).map((c) => [c.name, c.isPrimary])).toEqual([
      ['甲', false],
      ['乙', true],
    ]);
    callOk(core, 'contacts.update', { id: first.id, name: '甲', mobile: '13800000000' });
    callOk(core, 'contacts.delete', { id: second.id });
    expect(callOk(core, 'contacts.list', { organizationId: member.id })).toMatchObject([{ name: '甲', mobile: '13800000000', isPrimary: true }]);
    // The member is found by its contact's phone number.
    expect(callOk(core, 'members.list', { text: '13800000000' }).rows.map((r) => r.name)).toEqual(['长春富维汽车零部件有限公司']);
    expect(callError(core, 'contacts.create', { organizationId: '00000000-0000-4000-8000-000000000000', name: '丙' }).code).toBe('NOT_FOUND');
  });
});

describe('listing', () => {
  beforeEach(() => {
    create('重庆长安汽车长春分公司', { role: 'member', joinDate: '2024-03-01', contacts: [{ name: '赵敏' }] });
    create('长春工业大学', { category: 'university', role: 'vice_chair', joinDate: '2023-08-19', aliases: ['长工大'] });
    create('中国科学院长春分院', { category: 'research', role: 'vice_chair', uscc: VALID_USCC[1] });
    create('吉林大学', { category: 'university', role: 'executive_vice_chair', joinDate: '2023-08-19' });
    const left = create('已退出公司');
    callOk(core, 'members.setStatus', { id: left.id, status: 'withdrawn', date: '2025-01-01', reason: '主动退出' });
  });
  const names = (input: Parameters<typeof callOk<'members.list'>>[2]) => callOk(core, 'members.list', input).rows.map((r) => r.name);

  it('sorts by pinyin with 长春 read correctly', () => {
    expect(names({})).toEqual(['长春工业大学', '重庆长安汽车长春分公司', '吉林大学', '已退出公司', '中国科学院长春分院']);
    expect(names({ direction: 'desc' })[0]).toBe('中国科学院长春分院');
  });

  it('sorts by role rank and by join date (unknown dates last)', () => {
    expect(names({ sort: 'role' }).slice(0, 3)).toEqual(['吉林大学', '长春工业大学', '中国科学院长春分院']);
    expect(names({ sort: 'joinDate' }).slice(0, 3)).toEqual(['长春工业大学', '吉林大学', '重庆长安汽车长春分公司']);
  });

  it('filters by category, role, status and text in name, alias, USCC or contact', () => {
    expect(names({ categories: ['university'] })).toEqual(['长春工业大学', '吉林大学']);
    expect(names({ roles: ['vice_chair'] })).toEqual(['长春工业大学', '中国科学院长春分院']);
    expect(names({ statuses: ['withdrawn'] })).toEqual(['已退出公司']);
    expect(names({ text: '长春' })).toEqual(['长春工业大学', '重庆长安汽车长春分公司', '中国科学院长春分院']);
    expect(names({ text: '长工大' })).toEqual(['长春工业大学']);
    expect(names({ text: VALID_USCC[1]!.toLowerCase() })).toEqual(['中国科学院长春分院']);
    expect(names({ text: '赵敏' })).toEqual(['重庆长安汽车长春分公司']);
    expect(names({ text: '%' })).toEqual([]);
  });

  it('pages with a total', () => {
    const page = callOk(core, 'members.list', { offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual(['吉林大学', '已退出公司']);
  });
});

describe('roster', () => {
  it('groups current members by category in domain order, by role rank then pinyin, with counted headings', () => {
    create('长春富维汽车零部件有限公司', { role: 'member' });
    create('中国第一汽车集团有限公司', { role: 'chair' });
    create('长春市教育局', { category: 'government', role: 'lead' });
    const applied = callOk(core, 'members.create', { name: '申请中公司', category: 'enterprise', status: 'applied' });
    const roster = callOk(core, 'reports.roster', {});
    expect(roster.groups.map((g) => g.heading)).toEqual(['政府机构（1个）', '企业（2家）']);
    expect(roster.groups[1]!.rows.map((r) => [r.seq, r.name])).toEqual([
      [1, '中国第一汽车集团有限公司'],
      [2, '长春富维汽车零部件有限公司'],
    ]);
    expect(roster.total).toBe(3);
    expect(JSON.stringify(roster)).not.toContain(applied.member.id);
  });
});

describe('text is clean at the boundary', () => {
  it.each([
    ['NUL', '吉林\u0000大学'],
    ['BEL', '吉林大学\u0007'],
    ['ESC (a terminal sequence)', '\u001b[31m吉林大学'],
    ['a right-to-left override', '吉林\u202e学大'],
    ['a directional isolate', '\u2066吉林大学\u2069'],
    ['a C1 control', '吉林\u0085大学'],
  ])('refuses a name with %s, naming the field', (_what, name) => {
    const error = callError(core, 'members.create', { name, category: 'university' });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: { name: { key: 'validation.controlCharacters' } } } });
    expect(changeCount()).toBe(0);
  });

  it('refuses them in contacts and notes too, and keeps ordinary punctuation and spaces', () => {
    expect(callError(core, 'members.create', { name: '吉林大学', category: 'university', contacts: [{ name: '王\u0000伟' }] }).details?.fields).toHaveProperty(['contacts.0.name']);
    expect(callError(core, 'members.create', { name: '吉林大学', category: 'university', notes: 'ok\u001b]0;x\u0007' }).details?.fields).toHaveProperty(['notes']);
    expect(create('吉林大学（前进校区） A&B·“一汽”', { notes: '第一行\n第二行\t完' }).name).toBe('吉林大学（前进校区） A&B·“一汽”');
  });
});
