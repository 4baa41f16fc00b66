import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/contract/registry.js';
import type { AppCore } from '../../core/host/core.js';
import { callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';
import { event, member, parties } from '../support/records.js';

let core: AppCore;
let school: string, enterprise: string, enterprise2: string, research: string, government: string;
beforeEach(async () => {
  core = await freshCore(':memory:', () => new Date('2026-11-28T10:00:00Z'));
  school = member(core, '长春职业技术学院', 'higher_vocational');
  enterprise = member(core, '一汽模具制造有限公司', 'enterprise');
  enterprise2 = member(core, '长春富维汽车零部件有限公司', 'enterprise');
  research = member(core, '中国科学院长春分院', 'research');
  government = member(core, '长春市教育局', 'government');
});
afterEach(() => core.close());

describe('creating agreements', () => {
  it('suggests the type from the parties, labels them 甲方/乙方 and numbers {year}-{type}-{seq}', () => {
    const created = callOk(core, 'agreements.create', {
      title: '校企合作协议',
      status: 'signed',
      signedDate: '2023-08-19',
      termYears: 3,
      parties: [
        { organizationId: school, signatoryName: '王伟', signatoryTitle: '院长', sealAffixed: true },
        { organizationId: enterprise, signatoryName: '薛耀', signatoryTitle: '董事长' },
      ],
    });
    expect(created).toMatchObject({ number: '2023-校企-001', type: 'school_enterprise', status: 'signed', expiresOn: '2026-08-18', state: 'expired' });
    expect(created.parties.map((p) => [p.label, p.name, p.signatoryName, p.sealAffixed])).toEqual([
      ['甲方', '长春职业技术学院', '王伟', true],
      ['乙方', '一汽模具制造有限公司', '薛耀', false],
    ]);
    expect(callOk(core, 'changes.forRecord', { entity: 'agreement', id: created.id })).toMatchObject([{ action: 'create' }]);
  });

  it('refuses 校企 between two enterprises, saying why, and writes nothing', () => {
    const error = callError(core, 'agreements.create', { title: '合作协议', type: 'school_enterprise', parties: parties(enterprise, enterprise2) });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.type).toMatchObject({ key: 'errors.agreementTypeParties', params: { type: '校企', needs: '1所学校', has: '企业、企业' } });
    expect(callOk(core, 'agreements.list', {}).total).toBe(0);
  });

  it('numbers uniquely and without gaps when two processes create agreements in the same file at the same time', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alliance.sqlite');
    const setup = await freshCore(file);
    const [s, e] = [member(setup, '学校', 'university'), member(setup, '企业', 'enterprise')];
    setup.close();
    const go = path.join(dir, 'go');
    const writer = () =>
      new Promise<{ numbers: string[]; started: number; finished: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/agreement-writer.ts', file, go, s, e, '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer failed (${code}): ${err}`))));
      });
    const writers = [writer(), writer()];
    // Both have opened the file and wait; the signal starts them at the same moment.
    for (let waited = 0; fs.readdirSync(dir).filter((f) => f.startsWith('go.ready-')).length < 2 && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    fs.writeFileSync(go, '');
    const [a, b] = await Promise.all(writers);
    const all = [...a!.numbers, ...b!.numbers].sort();
    expect(all).toEqual(Array.from({ length: 80 }, (_, i) => `2024-校企-${String(i + 1).padStart(3, '0')}`));
    // They did write at the same time: each started before the other had finished, and their numbers
    // interleave — each writer's run of numbers has the other's inside it, so each numbering saw the other's.
    expect(Math.max(a!.started, b!.started)).toBeLessThan(Math.min(a!.finished, b!.finished));
    const seq = (n: string) => Number(n.slice(-3));
    for (const own of [a!.numbers, b!.numbers]) expect(Math.max(...own.map(seq)) - Math.min(...own.map(seq)) + 1).toBeGreaterThan(own.length);
  }, 60_000);

  it('numbers each year and type on its own, and follows a changed pattern', () => {
    const make = (signedDate: string, ids: string[]) => callOk(core, 'agreements.create', { title: 'x', signedDate, parties: parties(...ids) }).number;
    expect(make('2023-08-19', [school, enterprise])).toBe('2023-校企-001');
    expect(make('2024-01-01', [school, enterprise])).toBe('2024-校企-001');
    expect(make('2023-09-01', [research, school])).toBe('2023-科教-001');
    callOk(core, 'settings.update', { agreementNumberPattern: '长汽产教〔{year}〕{seq}号' });
    expect(make('2023-09-02', [government, enterprise])).toBe('长汽产教〔2023〕001号');
    expect(callError(core, 'settings.update', { agreementNumberPattern: '{year}-{type}' }).details?.fields?.agreementNumberPattern?.key).toBe('validation.numberPattern');
  });

  it('refuses a number already in use, naming the agreement', () => {
    callOk(core, 'agreements.create', { number: '2023-校企-007', title: '第一份', parties: parties(school, enterprise) });
    const error = callError(core, 'agreements.create', { number: '2023-校企-007', title: '第二份', parties: parties(school, enterprise2) });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { params: { number: '2023-校企-007', title: '第一份' } } });
  });

  it('checks dates, status needs and parties field by field', () => {
    const error = callError(core, 'agreements.create', {
      title: '有误的协议',
      status: 'signed',
      effectiveDate: '2024-01-01',
      endDate: '2023-12-31',
      termYears: 3,
      parties: parties(school, school),
    });
    expect(Object.fromEntries(Object.entries(error.details!.fields!).map(([k, v]) => [k, v.key]))).toEqual({
      endDate: 'validation.endBeforeEffective',
      termYears: 'validation.endOrTerm',
      signedDate: 'validation.signedDateRequired',
      'parties.1.organizationId': 'validation.partyTwice',
    });
    expect(callError(core, 'agreements.create', { title: '一方', parties: parties(school) }).details?.fields?.parties?.key).toBe('validation.tooSmall');
  });
});

describe('finding agreements', () => {
  beforeEach(() => {
    const ceremony = event(core, '成立大会', '2023-08-19');
    const sign = (title: string, ids: string[], signedDate: string, termYears: number | null, eventId: string | null = null) =>
      callOk(core, 'agreements.create', { title, status: 'signed', signedDate, termYears, eventId, parties: parties(...ids), tags: ['订单培养'] });
    sign('订单培养协议', [school, enterprise], '2023-08-19', 3, ceremony); // expired 2026-08-18
    sign('科教融汇协议', [research, school], '2023-08-19', 5, ceremony); // in force
    sign('政企人才协议', [government, enterprise2], '2024-02-01', 3); // until 2027-01-31: expiring
    callOk(core, 'agreements.create', { title: '拟签协议', parties: parties(school, enterprise2) });
  });
  const titles = (input: Parameters<typeof callOk<'agreements.list'>>[2]) => callOk(core, 'agreements.list', input).rows.map((r) => r.title);

  it('filters by type, derived state, date range, member, event and text', () => {
    expect(titles({ types: ['school_enterprise'] }).sort()).toEqual(['拟签协议', '订单培养协议'].sort());
    expect(titles({ states: ['expired'] })).toEqual(['订单培养协议']);
    expect(titles({ states: ['expiring'] })).toEqual(['政企人才协议']);
    expect(titles({ states: ['in_force'] })).toEqual(['科教融汇协议']);
    expect(titles({ states: ['draft'] })).toEqual(['拟签协议']);
    expect(titles({ from: '2024-01-01', to: '2024-12-31' })).toEqual(['政企人才协议']);
    expect(titles({ organizationId: school }).sort()).toEqual(['拟签协议', '科教融汇协议', '订单培养协议'].sort());
    const ceremony = callOk(core, 'events.list', {})[0]!.id;
    expect(titles({ eventId: ceremony }).sort()).toEqual(['科教融汇协议', '订单培养协议'].sort());
    expect(titles({ text: '富维' }).sort()).toEqual(['拟签协议', '政企人才协议'].sort());
    expect(titles({ text: '2023-科教' })).toEqual(['科教融汇协议']);
  });

  it('no longer counts an agreement as expiring once a signed renewal follows it, anywhere', () => {
    const expiring = callOk(core, 'agreements.list', { states: ['expiring'] }).rows[0]!;
    const renewal = callOk(core, 'agreements.create', { title: '政企人才协议（续签）', amendsId: expiring.id, parties: parties(government, enterprise2) });
    // A renewal still in draft has not seen to anything yet.
    expect(titles({ states: ['expiring'] })).toEqual(['政企人才协议']);
    callOk(core, 'agreements.update', { id: renewal.id, title: renewal.title, amendsId: expiring.id, status: 'signed', signedDate: '2026-11-20', termYears: 3, parties: parties(government, enterprise2) });
    expect(titles({ states: ['expiring'] })).toEqual([]);
    expect(titles({ states: ['in_force'] }).sort()).toEqual(['政企人才协议', '政企人才协议（续签）', '科教融汇协议'].sort());
    expect(callOk(core, 'agreements.get', { id: expiring.id }).state).toBe('in_force');
    expect(callOk(core, 'agreements.list', { text: '政企人才协议' }).rows.find((r) => r.id === expiring.id)!.state).toBe('in_force');
    const dashboard = callOk(core, 'dashboard.summary', {});
    expect(dashboard.expiring).toEqual([]);
    expect(dashboard.agreementsByState.find((s) => s.state === 'expiring')!.count).toBe(0);
    // Once its last day has passed it is expired like any other.
    expect(titles({ states: ['expired'] })).toEqual(['订单培养协议']);
  });

  it('sorts by signing date (undated last), number or expiry', () => {
    expect(titles({}).at(0)).toBe('政企人才协议');
    expect(titles({}).at(-1)).toBe('拟签协议');
    expect(titles({ sort: 'expiresOn', direction: 'asc' }).slice(0, 3)).toEqual(['订单培养协议', '政企人才协议', '科教融汇协议']);
  });

  it('shows on the member’s page and blocks deleting that member, naming the agreements', () => {
    const error = callError(core, 'members.delete', { id: research });
    expect(error).toMatchObject({ code: 'IN_USE', details: { key: 'errors.memberInAgreements', params: { numbers: '2023-科教-001' } } });
    expect(callOk(core, 'members.get', { id: research }).name).toBe('中国科学院长春分院');
  });

  it('refuses to delete an event at which agreements were signed', () => {
    const ceremony = callOk(core, 'events.list', {})[0]!.id;
    expect(callError(core, 'events.delete', { id: ceremony })).toMatchObject({ code: 'IN_USE', details: { key: 'errors.eventHasAgreements' } });
  });

  it('deletes an event with only draft agreements, which stay as drafts', () => {
    const planned = event(core, '待定的签约仪式');
    const draft = callOk(core, 'agreements.create', { title: '待签', eventId: planned, parties: parties(school, enterprise) });
    callOk(core, 'events.delete', { id: planned });
    expect(callOk(core, 'agreements.get', { id: draft.id })).toMatchObject({ status: 'draft', eventId: null });
  });

  it('refuses to delete an agreement that another one renews', () => {
    const original = callOk(core, 'agreements.list', { states: ['expired'] }).rows[0]!;
    callOk(core, 'agreements.create', { title: '续签协议', amendsId: original.id, parties: parties(school, enterprise) });
    expect(callError(core, 'agreements.delete', { id: original.id })).toMatchObject({ code: 'IN_USE', details: { key: 'errors.agreementAmended' } });
  });
});

describe('attachments', () => {
  let agreementId: string;
  beforeEach(() => {
    agreementId = callOk(core, 'agreements.create', { title: '附件测试', parties: parties(school, enterprise) }).id;
  });
  const add = (fileName: string, content: string | Buffer) =>
    core.dispatcher.dispatch('attachments.add', { ownerType: 'agreement', ownerId: agreementId, fileName, contentBase64: Buffer.from(content).toString('base64') }) as ApiResponse;
  const filesIn = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))) : [];

  it('stores the file under its content hash and keeps the original name for display', () => {
    const response = add('签署版扫描件.pdf', '%PDF-1.7 协议');
    expect(response.ok).toBe(true);
    const attachment = (response as { result: { sha256: string; fileName: string; mimeType: string; id: string } }).result;
    expect(attachment).toMatchObject({ fileName: '签署版扫描件.pdf', mimeType: 'application/pdf' });
    expect(filesIn(core.ctx.attachmentsDir)).toEqual([path.join(attachment.sha256.slice(0, 2), attachment.sha256)]);
    expect(Buffer.from(callOk(core, 'attachments.read', { id: attachment.id }).bytes, 'base64').toString()).toBe('%PDF-1.7 协议');
    expect(callOk(core, 'agreements.get', { id: agreementId }).attachments).toHaveLength(1);
  });

  it.each([
    ['../../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.exe', 'evil.exe'],
    ['/etc/cron.d/job', 'job'],
    ['C:\\Users\\clerk\\Desktop\\协议.docx', '协议.docx'],
    ['名称<含>非法:字符?.pdf', '名称含非法字符.pdf'],
  ])('never uses a path from the name %s (shown as %s)', (name, shown) => {
    const response = add(name, 'content');
    expect(response).toMatchObject({ ok: true, result: { fileName: shown } });
    const files = filesIn(path.dirname(core.ctx.attachmentsDir));
    expect(files.every((f) => f.startsWith('attachments' + path.sep))).toBe(true);
  });

  it.each(['CON', 'nul.txt', 'COM1.pdf', '..', '.', '', '   ', 'a/..'])('refuses the reserved or empty name %j', (name) => {
    expect(add(name, 'content')).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: { fileName: { key: 'validation.fileName' } } } } });
    expect(filesIn(core.ctx.attachmentsDir)).toEqual([]);
  });

  it('refuses files over the size limit, empty files and content that is not base64', () => {
    expect(add('big.pdf', Buffer.alloc(20 * 1024 * 1024 + 1))).toMatchObject({ ok: false, error: { details: { fields: { contentBase64: { key: 'validation.attachmentTooLarge' } } } } });
    expect(add('empty.pdf', '')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const bad = core.dispatcher.dispatch('attachments.add', { ownerType: 'agreement', ownerId: agreementId, fileName: 'x.pdf', contentBase64: '$$$$' });
    expect(bad).toMatchObject({ ok: false, error: { details: { fields: { contentBase64: { key: 'validation.fileContent' } } } } });
    expect(filesIn(core.ctx.attachmentsDir)).toEqual([]);
  });

  it('keeps one file for identical content and removes it with its last reference', () => {
    const first = (add('一.pdf', 'same bytes') as { result: { id: string } }).result;
    const second = (add('二.pdf', 'same bytes') as { result: { id: string } }).result;
    expect(filesIn(core.ctx.attachmentsDir)).toHaveLength(1);
    callOk(core, 'attachments.remove', { id: first.id });
    expect(filesIn(core.ctx.attachmentsDir)).toHaveLength(1);
    callOk(core, 'attachments.remove', { id: second.id });
    expect(filesIn(core.ctx.attachmentsDir)).toEqual([]);
  });

  it('keeps an agreement’s files when the agreement is deleted, so restoring it brings them back', () => {
    add('扫描件.pdf', 'scan');
    callOk(core, 'agreements.delete', { id: agreementId });
    expect(filesIn(core.ctx.attachmentsDir)).toHaveLength(1);
    expect(core.database.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
  });
});
