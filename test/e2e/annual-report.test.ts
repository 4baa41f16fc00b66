// The annual report as a clerk prepares it on the sample: the founding year's charts and tables,
// a figure opened to the records behind it, the report downloaded as docx; the dashboard's year view.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, docxXml } from '../support/documents.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

describe('the annual report', () => {
  it('shows a year’s charts and figures, opens the records behind a figure, and downloads the report', async () => {
    page = await session.fresh({ sample: true, at: 'report' });
    await page.getByLabel('年度').fill('2023');
    await page.getByLabel('年度').press('Enter');
    // Three charts, drawn by ECharts in the page.
    await expect.poll(() => page.locator('[data-testid="annual-charts"] svg').count()).toBe(3);
    expect(await page.getByRole('img', { name: '2023年成员单位（按类别）' }).count()).toBe(1);

    // 190 units joined at the founding congress: the figure opens their list.
    const joined = page.getByRole('button', { name: '成员单位变动：合计加入' });
    await expect.poll(() => joined.textContent()).toBe('190');
    await joined.click();
    await expect.poll(() => page.getByTestId('trace-summary').textContent()).toBe('共 190 条，清单如下');
    await expect.poll(() => page.locator('.ant-drawer-open .ant-list-item').count()).toBe(190);
    await page.keyboard.press('Escape');

    // A summed figure: its records' values add up to it.
    const students = page.getByRole('button', { name: '合作项目：合计学生（人）' });
    const total = Number((await students.textContent())!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    await students.click();
    await expect.poll(() => page.getByTestId('trace-summary').textContent()).toMatch(new RegExp(`^合计 ${total}，来自以下 \\d+ 条记录$`));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '导出年度报告' }).click();
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Word 文档（.docx，公文样式）' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/2023年度工作报告-\d{8}\.docx$/);
    expect(docxParagraphs(await docxXml(fs.readFileSync((await docx.path())!)))).toContain('年初成员单位0家，本年加入190家、退出0家，年末190家。');

    // The dashboard's year view draws the same charts.
    await page.evaluate(() => void ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/dashboard'));
    const yearView = page.locator('.ant-card', { hasText: '年度概览' });
    await yearView.getByLabel('年度').fill('2023');
    await yearView.getByLabel('年度').press('Enter');
    await expect.poll(() => yearView.locator('[data-testid="annual-charts"] svg').count()).toBe(3);
  });
});
