// Nothing the clerk typed or keeps is lost: Esc closes an open dropdown before it touches the form,
// closing a changed form asks, Ctrl+S and Ctrl+Enter save, an unsaved form survives a reload as a
// draft, and the sample alliance neither replaces her alliance nor leaves anything behind.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const drawer = () => page.locator('.ant-drawer-open');
const openDropdowns = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
const question = () => page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的修改？' });
const draftKeys = () => page.evaluate(() => Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).filter((k) => k.startsWith('alliance.draft:')).length);

describe('forms keep the clerk’s work', () => {
  it('closes an open dropdown with Esc, never the half-filled event, and saves it with Ctrl+S', async () => {
    page = await session.fresh({ sample: true, at: 'events' });
    await page.getByRole('button', { name: '新增活动' }).click();
    await drawer().getByLabel('活动名称').fill('理事会第三次会议');
    await drawer().getByLabel('活动类型').click();
    await expect.poll(() => openDropdowns().count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => openDropdowns().count()).toBe(0);
    // No question either: the Esc belonged to the dropdown.
    expect(await question().count()).toBe(0);
    expect(await drawer().getByLabel('活动名称').inputValue()).toBe('理事会第三次会议');

    // Esc on the form itself asks, and Esc on the question keeps the form.
    await drawer().getByLabel('活动名称').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => question().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => question().count()).toBe(0);
    expect(await drawer().getByLabel('活动名称').inputValue()).toBe('理事会第三次会议');

    // Ctrl+S without a date: refused, naming the field, nothing lost.
    await page.keyboard.press('Control+s');
    await expect.poll(() => drawer().locator('.ant-form-item-explain-error').allTextContents()).not.toEqual([]);
    expect(await drawer().getByLabel('活动名称').inputValue()).toBe('理事会第三次会议');
    const date = drawer().getByLabel('日期', { exact: true });
    await date.click();
    await date.fill('2026-12-20');
    await date.press('Enter');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存活动：理事会第三次会议');
    await expect.poll(() => drawer().count()).toBe(0);
    expect(await page.locator('.ant-table-row', { hasText: '理事会第三次会议' }).count()).toBe(1);
    expect(await draftKeys()).toBe(0);
  });

  it('keeps an unsaved agreement across a reload as a draft the clerk resumes or throws away', async () => {
    page = await session.fresh({ sample: true, at: 'agreements' });
    await page.getByRole('button', { name: '新增协议' }).click();
    await drawer().getByLabel('协议名称').fill('尚未保存的实习基地协议');
    await expect.poll(draftKeys).toBe(1);
    await page.reload();

    const bar = page.getByTestId('drafts-bar');
    await expect.poll(() => bar.textContent()).toContain('新建：尚未保存的实习基地协议');
    await bar.getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(() => drawer().getByLabel('协议名称').inputValue()).toBe('尚未保存的实习基地协议');
    expect(await page.getByTestId('draft-restored').isVisible()).toBe(true);

    // Closing still asks; throwing it away leaves no draft behind, after a reload too.
    await drawer().getByRole('button', { name: /取\s?消/ }).click();
    await page.getByRole('button', { name: '放弃修改' }).click();
    await expect.poll(() => drawer().count()).toBe(0);
    expect(await bar.count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: '新增协议' }).isVisible()).toBe(true);
    expect(await page.getByTestId('drafts-bar').count()).toBe(0);
    expect(await draftKeys()).toBe(0);
  });

  it('saves a member with Ctrl+Enter, and a draft of a changed member comes back when it is opened again', async () => {
    page = await session.fresh({ sample: true });
    await page.getByLabel(/搜索单位名称/).fill('吉林大学');
    await page.locator('[role=row]', { hasText: '吉林大学' }).first().click();
    await expect.poll(() => drawer().getByLabel('简称').isVisible()).toBe(true);
    await drawer().getByLabel('简称').fill('吉大（草稿）');
    await expect.poll(draftKeys).toBe(1);
    await page.reload();
    await page.getByTestId('drafts-bar').getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(() => drawer().getByLabel('简称').inputValue()).toBe('吉大（草稿）');
    // The stored record is what "discard the draft" brings back.
    await page.getByTestId('draft-restored').getByRole('button', { name: '丢弃草稿' }).click();
    await expect.poll(() => drawer().getByLabel('简称').inputValue()).not.toBe('吉大（草稿）');
    await drawer().getByLabel('简称').fill('吉大');
    // Esc on a tag typed but not yet confirmed belongs to the tag field: no question, the form stays.
    await drawer().getByLabel('别名').click();
    await page.keyboard.type('吉林大学本部');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await question().count()).toBe(0);
    expect(await drawer().count()).toBe(1);
    await drawer().getByLabel('简称').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存：吉林大学');
    await expect.poll(() => drawer().count()).toBe(0);
    expect(await draftKeys()).toBe(0);
  });
});

describe('the alliance profile, edited in place', () => {
  it('asks before throwing changes away, keeps them across a reload as a draft, and saves with Ctrl+S', async () => {
    page = await session.fresh({ sample: true, at: 'alliance' });
    await page.getByRole('button', { name: '编 辑' }).click();
    const name = page.getByLabel('名称', { exact: true });
    await name.fill('长春市汽车产业集群产教联合体（改）');
    await page.keyboard.press('Escape');
    await expect.poll(() => question().isVisible()).toBe(true);
    await page.getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(draftKeys).toBe(1);
    await page.reload();
    await page.getByTestId('drafts-bar').getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(() => page.getByLabel('名称', { exact: true }).inputValue()).toBe('长春市汽车产业集群产教联合体（改）');
    await page.getByLabel('名称', { exact: true }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('alliance-name').textContent()).toBe('长春市汽车产业集群产教联合体（改）');
    expect(await draftKeys()).toBe(0);
  });
});

describe('the sample never touches the clerk’s data', () => {
  it('asks before loading the sample beside the clerk’s alliance, keeps her name, and removes exactly the sample', async () => {
    page = await session.fresh({ at: null });
    await page.getByLabel('联合体名称').fill('我的产教联合体');
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('共 0 家单位');
    await session.call('events.create', { title: '我的筹备会', type: 'council_meeting', date: '2026-11-20' });

    await page.getByRole('button', { name: '载入示例联合体' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toBe('在已有数据旁载入示例？');
    expect(await page.locator('.ant-modal-confirm-content').textContent()).toContain('已有 1 条记录');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '载入示例' }).click();
    // Loading the sample is a job of seconds (it missed the default 5 s once under the full suite).
    await expect.poll(() => page.getByTestId('member-total').textContent(), { timeout: 30_000 }).toBe('共 190 家单位');
    expect(await page.getByTestId('alliance-name').textContent()).toBe('我的产教联合体');
    await expect.poll(() => page.getByTestId('sample-banner').isVisible()).toBe(true);

    await page.getByTestId('sample-banner').getByRole('button', { name: '移除示例数据' }).click();
    await page.getByRole('button', { name: '移 除' }).click();
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('共 0 家单位');
    expect(await page.getByTestId('sample-banner').count()).toBe(0);
    expect(await page.getByTestId('alliance-name').textContent()).toBe('我的产教联合体');
    expect((await session.call('events.list', {})).map((e) => e.title)).toEqual(['我的筹备会']);
  });
});
