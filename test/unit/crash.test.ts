// Power cuts mid-import: a child writing 10,000 rows is killed with SIGKILL at random moments,
// 30 times. After every kill the database passes integrity_check and holds all or none of each batch.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../db/integrity.js';
import { tempDir } from '../support/migrations.js';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';

export const KILLS = 30;
const BATCH = 10_000;

/** Runs the child until it prints `begin`, then kills it after `delayMs`; returns the last line it printed. */
function runAndKill(dir: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // node --import tsx: one process, so SIGKILL hits the writer itself (the tsx wrapper would pass it on too late).
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-child.ts', dir, String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      last = lines[lines.length - 1]!;
      if (!timer && lines.includes('begin')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve(signal === 'SIGKILL' ? last : 'exited');
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

function memberCount(file: string): number {
  // Counted on a copy with its WAL, as the next start would see it, without touching the original.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-count-'));
  try {
    fs.copyFileSync(file, path.join(dir, 'a.sqlite'));
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, path.join(dir, 'a.sqlite-wal'));
    const db = new Database(path.join(dir, 'a.sqlite'));
    try {
      return db.prepare('SELECT count(*) FROM organizations').pluck().get() as number;
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs during a ${BATCH}-row import with all or none of each batch`, async () => {
    const dir = tempDir('alliance-crash-');
    const file = path.join(dir, 'alliance.sqlite');
    const phases: Record<string, number> = {};
    // A fixed-seed spread of kill moments over the whole write (about one second here).
    let seed = 20230819;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < KILLS; i++) {
      const last = await runAndKill(dir, Math.floor(random() * 1400));
      const phase = last.startsWith('progress') ? 'mid-write' : last === 'begin' ? 'before first progress' : last;
      phases[phase] = (phases[phase] ?? 0) + 1;
      const check = checkFile(file);
      expect(check.ok, check.reason ?? '').toBe(true);
      expect(memberCount(file) % BATCH).toBe(0);
    }
    console.log(`crash test: ${KILLS} kills by phase ${JSON.stringify(phases)}; final members ${memberCount(file)}`);
    expect(phases['mid-write'] ?? 0).toBeGreaterThan(5);
  }, 300_000);
});
