// Opens the system browser where there is one; silently does nothing on a headless machine. The
// launch link is never put on a command line (other local users can read those in the process
// list): the browser is pointed at a small page in a folder only this user can read, which goes on
// to the link, and the page is deleted soon after.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The redirect page for a link: a private folder (0700) holding one file (0600). */
export function writeRedirectPage(url: string, root = os.tmpdir()): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(root, 'alliance-open-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, 'open.html');
  const safe = url.replace(/[<>"'&]/g, '');
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${safe}"><title>产教联合体秘书处工作台</title><script>location.replace(${JSON.stringify(safe)})</script>`, { mode: 0o600 });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

type Launch = (command: string, args: string[], options: { detached: boolean; stdio: 'ignore' }) => { on(event: 'error', f: () => void): unknown; unref(): void };

export function openBrowser(url: string, launch: Launch = spawn, platform = process.platform, env = process.env): boolean {
  if (!canOpenBrowser(env, platform)) return false;
  const page = writeRedirectPage(url);
  // Long enough for a slow browser to start and read it; then it goes, as it does when we exit.
  setTimeout(page.remove, 60_000).unref();
  process.once('exit', page.remove);
  const [command, args] =
    platform === 'win32' ? ['cmd', ['/c', 'start', '""', page.file]] : platform === 'darwin' ? ['open', [page.file]] : ['xdg-open', [page.file]];
  try {
    const child = launch(command as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
