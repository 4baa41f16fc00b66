// Importing a messy member spreadsheet in Chromium, as a new clerk would: choose the file, look at
// the preview, resolve its duplicates, skip the invalid row, import, see the members, undo it all.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import { chooseOption } from '../support/antd.js';
import { launchChromium, openAppPage } from '../support/browser.js';
import { messyWorkbook, validUscc } from '../support/import-fixtures.js';
import { tempDir } from '../support/migrations.js';
import { startShell, type RunningShell } from '../support/server.js';

let shell: RunningShell;
let browser: Browser;
let page: Page;
let workbook: Buffer;

beforeAll(async () => {
  const dataDir = tempDir('alliance-e2e-');
  expect(await runCli(['--data-dir', dataDir, 'sample', 'load'], { out: () => undefined, err: () => undefined })).toBe(0);
  workbook = await messyWorkbook([
    { label: '政府机构', rows: [{ name: '长春市 教育局', role: '牵头单位', contact: '孙新', title: '副处长', phone: '13900000011' }] },
    { label: '高职院校', rows: [{ name: 'ＸＹＺ汽车技师学院（长春）', contact: '周一', phone: '13900000012' }] },
    {
      label: '企业',
      rows: [
        { name: '一汽模具制造有限公司', contact: '另一个人', phone: '13900000013' },
        { name: '长春新能源电池有限公司', role: '理事单位', uscc: validUscc(88), contact: '吴二', phone: '13900000014' },
        { name: '长春智能网联科技有限公司', contact: '郑三', phone: '13900000015' },
        { name: '长春错码科技有限公司', uscc: '91220101000000001X' },
      ],
    },
  ]);
  browser = await launchChromium();
  shell = await startShell(dataDir);
  page = await openAppPage(browser, shell.url);
});
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

const total = () => page.getByTestId('member-total');
const drawer = () => page.getByRole('dialog');
const previewRow = (text: string) => page.getByTestId('import-preview').locator('.ant-table-row', { hasText: text });

describe('member import, end to end', () => {
  it('previews a messy workbook: header found, categories from section rows, the bad code explained', async () => {
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
    await page.getByRole('button', { name: '导 入' }).click();
    await drawer().locator('input[type=file]').setInputFiles({ name: '成员名单（整理中）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
    await expect.poll(() => drawer().getByText('第 3 行是表头').count()).toBe(1);
    // With an error in the file the preview opens on the errors.
    await expect.poll(() => previewRow('长春错码科技有限公司').textContent()).toContain('统一社会信用代码：校验位应为');
    await drawer().getByText(/^全部 \d+$/).click();
    await expect.poll(() => previewRow('ABC').count()).toBe(0);
    expect(await previewRow('XYZ汽车技师学院（长春）').textContent()).toContain('高职院校');
    expect(await previewRow('XYZ汽车技师学院（长春）').textContent()).toContain('类别取自分组行');
    expect(await previewRow('长春市教育局').textContent()).toContain('已有：长春市教育局（名称相同）');
  });

  it('resolves the duplicates: overwrite for the file, skip for one row', async () => {
    await drawer().getByText('覆盖为文件中的内容').click();
    await expect.poll(() => previewRow('长春市教育局').textContent()).toContain('将更新：');
    await expect.poll(() => previewRow('一汽模具制造有限公司').textContent()).toContain('更新');
    await chooseOption(page, previewRow('一汽模具制造有限公司').getByLabel('处理方式'), '跳过');
    await expect.poll(() => previewRow('一汽模具制造有限公司').textContent()).toContain('重复');
  });

  it('will not import with the invalid row until told to skip it, then imports and offers the rows left out', async () => {
    const commit = drawer().getByRole('button', { name: /^导入 4 行，跳过 1 行错误$/ });
    expect(await commit.isDisabled()).toBe(true);
    await drawer().getByText('跳过有错误的行，只导入其余的行').click();
    await commit.click();
    await expect.poll(() => drawer().getByTestId('import-result').textContent()).toBe('导入完成：新增 3，更新 1，跳过 1，未导入 1');

    const [download] = await Promise.all([page.waitForEvent('download'), drawer().getByRole('button', { name: '下载未导入的行（xlsx）' }).click()]);
    expect(download.suggestedFilename()).toBe('成员名单（整理中）-未导入的行.xlsx');
    const saved = path.join(tempDir(), 'rejected.xlsx');
    await download.saveAs(saved);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    expect(report.getWorksheet(1)!.getRow(4).getCell(3).value).toBe('长春错码科技有限公司');

    await drawer().getByRole('button', { name: '完 成' }).click();
    await expect.poll(() => total().textContent()).toBe('共 193 家单位');
    await page.getByLabel(/搜索单位名称/).fill('新能源电池');
    await expect.poll(() => page.locator('[role=row]', { hasText: '长春新能源电池有限公司' }).textContent()).toContain('理事单位');
    await page.getByLabel(/搜索单位名称/).fill('长春市教育局');
    await expect.poll(() => page.locator('[role=row]', { hasText: '长春市教育局' }).textContent()).toContain('孙新');
    await page.getByLabel(/搜索单位名称/).fill('');
  });

  it('undoes the whole import from the list of imports', async () => {
    await page.getByRole('button', { name: '导 入' }).click();
    const batch = drawer().locator('.ant-list-item', { hasText: '成员名单（整理中）.xlsx' });
    await expect.poll(() => batch.textContent()).toContain('新增 3，更新 1');
    await batch.getByRole('button', { name: '撤销这次导入' }).click();
    await page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByText('已撤销：删除 3 个，恢复 1 个').count()).toBeGreaterThan(0);
    await expect.poll(() => batch.textContent()).toContain('已撤销');
    await page.keyboard.press('Escape');
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
    await page.getByLabel(/搜索单位名称/).fill('长春市教育局');
    await expect.poll(() => page.locator('[role=row]', { hasText: '长春市教育局' }).textContent()).not.toContain('孙新');
  });
});
