// Bench rows of the exchange (issue #16): a 10k-record exchange file out and in, and the review of a
// file with 1k conflicts between two 100k-member registers. Two copies of one generated folder play
// the two clerks' copies (each becomes a replica of its own where it is opened); what each has seen of
// the other is set as a merge would have left it, so the file holds exactly the changed records.
import fs from 'node:fs';
import path from 'node:path';
import { captureOf, readSeen } from '../../db/exchange-capture.js';
import { DataFolder } from '../../core/folder/data-folder.js';
import type { ApiInput, ApiMethod, ApiResult } from '../../core/contract/registry.js';
import type { Timing } from './stats.js';
import { time } from './stats.js';

type Record = (row: { measure: string; size: string; timing?: Timing; value?: string; target: string; met?: boolean }) => void;

async function call<M extends ApiMethod>(folder: DataFolder, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await folder.dispatcher.dispatch(method, input);
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as ApiResult<M>;
}

function copyFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, 'alliance.sqlite'), path.join(to, 'alliance.sqlite'));
}

const open = (dir: string) => DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });

/** Tells `at` what `partner` has seen, as merging a file of the partner's would. */
function knowPartner(at: DataFolder, partner: DataFolder): void {
  const seen = { ...readSeen(partner.host.services.ctx.sqlite), [captureOf(partner.host.services.ctx.sqlite).replica]: captureOf(partner.host.services.ctx.sqlite).clock.next() };
  at.host.services.ctx.sqlite.prepare('INSERT OR REPLACE INTO sync_partners (replica, label, seen) VALUES (?, ?, ?)').run(captureOf(partner.host.services.ctx.sqlite).replica, 'bench', JSON.stringify(seen));
}

/** Changes the notes of the first `n` members on one copy (captured as that copy's changes). */
function editNotes(folder: DataFolder, n: number, text: string): void {
  folder.host.services.ctx.sqlite.prepare(`UPDATE organizations SET notes = ? || rowid WHERE id IN (SELECT id FROM organizations ORDER BY id LIMIT ?)`).run(text, n);
}

export async function exchangeSection(dirs: Map<number, string>, root: string, runs: number, record: Record): Promise<void> {
  const work = path.join(root, 'exchange');
  // Brought up to this version once, in place: both copies then share its rows' clocks, as two
  // clerks' copies of one register do.
  for (const n of [10_000, 100_000]) (await open(dirs.get(n)!)).close();
  // 10k changed records: B has the same register; A changed 10k members.
  const [aDir, bDir] = [path.join(work, 'a10k'), path.join(work, 'b10k')];
  copyFolder(dirs.get(10_000)!, aDir);
  const a = await open(aDir);
  let file = '';
  try {
    copyFolder(dirs.get(10_000)!, bDir);
    const b = await open(bDir);
    knowPartner(a, b);
    const partner = captureOf(b.host.services.ctx.sqlite).replica;
    b.close();
    editNotes(a, 10_000, 'A 秘书修改 ');
    const exported = await time(runs, async () => {
      const out = await call(a, 'exchange.export', { partner });
      file = out.bytes;
      if (out.rows < 10_000) throw new Error(`exported ${out.rows}`);
    });
    record({ measure: 'exchange export: 10k changed records', size: '10k', timing: exported, target: '< 3 s', met: exported.median < 3000 });
    record({ measure: '  its file', size: '10k', value: `${(Buffer.from(file, 'base64').length / 1048576).toFixed(1)} MB`, target: '' });
  } finally {
    a.close();
  }
  let b: DataFolder | null = null;
  const merged = await time(
    runs,
    async () => {
      const staged = await call(b!, 'exchange.stage', { fileName: 'a.alliance-exchange', bytes: file });
      const applied = await call(b!, 'exchange.apply', { uploadId: staged.uploadId });
      if (applied.counts.changed < 10_000) throw new Error(`merged ${applied.counts.changed}`);
    },
    {
      before: async () => {
        b?.close();
        copyFolder(dirs.get(10_000)!, bDir);
        b = await open(bDir);
      },
    },
  );
  (b as DataFolder | null)?.close();
  record({ measure: 'exchange import: review + merge of 10k changed records', size: '10k', timing: merged, target: '< 3 s', met: merged.median < 3000 });

  // Two 100k registers with 1k conflicts: both changed the same 1k members; the review of A's file at B.
  const [bigA, bigB] = [path.join(work, 'a100k'), path.join(work, 'b100k')];
  copyFolder(dirs.get(100_000)!, bigA);
  copyFolder(dirs.get(100_000)!, bigB);
  const A = await open(bigA);
  const B = await open(bigB);
  try {
    knowPartner(A, B);
    editNotes(A, 1_000, '甲 ');
    editNotes(B, 1_000, '乙 ');
    const bytes = (await call(A, 'exchange.export', { partner: captureOf(B.host.services.ctx.sqlite).replica })).bytes;
    const review = await time(runs, async () => {
      const staged = await call(B, 'exchange.stage', { fileName: 'a.alliance-exchange', bytes });
      if (staged.counts.conflict !== 1_000) throw new Error(`${staged.counts.conflict} conflicts`);
    });
    record({ measure: 'exchange review: 1k conflicts between two 100k registers', size: '100k', timing: review, target: '< 5 s', met: review.median < 5000 });
  } finally {
    A.close();
    B.close();
  }
  fs.rmSync(work, { recursive: true, force: true });
}
