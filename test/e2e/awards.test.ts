// Plaques and appointment letters as a clerk keeps them on the sample: a new plaque numbered for her,
// the certificate's layout moved in millimetres for pre-printed paper and seen in the preview, and the
// certificates printed as a pdf, a page each.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from '../support/antd.js';
import { pdfPageCount, pdfText } from '../support/documents.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

// Only the open tab's register is in the page (the other is destroyed when hidden).
const rows = () => page.locator('.ant-table-tbody .ant-table-row');

describe('plaques and appointment letters', () => {
  it('records a plaque, moves the certificate’s text for pre-printed paper, and prints the certificates', async () => {
    page = await session.fresh({ sample: true, at: 'awards' });
    await expect.poll(() => rows().count()).toBe(2);

    await page.getByRole('button', { name: '登记授牌' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('授牌名称').fill('智能网联汽车实训基地');
    // As every record form: Esc with changes asks first, and Esc on the question keeps the form.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的修改？' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-modal-confirm-title').count()).toBe(0);
    expect(await dialog.getByLabel('授牌名称').inputValue()).toBe('智能网联汽车实训基地');
    await chooseOption(page, dialog.getByLabel('单位'), '长春汽车职业技术大学');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toMatch(/已保存：\d{4}-授牌-001/);
    await expect.poll(() => rows().count()).toBe(3);

    await page.getByRole('button', { name: '证书版式…' }).click();
    const preview = page.getByTestId('certificate-preview');
    await expect.poll(() => preview.locator('[data-field="heading"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: '打印边框和标题（普通白纸）' }).uncheck();
    expect(await preview.locator('[data-field="heading"]').count()).toBe(0);
    await page.getByLabel('正文的 Y 坐标').fill('120');
    await expect.poll(() => preview.locator('[data-field="body"]').evaluate((e) => (e as { style: { top: string } }).style.top)).toBe('120mm');
    await page.getByRole('button', { name: '保存版式' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('证书版式已保存');
    expect((await session.call('awards.layout', { kind: 'plaque' })).places.body.y).toBe(120);
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印证书（全部 3 份）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/授牌证书-\d{8}\.pdf$/);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdfPageCount(pdf)).toBe(3);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('授予贵单位“智能网联汽车实训基地”称号');
    // Pre-printed paper: no heading printed.
    expect(text).not.toContain('授牌证书');
  });
});
