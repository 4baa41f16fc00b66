// The council page as a clerk uses it on the sample alliance: the first term elected at the founding
// congress, its officers, a mid-term addition approved at a meeting (a refused one names the field),
// 换届 from a draft to the current term, the council on a past day, and a member's role history.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, pickOption, selectOf } from '../support/antd.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const message = () => page.locator('.ant-message');
const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const today = () => localDay(new Date());
const yesterday = () => localDay(new Date(Date.now() - 86_400_000));

async function roleOf(name: string): Promise<string> {
  const list = await session.call('members.list', { text: name, limit: 5 });
  return list.rows.find((r) => r.name === name)!.role;
}

describe('the council', () => {
  it('shows the first term, records officers and an addition, elects the next term and reads any day back', async () => {
    page = await session.fresh({ sample: true, at: 'council' });
    await expect.poll(() => page.getByTestId('term-title').textContent()).toContain('第一届理事会');
    expect(await page.getByTestId('term-title').textContent()).toContain('本届');
    expect(await page.getByTestId('term-title').textContent()).toContain('由“长春市汽车产业集群产教联合体成立大会”选举产生');
    const seats = await session.call('terms.list', {});
    expect(await tab('组成').textContent()).toBe(`组成（${seats[0]!.seatCount}）`);

    // Officers: a chair from a unit, saved together.
    await tab('负责人').click();
    await page.getByRole('button', { name: '添加负责人' }).click();
    await page.getByLabel('第 1 位负责人的姓名').fill('邱现东');
    await chooseOption(page, page.getByLabel('第 1 位负责人的单位'), '中国第一汽车集团有限公司');
    await page.getByRole('button', { name: '保存负责人' }).click();
    await expect.poll(() => message().textContent()).toContain('负责人已保存');
    // An officer typed and not saved survives a reload as a draft, and can be thrown away.
    await page.getByRole('button', { name: '添加负责人' }).click();
    await page.getByLabel('第 2 位负责人的姓名').fill('王秘书');
    await page.waitForTimeout(600);
    await page.reload();
    await tab('负责人').click();
    await expect.poll(() => page.getByLabel('第 2 位负责人的姓名').inputValue()).toBe('王秘书');
    expect(await page.getByText(/未保存的草稿/).count()).toBe(1);
    await page.getByRole('button', { name: '丢弃草稿' }).click();
    await expect.poll(() => page.getByLabel('第 2 位负责人的姓名').count()).toBe(0);
    expect(await page.getByLabel('第 1 位负责人的姓名').inputValue()).toBe('邱现东');

    // A mid-term addition: refused first for a unit that has a seat (the field says why), then recorded.
    await tab('届中变动').click();
    await chooseOption(page, page.getByLabel('单位', { exact: true }), '吉林大学');
    await page.getByLabel('事由').fill('理事会增补');
    await page.getByRole('button', { name: '登记变动' }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toContain('该单位已在理事会中，请登记“调整”');
    expect(await page.getByLabel('事由').inputValue()).toBe('理事会增补');
    await chooseOption(page, page.getByLabel('单位', { exact: true }), '长春东方职业学院');
    await chooseOption(page, page.getByLabel('批准会议'), '2023-08-19 长春市汽车产业集群产教联合体成立大会');
    const changeDate = page.getByLabel('日期', { exact: true });
    await changeDate.click();
    await changeDate.fill('2025-03-01');
    await changeDate.press('Enter');
    await page.getByRole('button', { name: '登记变动' }).click();
    await expect.poll(() => message().textContent()).toContain('已登记届中变动');
    // The form is ready for the next change: the reason cleared, the earlier refusal's message gone.
    expect(await page.getByLabel('事由').inputValue()).toBe('');
    expect(await page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([]);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '理事会增补' }).textContent()).toContain('理事单位');
    expect(await roleOf('长春东方职业学院')).toBe('council');

    // 换届: a draft of the second term holding today's composition, edited without touching today's roles.
    await page.getByRole('button', { name: '换届（筹备下一届）' }).click();
    await expect.poll(() => page.getByTestId('term-title').textContent()).toContain('第二届理事会');
    expect(await page.getByTestId('term-title').textContent()).toContain('筹备中');
    await pickOption(page, page.getByLabel('长春东方职业学院的理事会职务'), '常务理事单位');
    await expect.poll(() => selectOf(page.getByLabel('长春东方职业学院的理事会职务')).textContent()).toContain('常务理事单位');
    expect(await roleOf('长春东方职业学院')).toBe('council');
    await page.getByRole('button', { name: '选举产生，设为本届' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '第二届理事会选举产生' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '选举产生，设为本届' }).click();
    await expect.poll(() => message().textContent()).toContain('第二届理事会已设为本届');
    expect(await roleOf('长春东方职业学院')).toBe('executive_council');
    const terms = await session.call('terms.list', {});
    expect(terms.map((t) => [t.name, t.state])).toEqual([
      ['第二届理事会', 'current'],
      ['第一届理事会', 'closed'],
    ]);

    // The council on a day of the first term.
    await tab('某日名单').click();
    const date = page.getByLabel('查看日期');
    await date.click();
    await date.fill('2024-01-01');
    await date.press('Enter');
    await expect.poll(() => page.locator('.ant-typography', { hasText: '当日共' }).textContent()).toContain(`第一届理事会，当日共 ${seats[0]!.seatCount} 家理事会成员单位。`);
    expect(await page.locator('.ant-typography', { hasText: '当日共' }).textContent()).toContain('理事长：邱现东（中国第一汽车集团有限公司）');

    // The member's role history, on its page.
    await page.evaluate(() => void ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/members'));
    await page.getByPlaceholder(/搜索单位名称/).fill('长春东方职业学院');
    await page.locator('[role=row]', { hasText: '长春东方职业学院' }).first().click();
    const history = page.locator('[data-testid="member-role-history"]');
    await expect.poll(() => history.textContent()).toContain(`第二届理事会 常务理事单位 ${today()} — 至今`);
    expect(await history.textContent()).toContain(`第一届理事会 理事单位 2025-03-01 — ${yesterday()}`);
    expect(await history.textContent()).toContain('增补：理事会增补（长春市汽车产业集群产教联合体成立大会）');
  });
});
