// A new clerk's first session, in a real Chromium against the real browser shell and database.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { chooseOption, pickOption } from '../support/antd.js';
import { docxParagraphs, docxXml, pdfFonts, pdfPageCount, pdfText } from '../support/documents.js';
import { strokeSortKey } from '../../core/text/strokes.js';
import { E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const total = () => page.getByTestId('member-total');
const drawer = () => page.getByRole('dialog');

const choose = (label: string, option: string) => chooseOption(page, drawer().getByLabel(label, { exact: true }), option);

describe('member register, end to end', () => {
  it('offers the sample alliance on first start and loads its 190 members in six groups', async () => {
    page = await session.fresh({ at: null });
    await page.getByRole('button', { name: '载入示例联合体' }).click();
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
    await expect.poll(() => page.getByTestId('sample-banner').isVisible()).toBe(true);
    // Virtualized: only the rows in view (and a few more) are in the page, not all 190.
    expect(await page.getByTestId('member-table').locator('[role=row]').count()).toBeLessThan(60);
    expect(await page.getByTestId('alliance-name').textContent()).toBe('长春市汽车产业集群产教联合体');

    await page.getByText('分组名单', { exact: true }).click();
    await expect.poll(() => page.getByTestId('roster-heading').allTextContents()).toEqual([
      '政府机构（10个）',
      '本科院校（8所）',
      '高职院校（8所）',
      '中职学校（38所）',
      '科研机构（6个）',
      '企业（120家）',
    ]);
  });

  it('finds members by typing 汽车 into the search box (focused with /)', async () => {
    page = await session.fresh({ sample: true });
    await total().click(); // somewhere that is not a text field, so / is a shortcut
    await page.keyboard.press('/');
    await page.keyboard.type('汽车');
    await expect.poll(async () => Number((await total().textContent())?.match(/\d+/)?.[0])).toBeLessThan(190);
    const found = Number((await total().textContent())!.match(/\d+/)![0]);
    expect(found).toBeGreaterThan(50);
    const names = await page.locator('[role=row] .member-name').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name).toContain('汽车');
    await page.getByLabel(/搜索单位名称/).fill('');
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  });

  it('keeps a mistyped USCC form as typed, shows the field error, then saves once fixed', async () => {
    page = await session.fresh({ sample: true });
    await total().click(); // the shortcut works from anywhere outside a text field
    await page.keyboard.press('Control+n');
    await drawer().getByLabel('单位全称').fill('长春启航汽车科技有限公司');
    await choose('类别', '企业');
    await drawer().getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await drawer().getByLabel('姓名').fill('刘洋');
    await drawer().getByLabel('手机').fill('13912345678');
    await drawer().getByRole('button', { name: '保 存' }).click();

    await expect.poll(() => drawer().getByText('校验位应为 3，实际为 4，可能有字符输错').isVisible()).toBe(true);
    expect(await drawer().getByLabel('单位全称').inputValue()).toBe('长春启航汽车科技有限公司');
    expect(await drawer().getByLabel('姓名').inputValue()).toBe('刘洋');
    expect(await drawer().getByLabel('手机').inputValue()).toBe('13912345678');
    expect(await total().textContent()).toBe('共 190 家单位');

    await drawer().getByLabel('统一社会信用代码').fill('9135 0100 m000 100y43');
    await drawer().getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => total().textContent()).toBe('共 191 家单位');
    await expect.poll(() => drawer().isVisible()).toBe(false);

    await page.getByLabel(/搜索单位名称/).fill('启航');
    await expect.poll(() => page.locator('[role=row] .member-name').allTextContents()).toEqual(['长春启航汽车科技有限公司']);
    const row = page.locator('[role=row]', { hasText: '长春启航汽车科技有限公司' });
    expect(await row.textContent()).toContain('刘洋');
  });

  it('switches to English and back, and remembers the choice across a reload', async () => {
    page = await session.fresh({ sample: true });
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => total().textContent()).toBe('190 members');
    expect(await page.getByRole('columnheader', { name: /Name/ }).count()).toBe(1);
    // A cell names one unit's kind (singular); a roster heading names the group (plural).
    const categoryCells = await page.locator('[role=row] [role=cell]').allTextContents();
    expect(categoryCells).toContain('Enterprise');
    expect(categoryCells).not.toContain('Enterprises');
    await page.getByText('Roster', { exact: true }).click();
    await expect.poll(() => page.getByTestId('roster-heading').allTextContents()).toContain('Enterprises (120)');
    await page.reload();
    await expect.poll(() => total().textContent()).toBe('190 members');
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  });

  it('keeps everything after a reload', async () => {
    page = await session.fresh({ sample: true });
    await session.call('members.create', { name: '长春启航汽车科技有限公司', category: 'enterprise', uscc: '91350100M000100Y43', contacts: [{ name: '刘洋', mobile: '13912345678' }] });
    await page.reload();
    await expect.poll(() => total().textContent()).toBe('共 191 家单位');
    await page.getByLabel(/搜索单位名称/).fill('启航');
    await page.locator('[role=row]', { hasText: '长春启航汽车科技有限公司' }).click();
    await expect.poll(() => drawer().getByLabel('统一社会信用代码').inputValue()).toBe('91350100M000100Y43');
    expect(await drawer().getByLabel('姓名').inputValue()).toBe('刘洋');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer().isVisible()).toBe(false);
  });

  it('asks before Esc discards what was typed in a new form', async () => {
    page = await session.fresh({ sample: true });
    await total().click(); // the shortcut works from anywhere outside a text field
    await page.keyboard.press('Control+n');
    await drawer().getByLabel('单位全称').fill('未保存的单位');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '继续编辑' }).click();
    // Focus comes back to the form once the question has gone.
    await expect.poll(() => drawer().getByLabel('单位全称').evaluate((element) => element.matches(':focus'))).toBe(true);
    expect(await drawer().getByLabel('单位全称').inputValue()).toBe('未保存的单位');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '放弃修改' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  });

  it('previews the filtered roster for printing and exports it as docx and pdf', async () => {
    page = await session.fresh({ sample: true });
    // The register's own filter (the closed member form also has a 类别 field, later in the page).
    await chooseOption(page, page.getByLabel('类别', { exact: true }).first(), '本科院校');
    await page.getByText('分组名单', { exact: true }).click();
    await expect.poll(() => page.getByTestId('roster-heading').allTextContents()).toEqual(['本科院校（8所）']);
    await page.getByRole('button', { name: '打印预览' }).click();
    const paper = page.getByTestId('print-paper');
    await expect.poll(() => paper.locator('h2').allTextContents()).toEqual(['本科院校（8所）']);
    expect(await paper.locator('h1').textContent()).toBe('长春市汽车产业集群产教联合体成员单位名单');
    expect(await paper.locator('tbody tr').count()).toBe(8);
    const firstName = (await paper.locator('tbody tr').first().locator('td').nth(1).textContent())!;
    // 打印 hands the page to the browser's print; what it prints is the page in print media.
    await page.evaluate(() => {
      const w = globalThis as unknown as { printCalls: number; print(): void };
      w.printCalls = 0;
      w.print = () => void (w.printCalls += 1);
    });
    await page.getByRole('button', { name: '打 印' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { printCalls: number }).printCalls)).toBe(1);
    const printed = pdfText(await page.pdf({ format: 'A4' }));
    expect(printed).toContain('长春市汽车产业集群产教联合体成员单位名单');
    expect(printed).toContain('本科院校（8所）');
    expect(printed.replace(/\s+/g, '')).toContain(firstName.replace(/\s+/g, ''));
    // Only the paper: neither the register behind the preview nor the preview's buttons.
    expect(printed).not.toContain('关闭预览');
    expect(printed).not.toContain('分组名单');
    await page.getByRole('button', { name: '关闭预览' }).click();

    await page.getByRole('button', { name: '导 出' }).first().click();
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Word 文档（.docx，公文样式）' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/成员单位名单-\d{8}\.docx$/);
    expect(docxParagraphs(await docxXml(fs.readFileSync((await docx.path())!)))).toContain('本科院校（8所）');

    await page.getByRole('button', { name: '导 出' }).first().click();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PDF 文件（.pdf，已嵌入字体）' }).click()]);
    const bytes = fs.readFileSync((await pdf.path())!);
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
    expect(pdfText(bytes)).toContain('本科院校（8所）');
    expect(pdfText(bytes)).not.toContain('企业（');
  });

  it('prints a long roster on as many pages as it needs, down to its last row', async () => {
    page = await session.fresh({ sample: true });
    await page.getByText('分组名单', { exact: true }).click();
    await page.getByRole('button', { name: '打印预览' }).click();
    const rows = page.getByTestId('print-paper').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(190);
    const lastName = (await rows.last().locator('td').nth(1).textContent())!;
    const bytes = await page.pdf({ format: 'A4' });
    expect(pdfPageCount(bytes)).toBeGreaterThan(4);
    const printed = pdfText(bytes);
    expect(printed).toContain('企业（120家）');
    expect(printed.replace(/\s+/g, '')).toContain(lastName.replace(/\s+/g, ''));
  });

  it('opens on 工作台 with the expiring agreements and the coming events', async () => {
    await session.fresh({ sample: true, at: null });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [a, b] = [await session.memberId('吉林大学'), await session.memberId('长春市教育局')];
    await session.call('agreements.create', { title: '将到期的人才培养协议', status: 'signed', signedDate: day(-700), effectiveDate: day(-700), endDate: day(30), parties: [{ organizationId: a }, { organizationId: b }] });
    await session.call('events.create', { title: '下周的理事会议', type: 'council_meeting', date: day(7) });
    page = await session.newWindow();
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.isVisible()).toBe(true);
    expect(await page.locator('.ant-menu-item-selected').textContent()).toBe('工作台');
    await expect.poll(() => dashboard.textContent()).toContain('将到期的人才培养协议');
    expect(await dashboard.textContent()).toContain('下周的理事会议');
  });
});

describe('笔画 order', () => {
  /** A select without search: opened, and the option clicked. */
  const pick = (select: ReturnType<Page['getByLabel']>, option: string) => pickOption(page, select, option);

  it('sorts the register, the grouped roster and its export by strokes', async () => {
    page = await session.fresh({ sample: true });
    const byStrokes = (names: string[]) => [...names].sort((a, b) => (strokeSortKey(a) < strokeSortKey(b) ? -1 : 1));
    await pick(page.getByLabel('排序'), '按笔画');
    await expect.poll(() => page.locator('[role=row] .member-name').first().textContent()).toBe('一汽模具制造有限公司');
    const shown = await page.locator('[role=row] .member-name').allTextContents();
    expect(shown.slice(0, 10)).toEqual(byStrokes(shown).slice(0, 10));

    await page.getByText('分组名单', { exact: true }).click();
    await pick(page.getByLabel('名单顺序'), '按笔画');
    const government = page.getByTestId('roster').locator('section').first().locator('tbody tr td:nth-child(2)');
    await expect.poll(async () => {
      const names = await government.allTextContents();
      return names.join('|') === byStrokes(names).join('|') && names.length === 10;
    }).toBe(true);
    const inPage = await government.allTextContents();

    await page.getByRole('button', { name: '导 出' }).first().click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV 文件（.csv，UTF-8）' }).click()]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    const positions = inPage.map((name) => text.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
