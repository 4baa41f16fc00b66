// Power cuts during the work that writes files: a child doing kept backups, `backup --out` or
// restores (test/support/kill-child.ts) is killed with SIGKILL at random moments, and after each
// kill the folder is checked as the next start would find it. Used by a short test in `npm test`
// and by `npm run reliability` with 30 kills each.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DataFolder } from '../../core/folder/data-folder.js';
import { loadMigrations } from '../../db/migrate.js';
import { defaultMigrationsFolder } from '../../db/open.js';
import { verifyBackup } from '../../db/verify-backup.js';
import { generateMembers } from '../../core/sample/generate.js';
import { tempDir } from './migrations.js';

export type KillWork = 'backup' | 'backup-out' | 'restore';

export interface KillReport {
  work: KillWork;
  /** Kills that hit a live child. */
  kills: number;
  /** Kills after which every check held. */
  held: number;
  /** Where each kill hit: in the middle of a round (`mid-work`) or between rounds. */
  phases: Record<string, number>;
  failures: string[];
}

const root = path.resolve(import.meta.dirname, '..', '..');
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Runs a child script until it prints `begin` (its write starts), then kills it after `delayMs`:
 * whether it was still running then, and the last line it printed (how far it had come).
 */
export function runAndKill(script: string, args: string[], delayMs: number): Promise<{ alive: boolean; last: string }> {
  return new Promise((resolve, reject) => {
    // node --import tsx: one process, so SIGKILL hits the writer itself (the tsx wrapper would pass it on too late).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = '';
    let stderr = '';
    let alive: boolean | null = null;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      last = lines[lines.length - 1]!;
      if (!timer && lines.includes('begin')) {
        timer = setTimeout(() => {
          alive = running(child);
          child.kill('SIGKILL');
        }, delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' && alive !== null) resolve({ alive, last });
      else reject(new Error(`the child ended by itself (${code ?? signal}) before it was killed: ${stderr.slice(-2000)}`));
    });
  });
}

/** A folder with enough members that a backup or a restore takes a noticeable moment, and two backups of different sizes. */
async function preparedFolder(): Promise<{ dir: string; counts: number[] }> {
  const dir = tempDir('alliance-kill-');
  const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
  try {
    generateMembers(folder.appCore!.ctx, 3000);
    await folder.backup('manual');
    generateMembers(folder.appCore!.ctx, 1000);
    await folder.backup('manual');
    return { dir, counts: [3000, 4000] };
  } finally {
    folder.close();
  }
}

/** What a next start finds: problems, or none. Opening the folder also removes the leftovers it should. */
async function problemsAfterKill(work: KillWork, dir: string, target: string, counts: number[]): Promise<string[]> {
  const problems: string[] = [];
  const migrations = loadMigrations(defaultMigrationsFolder());
  if (work === 'backup-out' && fs.existsSync(target)) {
    const verdict = verifyBackup(target, { migrations });
    if (!verdict.ok) problems.push(`the file under the chosen name is not a sound backup: ${verdict.reason}`);
  }
  const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
  try {
    if (folder.isDamaged) return [...problems, `the data file is damaged: ${folder.info().health.state === 'damaged' ? (folder.info().health as { reason: string }).reason : ''}`];
    const members = folder.appCore!.database.sqlite.prepare('SELECT count(*) FROM organizations').pluck().get() as number;
    if (!counts.includes(members)) problems.push(`${members} members, expected one of ${counts.join(' or ')}`);
    for (const backup of folder.listBackups()) {
      const verdict = verifyBackup(path.join(folder.backupsDir, backup.name), { migrations });
      if (!verdict.ok) problems.push(`kept backup ${backup.name} is not sound: ${verdict.reason}`);
    }
  } finally {
    folder.close();
  }
  const strays = [
    ...fs.readdirSync(dir).filter((n) => n.startsWith('.') || n.startsWith('alliance.replaced-')),
    ...fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.part')),
    ...(work === 'backup-out' ? fs.readdirSync(path.dirname(target)).filter((n) => n !== path.basename(target)) : []),
  ];
  if (strays.length > 0) problems.push(`left behind after the next open: ${strays.join(', ')}`);
  return problems;
}

/** Kills the work `kills` times while it runs (at moments spread over `windowMs` from its start) and checks each time. */
export async function killBattery(work: KillWork, kills: number, options: { windowMs?: number; seed?: number } = {}): Promise<KillReport> {
  const { dir, counts } = await preparedFolder();
  const target = path.join(tempDir('alliance-kill-out-'), '联合体数据备份.sqlite');
  let seed = options.seed ?? 20230819;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const report: KillReport = { work, kills: 0, held: 0, phases: {}, failures: [] };
  for (let attempt = 0; report.kills < kills && attempt < kills * 3; attempt++) {
    const { alive, last } = await runAndKill('test/support/kill-child.ts', [work, dir, target], Math.floor(random() * (options.windowMs ?? 1500)));
    if (!alive) continue;
    report.kills++;
    const phase = last.startsWith('start') ? 'mid-work' : 'between rounds';
    report.phases[phase] = (report.phases[phase] ?? 0) + 1;
    const problems = await problemsAfterKill(work, dir, target, counts);
    if (problems.length === 0) report.held++;
    else report.failures.push(`kill ${report.kills} (${last}): ${problems.join('; ')}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return report;
}
