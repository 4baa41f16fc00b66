// Cooperation projects as a clerk records them on the sample: the list by year, a new project of the
// secretariat's own kind under an agreement, a year entered twice refused at its field with nothing
// lost, and the project shown on its agreement.
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

const dialog = () => page.getByRole('dialog');
// The page's table (the form's figures table sits in its dialog, after it in the document).
const rows = () => page.locator('.ant-table').first().locator('.ant-table-row');

describe('cooperation projects', () => {
  it('lists the year’s figures, records a new project with figures per year, and shows it on its agreement', async () => {
    page = await session.fresh({ sample: true, at: 'projects' });
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().filter({ hasText: '一汽模具订单班' }).textContent()).toContain('订单班');

    // The year's figures: 2024 only (42 students), not the sum of every year (127).
    await page.getByLabel('年度').fill('2024');
    await expect.poll(() => rows().filter({ hasText: '一汽模具订单班' }).textContent()).toContain('42');
    expect(await rows().filter({ hasText: '一汽模具订单班' }).textContent()).not.toContain('127');
    await page.getByLabel('年度').fill('');
    await expect.poll(() => rows().filter({ hasText: '一汽模具订单班' }).textContent()).toContain('127');

    await page.getByRole('button', { name: '新增合作项目' }).click();
    await dialog().getByLabel('项目名称').fill('新能源汽车联合研发中心');
    await dialog().getByLabel('项目类型').fill('联合研发中心');
    // Part of the title finds the agreement, as a clerk types it.
    await dialog().getByLabel('所属协议').click();
    await page.keyboard.type('科教融汇');
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${await agreementLabel('科教融汇战略合作协议')}"]`).click();
    await dialog().getByLabel('第 1 行招生/在读学生（人）').fill('30');
    await dialog().getByRole('button', { name: '添加年度' }).click();
    // The next row is the next year; make it the same year to see the refusal.
    await dialog().getByLabel('第 2 行年度').fill(String(new Date().getFullYear()));
    await dialog().getByLabel('第 2 行技术服务合同额（元）').fill('500000');
    await dialog().getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => dialog().locator('.ant-form-item-explain-error').allTextContents()).toContain(`${new Date().getFullYear()} 年填写了两次`);
    expect(await dialog().getByLabel('项目名称').inputValue()).toBe('新能源汽车联合研发中心');
    await dialog().getByLabel('第 2 行年度').fill(String(new Date().getFullYear() - 1));
    // The refusal's message goes with the value it refused.
    await expect.poll(() => dialog().locator('.ant-form-item-explain-error').count()).toBe(0);
    await dialog().getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存合作项目：新能源汽车联合研发中心');
    await expect.poll(() => rows().count()).toBe(4);
    const saved = (await session.call('projects.list', { text: '联合研发中心' }))[0]!;
    expect(saved).toMatchObject({ kind: '联合研发中心', partners: [{ name: '中国科学院长春分院' }, { name: '吉林大学' }] });
    expect(saved.totals).toMatchObject({ studentsEnrolled: 30, serviceContractYuan: 500000 });

    // On its agreement's page.
    await page.evaluate(() => void ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/agreements'));
    await page.locator('.ant-table-row', { hasText: '科教融汇战略合作协议' }).first().click();
    await expect.poll(() => page.getByTestId('related-projects').textContent()).toContain('新能源汽车联合研发中心');
    expect(await page.getByTestId('related-projects').textContent()).toContain('轻量化材料联合技术攻关');
  });
});

async function agreementLabel(title: string): Promise<string | undefined> {
  const list = await session.call('agreements.list', { text: title, limit: 5 });
  const found = list.rows.find((a) => a.title === title);
  return found && `${found.number} ${found.title}`;
}
