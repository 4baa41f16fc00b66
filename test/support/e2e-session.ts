// One browser shell and one Chromium per e2e file, and for every test a fresh data folder and a fresh
// browser window on it, so no test depends on what another did or on the order they run in. A test
// sets up what it needs through the same API the page uses (over HTTP, with the scripts' API token).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../../core/cli/run-cli.js';
import type { ApiInput, ApiMethod, ApiResult } from '../../core/contract/registry.js';
import { launchChromium, openAppPage } from './browser.js';
import { tempDir } from './migrations.js';
import { startShell, type RunningShell } from './server.js';

const quiet = { out: () => undefined, err: () => undefined };

export class E2eSession {
  page!: Page;
  /** The data folder the shell has open now. */
  dataDir: string;

  private constructor(
    private shell: RunningShell,
    readonly browser: Browser,
  ) {
    this.dataDir = shell.dataDir;
  }

  static async start(): Promise<E2eSession> {
    return new E2eSession(await startShell(), await launchChromium());
  }

  /**
   * A new data folder (with the sample alliance when asked, loaded before the shell opens it, so its
   * start-up backup holds it), opened by the running shell, and a new window on it. The window starts
   * on the register, where most tests begin, as a clerk would after clicking 成员单位; `at: null`
   * leaves it where the app opens.
   */
  async fresh(options: { sample?: boolean; at?: string | null } = {}): Promise<Page> {
    const dir = path.join(tempDir('alliance-e2e-'), 'data');
    if (options.sample) {
      if ((await runCli(['--data-dir', dir, 'sample', 'load'], quiet)) !== 0) throw new Error('sample load failed');
      await this.call('files.open', { path: dir });
    } else {
      await this.call('files.create', { path: dir });
    }
    this.dataDir = dir;
    return this.newWindow(options.at === undefined ? 'members' : options.at);
  }

  /** A new window (its own storage, so the language choice of another test does not carry over). */
  async newWindow(at: string | null = null): Promise<Page> {
    await this.page?.context().close();
    // Each window signs in with a launch link of its own: a link works once.
    this.page = await openAppPage(this.browser, await this.shell.launchLink());
    if (at) await this.page.evaluate((hash) => void ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/${at}`);
    return this.page;
  }

  /** Stops the shell, does what is given to the folder meanwhile (damages its file, say), starts it again. */
  async restart(meanwhile: () => void = () => undefined): Promise<Page> {
    await this.page?.context().close();
    await this.shell.stop();
    meanwhile();
    this.shell = await startShell(this.dataDir);
    return this.newWindow('members');
  }

  /** A call through the shell's HTTP API, as a script with the API token makes it. */
  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
    const body = await this.shell.api(method, input);
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result as ApiResult<M>;
  }

  /** A member's id by its exact name. */
  async memberId(name: string): Promise<string> {
    const page = await this.call('members.list', { text: name, limit: 50 });
    const found = page.rows.find((r) => r.name === name);
    if (!found) throw new Error(`No member named ${name}`);
    return found.id;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.shell.stop();
  }

  fileExists(name: string): boolean {
    return fs.existsSync(path.join(this.dataDir, name));
  }
}
