// The UI in Chromium against the browser shell: how long from a keystroke in the member search box
// until the filtered rows are painted (the app's own performance marks), and how many frames take
// over 50 ms while the 100k-row table scrolls.
import { launchChromium, openAppPage } from '../../test/support/browser.js';
import { startShell } from '../../test/support/server.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { summarise, type Timing } from './stats.js';

// The page's globals, as the functions passed to page.evaluate see them (this file is typed for Node).
declare const document: { querySelector(selector: string): { scrollTop: number } | null };
declare function requestAnimationFrame(callback: () => void): number;

export async function browserMeasures(dataDir: string, runs: number): Promise<{ filterToPaint: Timing; frames: number; longFrames: number; longestFrame: number }> {
  // The browser shell serves the built renderer: build it, so a fresh clone (or changed UI code) is measured as it is.
  execFileSync('npm', ['run', 'build:renderer'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
  const started = Date.now();
  const shell = await startShell(dataDir);
  const browser = await launchChromium();
  try {
    const page = await openAppPage(browser, shell.url);
    // The app opens on 工作台; the register is one click away.
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await page.getByTestId('member-table').locator('[role=row]').nth(3).waitFor();
    const search = page.getByLabel(/搜索单位名称/);
    // Measure the steady state: wait until the shell's background check and start-up backup are done.
    await waitForStartupBackup(dataDir, started);

    const samples: number[] = [];
    const characters = ['模', '华', '座', '技', '富', '鑫', '线', '物', '九', '榆'];
    for (let i = 0; i < runs + 1; i++) {
      const ch = characters[i % characters.length]!;
      await search.fill('');
      await page.waitForFunction(() => performance.getEntriesByName('members-filter-painted').some((m) => (m as unknown as { detail: unknown }).detail === ''));
      await page.evaluate(() => performance.clearMarks());
      await search.focus();
      await page.keyboard.type(ch);
      const elapsed = await page.waitForFunction(
        (text) => {
          const typed = performance.getEntriesByName('members-filter-typed').filter((m) => (m as unknown as { detail: unknown }).detail === text).at(-1);
          const painted = performance.getEntriesByName('members-filter-painted').find((m) => (m as unknown as { detail: unknown }).detail === text);
          return typed && painted ? painted.startTime - typed.startTime : null;
        },
        ch,
        { timeout: 10_000 },
      );
      if (i > 0) samples.push((await elapsed.jsonValue()) as number); // the first is a warm-up
    }
    await search.fill('');
    await page.waitForTimeout(500);

    // Scroll the virtualized table one step per frame, 300 frames, and record each frame's length.
    const frames = await page.evaluate(async () => {
      const table = document.querySelector('[data-testid=member-table]')!;
      const lengths: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 300; i++) {
        table.scrollTop += 240;
        await new Promise<void>((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        lengths.push(now - last);
        last = now;
      }
      return lengths;
    });
    return { filterToPaint: summarise(samples), frames: frames.length, longFrames: frames.filter((f) => f > 50).length, longestFrame: Math.max(...frames) };
  } finally {
    await browser.close();
    await shell.stop();
  }
}

async function waitForStartupBackup(dataDir: string, since: number): Promise<void> {
  const dir = path.join(dataDir, 'backups');
  for (let waited = 0; waited < 120_000; waited += 250) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const fresh = names.some((n) => n.includes('startup') && !n.endsWith('.part') && fs.statSync(path.join(dir, n)).mtimeMs >= since);
    if (fresh && !names.some((n) => n.endsWith('.part'))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The start-up backup did not finish within two minutes.');
}
