// Starts the real browser shell (`npm run serve`'s command) on a temp data folder, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { tempDir } from './migrations.js';

export interface RunningShell {
  /** The launch link the shell printed: it signs one browser in, once. */
  url: string;
  origin: string;
  dataDir: string;
  /** The scripts' Bearer token, given to the shell in its environment. */
  apiToken: string;
  /** A fresh launch link, for another browser window. */
  launchLink(): Promise<string>;
  /** A call to the API as a script makes it (Bearer); answers the parsed body. */
  api(method: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

export async function startShell(dataDir = tempDir('alliance-e2e-')): Promise<RunningShell> {
  // Spawned directly and detached, so the whole process group can be killed (an npx wrapper would survive).
  const apiToken = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'server', 'cli.ts'), '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: root,
    env: { ...process.env, ALLIANCE_API_TOKEN: apiToken },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The browser shell did not start in time.\n${stderr}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser shell exited with ${code}.\n${stderr}`));
    });
  });
  const origin = new URL(url).origin;
  const bearer = { Authorization: `Bearer ${apiToken}` };
  return {
    url,
    origin,
    dataDir,
    apiToken,
    launchLink: async () => ((await (await fetch(`${origin}/launch-link`, { headers: bearer })).json()) as { result: { url: string } }).result.url,
    api: async (method, input) =>
      (await (await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { ...bearer, 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json()) as {
        ok: boolean;
        result?: unknown;
        error?: { code: string };
      },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}
