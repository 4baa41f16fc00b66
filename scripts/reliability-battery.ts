// The attack-and-accident battery behind `npm run reliability`: what it tries, and what held. Runs
// the project's own tests for the parts they already cover (through vitest, reading its JSON report)
// and the kill battery 30 times over for each kind of write.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killBattery, type KillWork } from '../test/support/kill-battery.js';

export interface BatteryRow {
  what: string;
  tried: string;
  held: string;
}

interface VitestReport {
  testResults: { name: string; assertionResults: { title: string; fullName: string; status: string }[] }[];
}

const root = path.resolve(import.meta.dirname, '..');

/** Runs test files through vitest and answers each test's full name and whether it passed. */
function runTests(files: string[]): { name: string; passed: boolean }[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-reliability-')), 'report.json');
  try {
    execFileSync(path.join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'unit', ...files, '--reporter=json', `--outputFile=${out}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // Failures are in the report; they show as not held.
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as VitestReport;
  return report.testResults.flatMap((file) => file.assertionResults.map((t) => ({ name: t.fullName, passed: t.status === 'passed' })));
}

function row(what: string, tests: { name: string; passed: boolean }[], tried: (n: number) => string): BatteryRow {
  const held = tests.filter((t) => t.passed).length;
  return { what, tried: tried(tests.length), held: `${held} of ${tests.length}${held === tests.length ? '' : ' — FAILED'}` };
}

export async function runBattery(kills = 30): Promise<BatteryRow[]> {
  const rows: BatteryRow[] = [];
  const fuzz = runTests(['test/unit/api-properties.test.ts']);
  const fuzzSource = fs.readFileSync(path.join(root, 'test/unit/api-properties.test.ts'), 'utf8');
  const perMethod = Number(/RUNS_PER_METHOD = (\d+)/.exec(fuzzSource)?.[1] ?? 0);
  rows.push(row('malformed API calls over HTTP (the browser shell), 4xx in the error shape, nothing written', fuzz, (n) => `${n} methods × ${perMethod} = ${(n * perMethod).toLocaleString('en')} bodies`));

  // One test that makes all its kills and fails at the first that did not hold.
  const crash = runTests(['test/unit/crash.test.ts']);
  const crashKills = Number(/KILLS = (\d+)/.exec(fs.readFileSync(path.join(root, 'test/unit/crash.test.ts'), 'utf8'))?.[1] ?? 0);
  const crashHeld = crash.length > 0 && crash.every((t) => t.passed);
  rows.push({ what: 'SIGKILL of a live child during a 10,000-row import: all or none of each import', tried: `${crashKills} kills`, held: crashHeld ? `${crashKills} of ${crashKills}` : 'FAILED' });
  for (const work of ['backup', 'backup-out', 'restore'] as KillWork[]) {
    const report = await killBattery(work, kills);
    const what = { backup: 'SIGKILL during kept backups', 'backup-out': 'SIGKILL during `backup --out FILE`', restore: 'SIGKILL during restores' }[work];
    rows.push({
      what: `${what}: data file whole, backups sound, no leftovers after the next open`,
      tried: `${report.kills} kills (${report.phases['mid-work'] ?? 0} mid-write)`,
      held: `${report.held} of ${report.kills}${report.failures.length ? ` — FAILED: ${report.failures.join(' | ')}` : ''}`,
    });
  }

  const damage = runTests(['test/unit/damage-recovery.test.ts']);
  rows.push(row('damaged data files (empty, zero-filled, not SQLite, bad header, truncated, corrupt, foreign, locked): recovery mode, file kept, backup restored', damage, (n) => `${n} cases`));
  const candidates = runTests(['test/unit/data-safety.test.ts']).filter((t) => t.name.includes('verifies the candidate'));
  rows.push(row('restore candidates that are not ours (foreign, another app id, changed migrations, not SQLite, newer) and a swap failing halfway: 0 bytes changed', candidates, (n) => `${n} cases`));
  const disks = runTests(['test/unit/read-only-and-full.test.ts']);
  rows.push(row('read-only folder, read-only file, full disk, a file another program holds (real tmpfs mounts)', disks, (n) => `${n} cases`));
  return rows;
}

export function batteryTable(rows: BatteryRow[]): string {
  return ['| what was tried | how much | held |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.what} | ${r.tried} | ${r.held} |`)].join('\n');
}
