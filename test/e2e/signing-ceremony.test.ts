// A clerk's signing ceremony, in Chromium against the real browser shell: plan three signings,
// run the ceremony, reload half-way and finish, then find the agreements by member and by type.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, selectOf } from '../support/antd.js';
import { docxParagraphs, docxXml, pdfFonts, pdfText } from '../support/documents.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const CEREMONY = '2026年校企合作签约仪式';
const SIGNINGS: { title: string; parties: [string, string]; signatory?: string }[] = [
  { title: '模具人才订单培养协议', parties: ['长春汽车职业技术大学', '一汽模具制造有限公司'], signatory: '薛耀' },
  { title: '本科与高职贯通培养协议', parties: ['吉林大学', '长春职业技术学院'] },
  { title: '汽车人才共育合作协议', parties: ['长春市教育局', '中国第一汽车集团有限公司'] },
];

/** A local day from now, as the app writes dates. */
function isoDay(inDays = 0): string {
  const day = new Date(Date.now() + inDays * 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * The sample alliance with the ceremony the first test plans through the page, made through the API
 * instead: the event today (or `inDays` from now), its three signings in order, signed when asked.
 * Returns the event.
 */
async function seedCeremony(options: { signed: boolean; inDays?: number }): Promise<string> {
  page = await session.fresh({ sample: true });
  const event = await session.call('events.create', { title: CEREMONY, type: 'signing_ceremony', date: isoDay(options.inDays), venue: '汽开区会议中心' });
  const signings = [];
  for (const { title, parties, signatory } of SIGNINGS) {
    const ids = [await session.memberId(parties[0]), await session.memberId(parties[1])];
    signings.push({ title, parties: ids.map((organizationId, i) => ({ organizationId, signatoryName: i === 1 ? (signatory ?? null) : null })) });
  }
  await session.call('ceremony.plan', { eventId: event.id, signings });
  if (options.signed) for (let i = 0; i < SIGNINGS.length; i++) await session.call('ceremony.mark', { eventId: event.id });
  await page.reload();
  return event.id;
}

/** The agreements page filtered to 政企, as the clerk sets it. */
async function filterGovernmentEnterprise(): Promise<void> {
  await page.getByRole('menuitem', { name: '合作协议' }).click();
  await chooseOption(page, page.getByLabel('协议类型', { exact: true }), '政企');
  await expect.poll(() => page.getByTestId('agreement-total').textContent()).toBe('共 2 份协议');
}

const drawer = () => page.locator('.ant-drawer-open [role=dialog]');

/** Types into a member picker and chooses the member from the core's search results. */
async function pickMember(scope: ReturnType<Page['locator']>, label: string, name: string) {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(name.slice(0, 6));
  const option = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${name}"]`);
  await option.waitFor({ state: 'visible' });
  await option.click();
  await expect.poll(async () => (await selectOf(select).textContent())?.includes(name)).toBe(true);
}

async function planSigning(title: string, parties: [string, string], signatory?: string) {
  const card = page.locator('form#signing');
  await card.getByLabel('协议名称').fill(title);
  await pickMember(card, '签约单位 1', parties[0]);
  await pickMember(card, '签约单位 2', parties[1]);
  if (signatory) await card.getByLabel('签约代表 2', { exact: true }).fill(signatory);
  await card.getByRole('button', { name: '加入签约顺序' }).click();
  await expect.poll(() => page.getByTestId('ceremony-item').filter({ hasText: title }).count()).toBe(1);
}

describe('signing ceremony, end to end', () => {
  it('creates the event and plans three signings in order', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('menuitem', { name: '会议活动' }).click();
    await page.getByRole('button', { name: '新增活动' }).click();
    await drawer().getByLabel('活动名称').fill(CEREMONY);
    const date = drawer().getByLabel('日期', { exact: true });
    await date.click();
    await date.fill('2026-12-01');
    await date.press('Enter');
    await drawer().getByLabel('地点').fill('汽开区会议中心');
    await drawer().getByRole('button', { name: '保 存' }).click();
    await page.getByRole('cell', { name: CEREMONY }).click();
    await drawer().getByRole('link', { name: '签约仪式' }).click();
    await expect.poll(() => page.getByText('签约仪式：2026年校企合作签约仪式').isVisible()).toBe(true);

    for (const { title, parties, signatory } of SIGNINGS) await planSigning(title, parties, signatory);
    expect(await page.getByTestId('ceremony-item').allTextContents()).toEqual([
      expect.stringContaining('1. 模具人才订单培养协议'),
      expect.stringContaining('2. 本科与高职贯通培养协议'),
      expect.stringContaining('3. 汽车人才共育合作协议'),
    ]);

    // A signing half typed survives a reload as a draft of this event's plan form.
    await page.locator('form#signing').getByLabel('协议名称').fill('第四项签约（未完成）');
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => page.locator('form#signing').getByLabel('协议名称').inputValue()).toBe('第四项签约（未完成）');
    expect(await page.getByText(/未保存的草稿/).count()).toBe(1);
  });

  it('runs the ceremony, survives a reload mid-way, and finishes', async () => {
    const eventId = await seedCeremony({ signed: false });
    await page.goto(`${new URL(page.url()).origin}/#/ceremony?event=${eventId}`);
    await page.getByRole('button', { name: '开始签约仪式' }).click();
    const current = page.getByTestId('ceremony-current');
    await expect.poll(() => current.textContent()).toContain('模具人才订单培养协议');
    expect(await current.textContent()).toContain('薛耀');
    await page.keyboard.press('Space');
    await expect.poll(() => current.textContent()).toContain('第 2 / 3 项');

    await page.reload();
    await expect.poll(() => page.getByTestId('ceremony-current').textContent()).toContain('本科与高职贯通培养协议');
    await page.keyboard.press('Space');
    await expect.poll(() => current.textContent()).toContain('汽车人才共育合作协议');
    await page.keyboard.press('Backspace');
    await expect.poll(() => current.textContent()).toContain('本科与高职贯通培养协议');
    await page.keyboard.press('Space');
    await expect.poll(() => current.textContent()).toContain('第 3 / 3 项');
    await page.getByRole('button', { name: '完成签约' }).click();
    await expect.poll(() => page.getByTestId('ceremony-finished').isVisible()).toBe(true);
    await page.getByRole('button', { name: '退出全屏' }).first().click();
    await expect.poll(() => page.getByTestId('ceremony-item').filter({ hasText: '签署' }).count()).toBe(3);
  });

  it('rehearses the ceremony with nothing recorded, and warns before a real run ahead of the event day', async () => {
    const eventId = await seedCeremony({ signed: false, inDays: 3 });
    await page.goto(`${new URL(page.url()).origin}/#/ceremony?event=${eventId}`);
    await page.getByRole('button', { name: '彩 排' }).click();
    await expect.poll(() => page.getByTestId('ceremony-rehearsal').isVisible()).toBe(true);
    const current = page.getByTestId('ceremony-current');
    await expect.poll(() => current.textContent()).toContain('模具人才订单培养协议');
    await page.keyboard.press('Space');
    await expect.poll(() => current.textContent()).toContain('第 2 / 3 项');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('ceremony-finished').textContent()).toBe('彩排结束');
    // Nothing reached the register: every signing still pending, every agreement still a draft.
    const state = await session.call('ceremony.state', { eventId });
    expect(state.items.map((i) => [i.signedAt, i.agreement.status])).toEqual([
      [null, 'draft'],
      [null, 'draft'],
      [null, 'draft'],
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('ceremony-item').filter({ hasText: '待签' }).count()).toBe(3);

    // The real run asks first; cancelling records nothing.
    await page.getByRole('button', { name: '开始签约仪式' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toBe('活动还没有到日期');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /取\s?消/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await page.getByTestId('ceremony-current').count()).toBe(0);
    expect((await session.call('ceremony.state', { eventId })).currentIndex).toBe(0);
  });

  it('finds the signed agreements by member and by type', async () => {
    await seedCeremony({ signed: true });
    await page.getByRole('menuitem', { name: '合作协议' }).click();
    await pickMember(page.locator('body'), '签约单位', '吉林大学');
    await expect.poll(() => page.getByTestId('agreement-total').textContent()).toBe('共 2 份协议');
    const rows = page.locator('.ant-table-row');
    const signed = await rows.filter({ hasText: '本科与高职贯通培养协议' }).textContent();
    expect(signed).toContain(`${isoDay().slice(0, 4)}-校校-001`);
    expect(signed).toContain(isoDay());
    expect(signed).toContain('履行中');

    // Back through the dashboard, whose figures link to the lists behind them.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await expect.poll(() => page.getByTestId('agreements-in_force').textContent()).toContain('7');
    await page.getByRole('menuitem', { name: '合作协议' }).click();
    await expect.poll(() => page.getByTestId('agreement-total').textContent()).toBe('共 9 份协议');
    // A multiple-choice filter: chosen by typing its label, then the list closed.
    await chooseOption(page, page.getByLabel('协议类型', { exact: true }), '政企');
    await expect.poll(() => page.getByTestId('agreement-total').textContent()).toBe('共 2 份协议');
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('汽车人才共育合作协议'), expect.stringContaining('政企人才共育战略合作协议')]));
  });

  it('refuses a 校企 agreement between two enterprises and says why', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('menuitem', { name: '合作协议' }).click();
    await page.getByRole('button', { name: '新增协议' }).click();
    await drawer().getByLabel('协议名称').fill('两家企业的校企协议');
    await pickMember(drawer(), '签约单位 1', '一汽模具制造有限公司');
    await pickMember(drawer(), '签约单位 2', '中国第一汽车集团有限公司');
    await chooseOption(page, drawer().getByLabel('协议类型', { exact: true }), '校企');
    const reason = '校企协议的签约方中至少需要1所学校；当前签约方为：企业、企业';
    await expect.poll(() => drawer().getByTestId('type-problem').textContent()).toBe(reason);
    await drawer().getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => page.getByText('保存失败，请修改标红的字段后重试。填写的内容已保留。').count()).toBeGreaterThan(0);
    expect(await drawer().getByText(reason).count()).toBeGreaterThan(0);
    expect(await drawer().getByLabel('协议名称').inputValue()).toBe('两家企业的校企协议');
  });

  it('exports the filtered agreement summary as xlsx', async () => {
    await seedCeremony({ signed: true });
    await filterGovernmentEnterprise();
    await page.getByRole('button', { name: '导 出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel 表格（.xlsx）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^长春汽车产教联合体协议汇总表-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const headings: string[] = [];
    workbook.getWorksheet('协议汇总表')!.eachRow((row, n) => {
      const first = row.getCell(1).value;
      if (n > 3 && typeof first === 'string') headings.push(first);
    });
    // The one group the filter leaves, then the grand total.
    expect(headings).toEqual(['政企（2份）', '总计']);
  });

  it('previews the filtered summary for printing and exports it as pdf', async () => {
    await seedCeremony({ signed: true });
    await filterGovernmentEnterprise();
    await page.getByRole('button', { name: '打印预览' }).click();
    const paper = page.getByTestId('print-paper');
    await expect.poll(() => paper.locator('h2').allTextContents()).toEqual(['政企（2份）', '总计']);
    expect(await paper.locator('tr.paper-footer-row').first().textContent()).toContain('小计：2 份');
    expect(await paper.locator('tr.paper-footer-row').last().textContent()).toContain('合计：2 份');
    await page.getByRole('button', { name: '关闭预览' }).click();
    await page.getByRole('button', { name: '导 出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PDF 文件（.pdf，已嵌入字体）' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
    expect(pdfText(bytes)).toContain('政企（2份）');
  });

  it("exports the ceremony's sign-in sheet from the event", async () => {
    await seedCeremony({ signed: true });
    await page.getByRole('menuitem', { name: '会议活动' }).click();
    await page.getByRole('cell', { name: CEREMONY }).click();
    await drawer().getByRole('button', { name: '导出签到表' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Word 文档（.docx，公文样式）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/2026年校企合作签约仪式签到表-\d{8}\.docx$/);
    const paragraphs = docxParagraphs(await docxXml(fs.readFileSync((await download.path())!)));
    expect(paragraphs[0]).toBe('2026年校企合作签约仪式签到表');
    expect(paragraphs).toContain('签名');
  });
});
