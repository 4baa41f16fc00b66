// Plaques and appointment letters: numbered per kind and year, refused input names its field, the
// registers as files, certificates one page each with the texts where the layout puts them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import type { AppCore } from '../../core/host/core.js';
import { DEFAULT_LAYOUTS, certificateDate } from '../../core/awards/certificate-layout.js';
import { callAsync, callError, callOk, freshCore } from '../support/core.js';
import { docxParagraphs, docxXml, pdfPageCount, pdfText } from '../support/documents.js';
import { tempDir } from '../support/migrations.js';
import { member } from '../support/records.js';

let core: AppCore;
let ids: Record<string, string>;

beforeEach(async () => {
  core = await freshCore(path.join(tempDir(), 'alliance.sqlite'), () => new Date('2026-11-28T10:00:00Z'));
  callOk(core, 'alliance.update', { name: '长春市汽车产业集群产教联合体', shortName: null, level: 'municipal', foundingDate: '2023-08-19', leadUnits: [], secretariatHost: null, councilTerm: null });
  ids = { mould: member(core, '一汽模具制造有限公司', 'enterprise'), cas: member(core, '中国科学院长春分院', 'research') };
});
afterEach(() => core.close());

describe('plaques and appointment letters', () => {
  it('prints a long run of certificates as a job: it counts the pages, and a cancel stops it', async () => {
    for (let i = 0; i < 120; i++) callOk(core, 'awards.create', { kind: 'plaque', title: `实训基地${i}`, organizationId: ids.mould!, date: '2026-03-01' });
    const jobId = randomUUID();
    const running = core.dispatcher.dispatch('exports.certificates', { kind: 'plaque' }, { jobId });
    let progress = callOk(core, 'jobs.progress', { jobId });
    for (let turns = 0; turns < 1000 && !(progress && progress.done > 0); turns++) {
      await new Promise((resolve) => setImmediate(resolve));
      progress = callOk(core, 'jobs.progress', { jobId });
    }
    expect(progress).toMatchObject({ total: 120 });
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThan(120);
    expect(callOk(core, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // Without a cancel, every page.
    expect(pdfPageCount(Buffer.from((await callAsync(core, 'exports.certificates', { kind: 'plaque' })).bytes, 'base64'))).toBe(120);
  }, 60_000);

  it('numbers each kind per year, and refuses what does not fit naming the field', () => {
    const first = callOk(core, 'awards.create', { kind: 'plaque', title: '产教融合实训基地', organizationId: ids.mould!, date: '2026-03-01' });
    const second = callOk(core, 'awards.create', { kind: 'plaque', title: '产业学院', organizationId: ids.cas!, date: '2026-05-01' });
    const letter = callOk(core, 'awards.create', { kind: 'appointment', title: '专家委员会委员', personName: '李冰', organizationId: ids.cas!, date: '2026-05-01', validUntil: '2029-04-30' });
    expect([first.number, second.number, letter.number]).toEqual(['2026-授牌-001', '2026-授牌-002', '2026-聘-001']);
    expect(letter).toMatchObject({ organizationName: '中国科学院长春分院', personName: '李冰' });

    const fields = (input: Record<string, unknown>) => callError(core, 'awards.create', { title: '基地', date: '2026-01-01', ...input }).details?.fields;
    expect(fields({ kind: 'plaque' })?.organizationId?.key).toBe('validation.required');
    expect(fields({ kind: 'appointment', organizationId: ids.cas! })?.personName?.key).toBe('validation.required');
    expect(fields({ kind: 'plaque', organizationId: ids.cas!, validUntil: '2025-12-31' })?.validUntil?.key).toBe('validation.validBeforeDate');
    expect(fields({ kind: 'plaque', organizationId: ids.cas!, date: '9999-12-31' })?.date?.key).toBe('validation.dateRange');
    // A plaque names no person; a plaque turned into a letter takes a letter's number.
    const stray = callOk(core, 'awards.create', { kind: 'plaque', title: '基地', organizationId: ids.cas!, personName: '张三', date: '2026-07-01' });
    expect(stray.personName).toBeNull();
    const turned = callOk(core, 'awards.update', { id: stray.id, kind: 'appointment', number: stray.number, title: '顾问', organizationId: ids.cas!, personName: '张三', date: '2026-07-01' });
    expect(turned.number).toBe('2026-聘-002');
    callOk(core, 'awards.delete', { id: stray.id });
    expect(fields({ kind: 'plaque', organizationId: ids.cas!, number: '2026-授牌-001' })?.number?.key).toBe('errors.duplicateAwardNumber');
    expect(fields({ kind: 'plaque', organizationId: ids.cas!, date: '2026-02-30' })?.date?.key).toBe('validation.date');
    expect(callOk(core, 'awards.list', { kind: 'plaque' }).map((a) => a.title)).toEqual(['产业学院', '产教融合实训基地']);
    // A unit holding a certificate stays; a deleted award comes back from the history.
    expect(callError(core, 'members.delete', { id: ids.mould! }).details?.key).toBe('errors.memberHasAwards');
    callOk(core, 'awards.delete', { id: first.id });
    const deleted = callOk(core, 'changes.recent', { entity: 'award' }).rows.find((r) => r.action === 'delete')!;
    callOk(core, 'changes.restore', { id: deleted.id });
    expect(callOk(core, 'awards.list', { kind: 'plaque' })).toHaveLength(2);
  });

  it('prints a certificate a page each, with the layout the clerk saved, and the registers as files', async () => {
    callOk(core, 'awards.create', { kind: 'appointment', title: '专家委员会委员', personName: '李冰', organizationId: ids.cas!, date: '2026-05-01' });
    callOk(core, 'awards.create', { kind: 'appointment', title: '产业教授', personName: '薛耀', organizationId: ids.mould!, date: '2026-06-01' });
    // 套打: only the fields, the body moved 12 mm down for the pre-printed paper.
    const layout = { ...DEFAULT_LAYOUTS.appointment, printFrame: false, places: { ...DEFAULT_LAYOUTS.appointment.places, body: { ...DEFAULT_LAYOUTS.appointment.places.body, y: 117 } } };
    expect(callOk(core, 'awards.setLayout', { kind: 'appointment', layout })).toEqual(layout);
    expect(callOk(core, 'awards.layout', { kind: 'appointment' }).places.body.y).toBe(117);
    expect(callError(core, 'awards.setLayout', { kind: 'appointment', layout: { ...layout, places: { ...layout.places, date: { x: 400, y: 10, size: 12 } } } }).code).toBe('VALIDATION');
    const refusedLayout = (changed: object) => Object.values(callError(core, 'awards.setLayout', { kind: 'appointment', layout: { ...layout, ...changed } }).details?.fields ?? {})[0]?.key;
    expect(refusedLayout({ places: { ...layout.places, body: { x: 100, y: 100, width: 150, size: 18 } } })).toBe('validation.bodyOffPage');
    expect(refusedLayout({ heading: '聘\u0000书\u001b[31m' })).toBe('validation.controlCharacters');
    expect(refusedLayout({ body: '{recipient}\u0007' })).toBe('validation.controlCharacters');

    const pdf = Buffer.from((await callAsync(core, 'exports.certificates', { kind: 'appointment' })).bytes, 'base64');
    expect(pdfPageCount(pdf)).toBe(2);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('兹聘请李冰（中国科学院长春分院）为长春市汽车产业集群产教联合体专家委员会委员。');
    expect(text).toContain(certificateDate('2026-06-01'));
    expect(certificateDate('2026-06-01')).toBe('二〇二六年六月一日');
    expect(certificateDate('2023-08-19')).toBe('二〇二三年八月十九日');
    // No frame and no heading on pre-printed paper.
    expect(text).not.toContain('聘书');
    // A text too long for the sheet is cut at its edge: still one page a certificate.
    callOk(core, 'awards.setLayout', { kind: 'appointment', layout: { ...layout, body: '{recipient}'.repeat(27), places: { ...layout.places, body: { x: 10, y: 100, width: 190, size: 96 } } } });
    expect(pdfPageCount(Buffer.from((await callAsync(core, 'exports.certificates', { kind: 'appointment' })).bytes, 'base64'))).toBe(2);

    const out = path.join(tempDir(), 'appointments.xlsx');
    const dir = tempDir();
    expect(await runCli(['--data-dir', dir, 'sample', 'load'], { out: () => undefined, err: () => undefined })).toBe(0);
    const lines: string[] = [];
    expect(await runCli(['--data-dir', dir, 'appointments', 'list', '--json'], { out: (l) => lines.push(l), err: () => undefined })).toBe(0);
    expect((JSON.parse(lines.join('\n')) as { personName: string }[]).map((a) => a.personName).sort()).toEqual(['李冰', '薛耀']);
    expect(await runCli(['--data-dir', dir, 'export', 'appointments', '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    // The register as a paper: landscape, its dates written as the text writes them and, with room, whole.
    const register = path.join(tempDir(), 'plaques.docx');
    expect(await runCli(['--data-dir', dir, 'export', 'plaques', '--format', 'docx', '--out', register], { out: () => undefined, err: () => undefined })).toBe(0);
    const registerXml = await docxXml(fs.readFileSync(register));
    expect(registerXml).toContain('w:orient="landscape"');
    expect(docxParagraphs(registerXml).filter((p) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p)).length).toBeGreaterThan(0);
    expect(registerXml).not.toMatch(/>\d{4}-\d{2}-\d{2}</);
    expect(registerXml).not.toMatch(/\d{4}年<\/w:t><\/w:r><w:r><w:rPr>.*?<\/w:rPr><w:br\/>/);
    const certificates = path.join(tempDir(), 'plaques.pdf');
    expect(await runCli(['--data-dir', dir, 'export', 'certificates', '--kind', 'plaque', '--out', certificates], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(pdfText(fs.readFileSync(certificates)).replace(/\s+/g, '')).toContain('授予贵单位“模具产教融合实训基地”称号');
    expect(await runCli(['--data-dir', dir, 'export', 'certificates', '--out', certificates], { out: () => undefined, err: () => undefined })).toBe(2);
  }, 30_000);
});
