// Importing a messy member spreadsheet in Chromium, as a new clerk would: choose the file, look at
// the preview, resolve its duplicates, skip the invalid row, import, see the members, undo it all.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from '../support/antd.js';
import { E2eSession } from '../support/e2e-session.js';
import { messyWorkbook, validUscc } from '../support/import-fixtures.js';
import { tempDir } from '../support/migrations.js';

const FILE_NAME = '成员名单（整理中）.xlsx';
let session: E2eSession;
let page: Page;
let workbook: Buffer;

beforeAll(async () => {
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
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const total = () => page.getByTestId('member-total');
const drawer = () => page.getByRole('dialog');
const previewRow = (text: string) => page.getByTestId('import-preview').locator('.ant-table-row', { hasText: text });

/** The sample alliance, and the messy workbook chosen in the import drawer, its preview shown. */
async function stageWorkbook(): Promise<void> {
  page = await session.fresh({ sample: true });
  await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  await page.getByRole('button', { name: '导 入' }).click();
  await drawer().locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  await expect.poll(() => drawer().getByText('第 3 行是表头').count()).toBe(1);
}

/** The clerk's choices for the duplicates: overwrite for the file, skip for 一汽模具. */
async function resolveDuplicates(): Promise<void> {
  // The preview opens on the rows with errors; the duplicates are among all rows.
  await drawer().getByText(/^全部 \d+$/).click();
  await drawer().getByText('覆盖为文件中的内容').click();
  await expect.poll(() => previewRow('长春市教育局').textContent()).toContain('将更新：');
  await expect.poll(() => previewRow('一汽模具制造有限公司').textContent()).toContain('更新');
  await chooseOption(page, previewRow('一汽模具制造有限公司').getByLabel('处理方式'), '跳过');
  await expect.poll(() => previewRow('一汽模具制造有限公司').textContent()).toContain('重复');
}

describe('member import, end to end', () => {
  it('previews a messy workbook: header found, categories from section rows, the bad code explained', async () => {
    await stageWorkbook();
    // With an error in the file the preview opens on the errors.
    await expect.poll(() => previewRow('长春错码科技有限公司').textContent()).toContain('统一社会信用代码：校验位应为');
    await drawer().getByText(/^全部 \d+$/).click();
    await expect.poll(() => previewRow('ABC').count()).toBe(0);
    expect(await previewRow('XYZ汽车技师学院（长春）').textContent()).toContain('高职院校');
    expect(await previewRow('XYZ汽车技师学院（长春）').textContent()).toContain('类别取自分组行');
    expect(await previewRow('长春市教育局').textContent()).toContain('已有：长春市教育局（名称相同）');
  });

  it('resolves the duplicates: overwrite for the file, skip for one row', async () => {
    await stageWorkbook();
    await resolveDuplicates();
    await expect.poll(() => drawer().getByRole('button', { name: /^导入 4 行，跳过 1 行错误$/ }).count()).toBe(1);
  });

  it('will not import with the invalid row until told to skip it, then imports and offers the rows left out', async () => {
    await stageWorkbook();
    await resolveDuplicates();
    const commit = drawer().getByRole('button', { name: /^导入 4 行，跳过 1 行错误$/ });
    expect(await commit.isDisabled()).toBe(true);
    // The disabled button says why beside it.
    expect(await drawer().getByTestId('import-blocked').textContent()).toBe('有错误的行：先勾选上方的“跳过有错误的行”，才能导入其余的行');
    await drawer().getByText('跳过有错误的行，只导入其余的行').click();
    await expect.poll(() => drawer().getByTestId('import-blocked').count()).toBe(0);
    await commit.click();
    await expect.poll(() => drawer().getByTestId('import-result').textContent()).toBe('导入完成：新增 3，更新 1，跳过 1，未导入 1，非成员行 1');

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
  });

  it('undoes the whole import from the list of imports', async () => {
    page = await session.fresh({ sample: true });
    // The same import, made through the API the page uses: overwrite, 一汽模具 skipped, the bad row left out.
    const staged = await session.call('imports.stage', { fileName: FILE_NAME, bytes: workbook.toString('base64') });
    const preview = await session.call('imports.preview', { uploadId: staged.uploadId, onDuplicate: 'overwrite' });
    const mould = preview.rows.find((r) => r.name === '一汽模具制造有限公司')!.rowNumber;
    await session.call('imports.commit', { uploadId: staged.uploadId, onDuplicate: 'overwrite', rowActions: { [mould]: 'skip' }, skipInvalid: true });
    await page.reload();
    await expect.poll(() => total().textContent()).toBe('共 193 家单位');
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
