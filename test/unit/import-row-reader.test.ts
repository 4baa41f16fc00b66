// The commit that reads its rows as it writes them (no preview before it): on the row reader's
// worker thread — its source through tsx, or the script the desktop build bundles — on this thread,
// or on this thread after a worker that fails or never answers, the register comes out the same as
// after a preview and its commit (whose derived columns the worker may work out too); a row with
// errors found late rolls everything back; a cancel in the middle leaves nothing.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type AppCore } from '../../core/host/core.js';
import { rowReaderCounts, stopRowReaders, type ImportWorkerOptions } from '../../core/io/imports/row-reader.js';
import { answer } from '../../core/io/imports/row-work.js';
import { openDatabase } from '../../db/open.js';
import { callAsync, callAsyncError, callOk } from '../support/core.js';
import { largeWorkbook, validUscc } from '../support/import-fixtures.js';
import { tempDir } from '../support/migrations.js';

afterAll(() => stopRowReaders());

const NOW = () => new Date('2026-11-28T10:00:00Z');
const ALWAYS: ImportWorkerOptions = { minRows: 0, patient: true };
const NEVER: ImportWorkerOptions = { minRows: Number.POSITIVE_INFINITY };

async function coreWith(importWorker: ImportWorkerOptions): Promise<AppCore> {
  const core = createCore(await openDatabase(':memory:'), { now: NOW, attachmentsDir: path.join(tempDir('alliance-files-'), 'attachments'), importWorker });
  // Members the file meets in its third chunk: one by credit code, one by alias.
  callOk(core, 'members.create', { name: '长春旭阳工业集团', category: 'enterprise', uscc: validUscc(7001), contacts: [] });
  callOk(core, 'members.create', { name: '中国科学院长春光学精密机械与物理研究所', aliases: ['长春光机所'], category: 'research', contacts: [] });
  return core;
}

/**
 * 700 member rows in sections (three chunks of the reader's 250 and more), with what crosses a chunk:
 * a row repeating one 500 rows above, a short name that is the name of a unit made from an earlier
 * chunk (a new unit, not a match), members of the register met late, several people in one cell,
 * legal forms, a sum row and a sign-off line; and, when asked, a row with a wrong check character last.
 */
function rosterCsv(options: { badRowLast?: boolean } = {}): Buffer {
  const lines = ['序号,单位名称,简称,统一社会信用代码,单位性质,联系人,联系电话'];
  const sections = [
    ['一、企业', '汽车零部件有限公司'],
    ['二、高职院校', '职业技术学院'],
    ['三、其他单位', '服务中心'],
  ] as const;
  let n = 0;
  for (const [heading, kind] of sections) {
    lines.push(`${heading},,,,,,`);
    for (let i = 0; i < 240; i++) {
      n += 1;
      let row = [String(n), `长春第${n}${kind}`, '', n % 3 === 0 ? validUscc(n) : '', n % 50 === 0 ? '民营企业' : '', `联系人${n}`, `139${String(n).padStart(8, '0')}`];
      if (n === 5) row = [String(n), '长春汽车研究所', '', '', '', '王五', '13900000005'];
      if (n === 320) row = [String(n), '长春汽车研究院', '长春汽车研究所', '', '', '赵六', '13900000320'];
      if (n === 520) row = [String(n), '长春第7汽车零部件有限公司', '', '', '', '', ''];
      if (n === 560) row = [String(n), '长春光机所', '', '', '', '孙七', '13900000560'];
      if (n === 580) row = [String(n), '旭阳集团', '', validUscc(7001), '', '周八', '13900000580'];
      if (n === 590) row = [String(n), '长春第590服务中心', '', '', '', '李雷、韩梅梅', '13900000001；13900000002'];
      lines.push(row.join(','));
    }
  }
  if (options.badRowLast) lines.push(`${n + 1},长春最后一家有限公司,,${validUscc(9999).slice(0, 17)}X,,,`);
  lines.push(`合计：${n}家,,,,,,`);
  lines.push('填表人：王五,,,日期：2026年11月28日,,,');
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** The register without ids and times: every member with its derived columns, contacts, log and batch counts. */
function register(core: AppCore) {
  const db = core.database.sqlite;
  return {
    members: db.prepare('SELECT name, short_name, aliases, category, uscc, role, status, pinyin_key, stroke_key, search_text FROM organizations ORDER BY name').all(),
    contacts: db.prepare('SELECT o.name AS member, c.name, c.phone, c.mobile, c.is_primary, c.sort_order FROM contacts c JOIN organizations o ON o.id = c.organization_id ORDER BY o.name, c.sort_order').all(),
    log: db.prepare('SELECT entity, action, count(*) AS n FROM change_log GROUP BY entity, action ORDER BY entity, action').all(),
    logged: db
      .prepare("SELECT after FROM change_log WHERE entity = 'organization' AND action = 'create' ORDER BY id")
      .pluck()
      .all()
      .map((after) => {
        const { id: _id, contacts, ...member } = JSON.parse(after as string) as Record<string, unknown> & { contacts: Record<string, unknown>[] };
        return { ...member, contacts: contacts.map(({ id: _c, organizationId: _o, ...contact }) => contact) };
      }),
    batches: callOk(core, 'imports.batches', {}).map(({ id: _id, ...batch }) => batch),
    seats: db.prepare('SELECT count(*) FROM term_seats').pluck().get(),
    statuses: db.prepare('SELECT count(*) FROM member_status_events').pluck().get(),
  };
}

async function importWith(importWorker: ImportWorkerOptions, bytes: Buffer, preview = false) {
  const core = await coreWith(importWorker);
  try {
    const { uploadId } = await callAsync(core, 'imports.stage', { fileName: '名单.csv', bytes: bytes.toString('base64') });
    if (preview) callOk(core, 'imports.preview', { uploadId });
    const { batchId, ...result } = await callAsync(core, 'imports.commit', { uploadId, skipInvalid: true });
    expect(batchId).toEqual(expect.any(String));
    return { result, register: register(core) };
  } finally {
    core.close();
  }
}

/** The worker script the desktop build makes (scripts/build-electron.mjs): one file, needing nothing but Node's own modules. */
function bundledWorker(): string {
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'pipe' });
  const file = path.resolve('dist-electron/row-worker.js');
  const required = [...fs.readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  expect(required.filter((name) => !name!.startsWith('node:'))).toEqual([]);
  return file;
}

function scriptFile(source: string): string {
  const file = path.join(tempDir('alliance-row-worker-'), 'worker.cjs');
  fs.writeFileSync(file, source);
  return file;
}

describe('reading rows while writing them', () => {
  it('makes the same register on the worker, on this thread, after a failed or silent worker, and after a preview', { timeout: 120_000 }, async () => {
    const bytes = rosterCsv();
    const afterPreview = await importWith(NEVER, bytes, true);
    expect(afterPreview.result).toMatchObject({ created: 717, updated: 2, skipped: 1, rejected: 0, notMembers: 2 });
    // The short name that names a unit made from an earlier chunk is a new unit, as the preview planned it.
    expect(afterPreview.register.members).toContainEqual(expect.objectContaining({ name: '长春汽车研究院', short_name: '长春汽车研究所' }));
    expect(afterPreview.register.contacts.filter((c) => (c as { member: string }).member === '长春第590服务中心')).toHaveLength(2);

    // Which thread read the rows: all of them the worker (waited for), all of them this one, or either.
    const variants: [string, ImportWorkerOptions, 'worker' | 'here' | 'either', boolean?][] = [
      ['racing the warm worker, whichever thread gets each chunk', { minRows: 0 }, 'either'],
      ['on this thread', NEVER, 'here'],
      ['after a preview, the derived columns on the worker', ALWAYS, 'worker', true],
      ['on the source worker', ALWAYS, 'worker'],
      ['on the bundled worker', { file: bundledWorker(), minRows: 0, patient: true }, 'worker'],
      ['after a worker that fails to start', { file: scriptFile("throw new Error('broken');"), minRows: 0, patient: true }, 'here'],
      ['beside a worker that never answers', { file: scriptFile('setInterval(() => {}, 1000);'), minRows: 0 }, 'here'],
    ];
    for (const [label, options, reader, preview] of variants) {
      const counts = { ...rowReaderCounts };
      const read = await importWith(options, bytes, preview);
      expect(read.result, label).toEqual(afterPreview.result);
      expect(read.register, label).toEqual(afterPreview.register);
      const took = { worker: rowReaderCounts.worker - counts.worker, here: rowReaderCounts.here - counts.here };
      if (reader === 'either') expect(took.worker + took.here, label).toBe(3);
      else expect(took, label).toEqual(reader === 'worker' ? { worker: 3, here: 0 } : { worker: 0, here: 3 });
    }
  });

  it('serves two data folders importing at once from its one worker, each answered in full', { timeout: 60_000 }, async () => {
    const bytes = rosterCsv();
    const expected = await importWith(NEVER, bytes, true);
    const counts = { ...rowReaderCounts };
    const both = await Promise.all([importWith(ALWAYS, bytes), importWith(ALWAYS, bytes)]);
    for (const one of both) expect(one).toEqual(expected);
    // Neither import's end let go of the other's requests: every chunk of both came from the worker.
    expect({ worker: rowReaderCounts.worker - counts.worker, here: rowReaderCounts.here - counts.here }).toEqual({ worker: 6, here: 0 });
  });

  it('rolls everything back when the last row has errors, naming how many', { timeout: 60_000 }, async () => {
    const core = await coreWith(ALWAYS);
    try {
      const { uploadId } = await callAsync(core, 'imports.stage', { fileName: '名单.csv', bytes: rosterCsv({ badRowLast: true }).toString('base64') });
      const before = register(core);
      const error = await callAsyncError(core, 'imports.commit', { uploadId });
      expect([error.code, error.details?.key, error.details?.params?.count]).toEqual(['IMPORT_INVALID', 'import.invalidRows', 1]);
      expect(register(core)).toEqual(before);
      const preview = callOk(core, 'imports.preview', { uploadId });
      expect(preview.counts).toEqual({ new: 717, update: 2, duplicate: 1, error: 1, skipped: 2 });
      expect(preview.rows.find((r) => r.status === 'error')?.issues[0]?.field).toBe('uscc');
      const result = await callAsync(core, 'imports.commit', { uploadId, skipInvalid: true });
      expect(result).toMatchObject({ created: 717, rejected: 1 });
    } finally {
      core.close();
    }
  });

  it('reports progress by rows read and leaves nothing when cancelled in the middle', { timeout: 60_000 }, async () => {
    const core = await coreWith({ minRows: 0 });
    try {
      const { uploadId } = await callAsync(core, 'imports.stage', { fileName: '万行.xlsx', bytes: (await largeWorkbook(10_000)).toString('base64') });
      const before = register(core);
      const jobId = randomUUID();
      const running = core.dispatcher.dispatch('imports.commit', { uploadId }, { jobId });
      await new Promise((resolve) => setImmediate(resolve));
      const progress = callOk(core, 'jobs.progress', { jobId });
      expect(progress).toMatchObject({ total: 10_000 });
      expect(progress!.done).toBeGreaterThan(0);
      expect(progress!.done).toBeLessThan(10_000);
      expect(callOk(core, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
      const cancelled = await running;
      expect(cancelled.ok ? null : cancelled.error.code).toBe('CANCELLED');
      expect(register(core)).toEqual(before);
      const result = await callAsync(core, 'imports.commit', { uploadId });
      expect(result.created).toBe(10_000);
    } finally {
      core.close();
    }
  });

  it('skips a chunk the main thread has read itself, and answers a request it cannot read with an error, not a crash', () => {
    const wanted = new SharedArrayBuffer(4);
    const request = { kind: 'read' as const, id: 7, chunk: 0, wanted, rows: [{ index: 1, cells: ['长春市教育局'], context: { sectionCategory: 'government' as const } }], mapping: ['name' as const] };
    expect(answer(request)).toMatchObject({ id: 7, results: [{ read: { input: { name: '长春市教育局', category: 'government' } }, derived: { pinyinKey: expect.any(String) } }] });
    new Int32Array(wanted)[0] = 1;
    expect(answer(request)).toEqual({ id: 7, results: null });
    expect(answer({ id: 8 } as never)).toEqual({ id: 8, error: expect.any(String) });
  });
});
