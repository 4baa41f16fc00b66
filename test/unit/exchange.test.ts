// Two clerks' copies of one register, merged through exchange files (core/exchange).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { callError, callOk, freshCore, VALID_USCC } from '../support/core.js';
import { editMember, exchangeFile, passFile, registerOf } from '../support/exchange.js';
import { member, parties } from '../support/records.js';

let a: AppCore;
let b: AppCore;

beforeEach(async () => {
  a = await freshCore();
  b = await freshCore();
});
afterEach(() => {
  a.close();
  b.close();
});

const names = (core: AppCore) => (core.ctx.sqlite.prepare('SELECT name FROM organizations ORDER BY name').pluck().all() as string[]);

describe('exchange files between two copies', () => {
  it('carries new records both ways, with contacts and agreements, and the two registers end equal', () => {
    const school = callOk(a, 'members.create', { name: '长春职业技术学院', category: 'higher_vocational', contacts: [{ name: '王老师', mobile: '13800000001' }] }).member.id;
    const firm = member(b, '一汽解放集团股份有限公司', 'enterprise');
    const { review } = passFile(a, b);
    expect(review.counts.new).toBeGreaterThanOrEqual(2);
    expect(review.holds.organization).toBe(1);
    expect(names(b)).toEqual(expect.arrayContaining(['长春职业技术学院', '一汽解放集团股份有限公司']));
    // B signs with A's school, then A takes B's file.
    callOk(b, 'agreements.create', { title: '校企合作协议', parties: parties(school, firm) });
    passFile(b, a);
    expect(registerOf(a)).toEqual(registerOf(b));
    expect(callOk(a, 'members.get', { id: school }).contacts[0]).toMatchObject({ name: '王老师', mobile: '13800000001' });
    // The merged member is found by its contact's phone: its search text was rebuilt.
    expect(callOk(b, 'members.list', { text: '13800000001' }).total).toBe(1);
  });

  it('merging the same file twice changes nothing', () => {
    member(a, '吉林大学', 'university');
    const bytes = exchangeFile(a, b);
    const first = callOk(b, 'exchange.stage', { fileName: 'f', bytes });
    callOk(b, 'exchange.apply', { uploadId: first.uploadId });
    const before = registerOf(b);
    const history = b.ctx.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get();
    const again = callOk(b, 'exchange.stage', { fileName: 'f', bytes });
    expect(again.alreadyRead).toBe(true);
    expect(again.items).toEqual([]);
    callOk(b, 'exchange.apply', { uploadId: again.uploadId });
    expect(registerOf(b)).toEqual(before);
    expect(b.ctx.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(history);
  });

  it('takes edits of different fields from both sides without a conflict', () => {
    const id = member(a, '吉林大学', 'university');
    passFile(a, b);
    editMember(a, id, { address: '长春市前进大街2699号' });
    editMember(b, id, { website: 'https://www.jlu.edu.cn' });
    const { review } = passFile(b, a);
    expect(review.counts.conflict).toBe(0);
    passFile(a, b);
    expect(callOk(b, 'members.get', { id })).toMatchObject({ address: '长春市前进大街2699号', website: 'https://www.jlu.edu.cn' });
    expect(registerOf(a)).toEqual(registerOf(b));
  });

  it('shows one field changed on both sides, resolves it, keeps the losing value and can put it back', () => {
    const id = member(a, '吉林大学', 'university');
    passFile(a, b);
    editMember(a, id, { address: '甲地址' });
    editMember(b, id, { address: '乙地址' });
    const review = callOk(b, 'exchange.stage', { fileName: 'f', bytes: exchangeFile(a, b) });
    const conflict = review.items.find((i) => i.kind === 'conflict');
    // B's change is the later one: the rule newer would keep it.
    expect(conflict).toMatchObject({ field: 'address', mine: '乙地址', theirs: '甲地址', chosen: 'mine' });
    expect(conflict!.record).toMatchObject({ entity: 'organization', id, label: '吉林大学' });
    // Nothing is written by the review.
    expect(callOk(b, 'members.get', { id }).address).toBe('乙地址');
    const again = callOk(b, 'exchange.review', { uploadId: review.uploadId, choices: { [conflict!.key]: 'theirs' } });
    expect(again.items.find((i) => i.key === conflict!.key)?.chosen).toBe('theirs');
    callOk(b, 'exchange.apply', { uploadId: review.uploadId, choices: { [conflict!.key]: 'theirs' } });
    expect(callOk(b, 'members.get', { id }).address).toBe('甲地址');
    const [lost] = callOk(b, 'exchange.losers', { rowId: id });
    expect(lost).toMatchObject({ field: 'address', value: '乙地址' });
    // The choice made here is a change of its own: A takes it without a conflict.
    const back = passFile(b, a);
    expect(back.review.counts.conflict).toBe(0);
    expect(callOk(a, 'members.get', { id }).address).toBe('甲地址');
    callOk(b, 'exchange.restoreLoser', { id: lost!.id });
    expect(callOk(b, 'members.get', { id }).address).toBe('乙地址');
    // …and that, too, reaches A as a plain change.
    expect(passFile(b, a).review.counts.conflict).toBe(0);
    expect(callOk(a, 'members.get', { id }).address).toBe('乙地址');
  });

  it('the rule newer keeps the later change on both copies', () => {
    const id = member(a, '吉林大学', 'university');
    passFile(a, b);
    editMember(a, id, { notes: '先' });
    editMember(b, id, { notes: '后' });
    passFile(a, b);
    passFile(b, a);
    expect(callOk(a, 'members.get', { id }).notes).toBe('后');
    expect(callOk(b, 'members.get', { id }).notes).toBe('后');
    const lost = callOk(b, 'exchange.losers', { rowId: id });
    expect(lost.map((l) => l.value)).toContain('先');
  });

  it('shows a record deleted on one side and edited on the other, and decides only as told', () => {
    const id = member(a, '吉林大学', 'university');
    passFile(a, b);
    callOk(a, 'members.delete', { id });
    editMember(b, id, { notes: '乙补充' });
    const review = callOk(b, 'exchange.stage', { fileName: 'f', bytes: exchangeFile(a, b) });
    const item = review.items.find((i) => i.kind === 'deleteEdit');
    expect(item).toMatchObject({ deletedBy: 'theirs', record: { id, label: '吉林大学' } });
    callOk(b, 'exchange.apply', { uploadId: review.uploadId, choices: { [item!.key]: 'mine' } });
    expect(callOk(b, 'members.get', { id }).notes).toBe('乙补充');
    // A learns that B kept it: it comes back there.
    passFile(b, a);
    expect(callOk(a, 'members.get', { id }).notes).toBe('乙补充');
    expect(registerOf(a)).toEqual(registerOf(b));
  });

  it('a unit kept against a deletion keeps its contacts on both copies', () => {
    const id = callOk(a, 'members.create', { name: '吉林大学', category: 'university', contacts: [{ name: '郑芳', mobile: '13900000001' }, { name: '罗桂英' }] }).member.id;
    passFile(a, b);
    callOk(a, 'members.delete', { id });
    editMember(b, id, { notes: '乙补充' });
    const { review } = passFile(a, b);
    expect(review.items.find((i) => i.kind === 'deleteEdit')).toMatchObject({ chosen: 'mine' });
    // The contacts deleted with the unit on A stay with it here.
    expect(callOk(b, 'members.get', { id }).contacts.map((c) => c.name).sort()).toEqual(['罗桂英', '郑芳']);
    // A takes the unit back, with its contacts from B's file.
    passFile(b, a);
    expect(callOk(a, 'members.get', { id }).contacts.map((c) => c.name).sort()).toEqual(['罗桂英', '郑芳']);
    expect(registerOf(a)).toEqual(registerOf(b));
  });

  it('offers one unit created twice with two ids as one, with both sides’ contacts and agreements', () => {
    const onA = callOk(a, 'members.create', { name: '吉林大学', uscc: VALID_USCC[0], category: 'university', contacts: [{ name: '甲' }] }).member.id;
    const onB = callOk(b, 'members.create', { name: '吉林大学', uscc: VALID_USCC[0], category: 'university', address: '长春', contacts: [{ name: '乙' }] }).member.id;
    const firm = member(b, '一汽', 'enterprise');
    callOk(b, 'agreements.create', { title: '合作', parties: parties(onB, firm) });
    const { review } = passFile(b, a);
    expect(review.items.filter((i) => i.kind === 'duplicate')).toHaveLength(1);
    passFile(a, b);
    const kept = [onA, onB].sort()[0]!;
    for (const core of [a, b]) {
      expect(core.ctx.sqlite.prepare('SELECT id FROM organizations WHERE name = ?').pluck().all('吉林大学')).toEqual([kept]);
      const unit = callOk(core, 'members.get', { id: kept });
      expect(unit.contacts.map((c) => c.name).sort()).toEqual(['乙', '甲']);
      expect(unit.address).toBe('长春');
    }
    expect(callOk(a, 'agreements.list', {}).rows[0]!.parties.map((p: { organizationId: string }) => p.organizationId)).toContain(kept);
    expect(registerOf(a)).toEqual(registerOf(b));
  });

  it('renumbers an agreement number given on both copies', () => {
    const sa = member(a, '甲校', 'higher_vocational');
    passFile(a, b);
    const fa = member(a, '甲企', 'enterprise');
    const fb = member(b, '乙企', 'enterprise');
    const numberA = callOk(a, 'agreements.create', { title: '甲协议', signedDate: '2026-05-01', parties: parties(sa, fa) }).number;
    const numberB = callOk(b, 'agreements.create', { title: '乙协议', signedDate: '2026-05-01', parties: parties(sa, fb) }).number;
    expect(numberA).toBe(numberB);
    const { review } = passFile(b, a);
    const clash = review.items.find((i) => i.kind === 'numbering');
    expect(clash?.proposal).toMatch(/002$/);
    passFile(a, b);
    const numbers = (core: AppCore) => core.ctx.sqlite.prepare('SELECT number FROM agreements ORDER BY number').pluck().all();
    expect(numbers(a)).toEqual([numberA, clash!.proposal]);
    expect(numbers(b)).toEqual(numbers(a));
  });
});

describe('files that cannot be merged', () => {
  const digest = (core: AppCore) => JSON.stringify(registerOf(core)) + String(core.ctx.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get());

  it('refuses an empty, damaged, foreign, newer or own file with its own error, changing nothing', () => {
    member(a, '吉林大学', 'university');
    member(b, '长春大学', 'university');
    const bytes = Buffer.from(exchangeFile(a, b), 'base64');
    const before = digest(b);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: damaged.toString('base64') })).toMatchObject({ code: 'EXCHANGE_FILE', details: { key: 'errors.exchangeDamaged' } });
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: bytes.subarray(0, bytes.length - 40).toString('base64') })).toMatchObject({ details: { key: 'errors.exchangeDamaged' } });
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: Buffer.from('PK\u0003\u0004 a zip').toString('base64') })).toMatchObject({ details: { key: 'errors.exchangeForeign' } });
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: '' })).toMatchObject({ code: 'EXCHANGE_FILE', details: { key: 'errors.exchangeEmpty' } });
    const newer = Buffer.from(bytes.toString('latin1').replace('"version":1', '"version":9'), 'latin1');
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: newer.toString('base64') })).toMatchObject({ details: { key: 'errors.exchangeNewer', params: { version: 9 } } });
    const own = Buffer.from(exchangeFile(b, null), 'base64');
    expect(callError(b, 'exchange.stage', { fileName: 'f', bytes: own.toString('base64') })).toMatchObject({ details: { key: 'errors.exchangeOwn' } });
    expect(digest(b)).toBe(before);
  });
});
