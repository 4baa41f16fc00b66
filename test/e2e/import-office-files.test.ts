// An old .xls from another office, in Chromium: a cover sheet before the roster, 单位性质 instead of a
// category, a 合计 row and a sign-off line. The clerk sees the sheet chosen, answers what 事业单位
// means here, and imports; the sum and sign-off are left out with their reason.
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from '../support/antd.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

function officeXls(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['填报说明'], ['1. 单位性质按登记证书填写'], ['2. 请勿修改表头']]), '填报说明');
  const roster = [
    ['长春市汽车产业集群产教联合体新增成员单位'],
    ['序号', '单位名称', '单位性质', '联系人', '联系电话'],
    [1, '长春市交通运输局', '机关', '孙一', '0431-88886666'],
    [2, '长春汽车工业高等专科学校', '事业单位', '周二、吴三', '13900000021、13900000022'],
    [3, '长春智行科技有限公司', '民营企业', '郑四', '13900000023'],
    ['合计', '3家'],
    ['填表人：王五', '', '日期：2026年11月20日'],
  ];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(roster), '成员单位');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Uint8Array);
}

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const drawer = () => page.getByRole('dialog');
const previewRow = (text: string) => page.getByTestId('import-preview').locator('.ant-table-row', { hasText: text });

describe('an office’s old .xls', () => {
  it('reads the roster sheet, asks about 事业单位, skips the sum and sign-off, and imports', async () => {
    page = await session.fresh({ sample: true });
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('共 190 家单位');
    await page.getByRole('button', { name: '导 入' }).click();
    await drawer().locator('input[type=file]').setInputFiles({ name: '新增成员.xls', mimeType: 'application/vnd.ms-excel', buffer: officeXls() });
    await expect.poll(() => drawer().getByText('第 2 行是表头').count()).toBe(1);
    await expect.poll(() => drawer().getByTestId('import-sheet').textContent()).toContain('成员单位（7 行）');
    // 事业单位 waits for the clerk; the others are suggested.
    await expect.poll(() => drawer().getByTestId('import-legal-forms').textContent()).toContain('事业单位');
    await chooseOption(page, drawer().getByLabel('单位性质 事业单位'), '高职院校');
    // The preview opened on its errors (the unanswered row); all rows now.
    await drawer().getByText(/^全部 \d+$/).click();
    await expect.poll(() => previewRow('长春汽车工业高等专科学校').textContent()).toContain('高职院校');
    await expect.poll(() => previewRow('长春汽车工业高等专科学校').textContent()).toContain('2 位联系人');
    await drawer().getByText(/^非成员行 2$/).click();
    await expect.poll(() => previewRow('合计').textContent()).toContain('合计行，不是成员');
    await expect.poll(() => previewRow('填表人').textContent()).toContain('落款行');
    await drawer().getByRole('button', { name: '导入 3 行' }).click();
    await expect.poll(() => drawer().getByTestId('import-result').textContent()).toBe('导入完成：新增 2，更新 1，跳过 0，未导入 0，非成员行 2'); // one unit is in the sample alliance already: filled, its new contacts added
  });
});
