// Two clerks, one register (issue #16): two browser shells on two data folders, each edited, exchange
// files passed both ways through the page, a conflict resolved from the keyboard, registers equal.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openAppPage } from '../support/browser.js';
import { tempDir } from '../support/migrations.js';
import { startShell, type RunningShell } from '../support/server.js';

let browser: Browser;
let shells: RunningShell[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  shells = await Promise.all([startShell(path.join(tempDir('alliance-e2e-a-'), 'data')), startShell(path.join(tempDir('alliance-e2e-b-'), 'data'))]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(shells.map((s) => s.stop()));
});

async function call<T>(shell: RunningShell, method: string, input: unknown): Promise<T> {
  const body = await shell.api(method, input);
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

async function openData(shell: RunningShell): Promise<Page> {
  const page = await openAppPage(browser, await shell.launchLink());
  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await page.getByTestId('exchange-panel').waitFor();
  return page;
}

/** 生成交换文件… on one page; the file the browser saved. */
async function makeFile(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /生成交换文件/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^交换文件-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.alliance-exchange$/);
  const file = path.join(tempDir('alliance-exchange-'), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** 合并交换文件… on the other page: the review opens. */
async function review(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid=exchange-panel] input[type=file]').setInputFiles(file);
  await page.getByRole('dialog').getByText(/合并前核对/).waitFor();
}

interface MemberRow {
  id: string;
  name: string;
}

async function register(shell: RunningShell): Promise<{ name: string; notes: string | null; contacts: string[] }[]> {
  const list = await call<{ rows: MemberRow[] }>(shell, 'members.list', { limit: 100 });
  const members = await Promise.all(list.rows.map((r) => call<{ name: string; notes: string | null; contacts: { name: string }[] }>(shell, 'members.get', { id: r.id })));
  return members.map((m) => ({ name: m.name, notes: m.notes, contacts: m.contacts.map((c) => c.name).sort() })).sort((a, b) => a.name.localeCompare(b.name));
}

describe('two clerks exchange files and end with one register', () => {
  it('passes records both ways, shows a conflict side by side, resolves it by keyboard, and the registers match', async () => {
    const [a, b] = shells as [RunningShell, RunningShell];
    const school = await call<{ member: { id: string } }>(a, 'members.create', { name: '长春职业技术学院', category: 'higher_vocational', contacts: [{ name: '王老师' }] });
    await call(b, 'members.create', { name: '一汽解放集团股份有限公司', category: 'enterprise' });
    const pageA = await openData(a);
    const pageB = await openData(b);

    // A → B: everything A has is new to B.
    await review(pageB, await makeFile(pageA));
    const dialogB = pageB.getByRole('dialog');
    await expect.poll(() => dialogB.locator('[data-kind=new]').count()).toBeGreaterThan(0);
    await expect.poll(() => dialogB.getByTestId('exchange-review-list').textContent()).toContain('长春职业技术学院');
    await dialogB.getByTestId('exchange-apply').click();
    await expect.poll(() => pageB.locator('.ant-message').textContent()).toContain('已合并');
    await expect.poll(async () => (await register(b)).map((m) => m.name)).toContain('长春职业技术学院');

    // Both change the same field of the same unit, offline.
    const id = school.member.id;
    const edit = async (shell: RunningShell, notes: string) => {
      const m = await call<Record<string, unknown> & { contacts: Record<string, unknown>[] }>(shell, 'members.get', { id });
      await call(shell, 'members.update', { id, name: m.name, category: m.category, notes, contacts: m.contacts.map((c) => ({ id: c.id, name: c.name })) });
    };
    await edit(a, '甲秘书：已续签');
    await edit(b, '乙秘书：待续签');
    await call(b, 'contacts.create', { organizationId: id, name: '李主任' });

    // A → B again: the conflict is shown with both values; the clerk takes A's from the keyboard.
    await review(pageB, await makeFile(pageA));
    const list = pageB.getByRole('dialog').getByTestId('exchange-review-list');
    await expect.poll(() => list.locator('[data-kind=conflict]').count()).toBe(1);
    const conflict = list.locator('[data-kind=conflict]');
    expect(await conflict.textContent()).toContain('甲秘书：已续签');
    expect(await conflict.textContent()).toContain('乙秘书：待续签');
    await list.focus();
    await pageB.keyboard.press('Home');
    await pageB.keyboard.press('ArrowRight');
    await expect.poll(() => conflict.locator('.ant-radio-button-wrapper-checked').textContent()).toContain('甲秘书：已续签');
    await pageB.keyboard.press('Control+Enter');
    await expect.poll(() => pageB.locator('.ant-message').textContent()).toContain('已合并');
    // The losing value is kept, and can be put back.
    await expect.poll(() => pageB.getByTestId('exchange-losers').textContent()).toContain('乙秘书：待续签');

    // B → A: B's contact and B's choice reach A with no conflict.
    await review(pageA, await makeFile(pageB));
    const dialogA = pageA.getByRole('dialog');
    await expect.poll(() => dialogA.getByTestId('exchange-review-list').count()).toBe(1);
    expect(await dialogA.locator('[data-kind=conflict]').count()).toBe(0);
    await dialogA.getByTestId('exchange-apply').click();
    await expect.poll(() => pageA.locator('.ant-message').textContent()).toContain('已合并');

    const registerA = await register(a);
    expect(registerA).toEqual(await register(b));
    expect(registerA.find((m) => m.name === '长春职业技术学院')).toEqual({ name: '长春职业技术学院', notes: '甲秘书：已续签', contacts: ['李主任', '王老师'] });
    // The partners are remembered on both sides.
    await expect.poll(() => pageA.locator('[data-testid=exchange-panel] .ant-table').first().textContent()).not.toContain('还没有合并过');
  });

  it('starts a new laptop from a colleague’s exchange file on the welcome screen', async () => {
    const colleague = shells[0]!;
    await call(colleague, 'members.create', { name: '吉林省汽车工业协会', category: 'association', contacts: [{ name: '赵秘书长' }] });
    const file = await call<{ fileName: string; bytes: string }>(colleague, 'exchange.export', { all: true });
    const saved = path.join(tempDir('alliance-exchange-'), file.fileName);
    (await import('node:fs')).writeFileSync(saved, Buffer.from(file.bytes, 'base64'));
    const fresh = await startShell(path.join(tempDir('alliance-e2e-c-'), 'data'));
    try {
      const page = await openAppPage(browser, await fresh.launchLink());
      await page.getByText('欢迎使用产教联合体秘书处工作台').waitFor();
      // Only the merge is offered here: nothing to give to a colleague yet.
      expect(await page.getByRole('button', { name: /生成交换文件/ }).count()).toBe(0);
      await page.locator('[data-testid=exchange-panel] input[type=file]').setInputFiles(saved);
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/合并前核对/).waitFor();
      await expect.poll(() => dialog.getByTestId('exchange-review-list').textContent()).toContain('吉林省汽车工业协会');
      // A double click (or a bouncing mouse button) merges once, with no error beside the success.
      await dialog.getByTestId('exchange-apply').dblclick();
      await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已合并');
      await page.waitForTimeout(1_000); // a second merge's answer would come right after the first's
      expect(await page.locator('.ant-message').textContent()).not.toContain('失效');
      // The register is no longer empty: the welcome screen gives way to the app, with the colleague's records.
      await page.getByRole('menuitem', { name: '成员单位' }).click();
      await expect.poll(() => page.getByText('吉林省汽车工业协会').first().isVisible()).toBe(true);
      expect(await register(fresh)).toEqual(await register(colleague));
    } finally {
      await fresh.stop();
    }
  });

  it('refuses a file that is not an exchange file, saying so, with nothing changed', async () => {
    const page = await openData(shells[0]!);
    const before = await register(shells[0]!);
    const foreign = path.join(tempDir('alliance-foreign-'), 'not-an-exchange.alliance-exchange');
    (await import('node:fs')).writeFileSync(foreign, 'PK\u0003\u0004 this is a zip, not an exchange file');
    await page.locator('[data-testid=exchange-panel] input[type=file]').setInputFiles(foreign);
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('这不是本软件的交换文件');
    expect(await register(shells[0]!)).toEqual(before);
  });
});
