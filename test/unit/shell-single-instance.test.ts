// The browser shell refuses a data folder another process holds, and says why.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShell, type RunningShell } from '../support/server.js';

let shell: RunningShell;
beforeAll(async () => {
  shell = await startShell();
}, 60_000);
afterAll(async () => {
  await shell?.stop();
});

describe('browser shell, second instance', () => {
  it('exits with the reason when the data folder is already open', () => {
    const second = spawnSync(path.resolve('node_modules/.bin/tsx'), ['server/cli.ts', '--data-dir', shell.dataDir, '--port', '0', '--no-open'], { encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/DATA_DIR_IN_USE: This data folder is already open in another window or program \(process \d+/);
  }, 60_000);
});
