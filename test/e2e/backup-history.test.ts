// Backups, restores, history and recovery of a damaged file, in Chromium against the browser shell.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, pickOption } from '../support/antd.js';
import { E2eSession } from '../support/e2e-session.js';
import { damage } from '../support/folder.js';
import { tempDir } from '../support/migrations.js';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await E2eSession.start();
});
afterAll(async () => {
  await session?.stop();
});

const total = () => page.getByTestId('member-total');

describe('backups and history, end to end', () => {
  it('shows the open file and saves a backup where the clerk chooses', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    expect(await page.getByTestId('data-file').textContent()).toBe(path.join(session.dataDir, 'alliance.sqlite'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '立即备份…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^联合体数据备份-\d{8}-\d{6}\.sqlite$/);
    const saved = path.join(tempDir(), 'backup.sqlite');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 15).toString()).toBe('SQLite format 3');
    // The clerk is told, and the copy she asked for is in the list.
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain(`已备份为 ${download.suggestedFilename()}`);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '手动' }).count()).toBe(1);
  });

  it('restores a deleted member from the history', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await page.getByLabel(/搜索单位名称/).fill('长春东方职业学院');
    await page.locator('[role=row]', { hasText: '长春东方职业学院' }).click();
    await page.getByRole('button', { name: '删除此单位' }).click();
    await page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await expect.poll(() => total().textContent()).toBe('共 0 家单位');
    await page.getByLabel(/搜索单位名称/).fill('');
    await expect.poll(() => total().textContent()).toBe('共 189 家单位');

    await page.getByRole('menuitem', { name: '变更记录' }).click();
    const row = page.locator('.ant-table-row', { hasText: '长春东方职业学院' }).filter({ hasText: '删除' });
    await row.getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByText('已恢复', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  });

  it('shows the history in the clerk’s words, live, searchable by record, kind and day, each entry opening its fields', async () => {
    page = await session.fresh({ sample: true });
    const drawer = page.locator('.ant-drawer-open');
    await page.getByLabel(/搜索单位名称/).fill('吉林大学');
    await page.locator('[role=row]', { hasText: '吉林大学' }).first().click();
    await drawer.getByLabel('简称').fill('吉大');
    await pickOption(page, drawer.getByLabel('联合体职务'), '理事单位');
    await drawer.getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => drawer.count()).toBe(0);
    // Opened again, the member's own history has the change already, with labels and names.
    await page.locator('[role=row]', { hasText: '吉林大学' }).first().click();
    const own = page.getByTestId('record-history');
    await expect.poll(() => own.textContent()).toContain('简称：— → 吉大');
    expect(await own.textContent()).toMatch(/联合体职务：[^→]+ → 理事单位/);
    expect(await own.textContent()).not.toMatch(/council|member →/);
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: '变更记录' }).click();
    await page.getByLabel('搜索记录中的名称、编号、联系人或电话').fill('吉大');
    await chooseOption(page, page.getByLabel('记录类型'), '成员单位');
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    await expect.poll(() => page.getByTestId('change-fields').textContent()).toContain('简称：— → 吉大');
    // A change made elsewhere (here through the API, as another window would) shows without a reload.
    await session.call('members.create', { name: '吉大科技园（新）', category: 'enterprise' });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    // Days: nothing was changed tomorrow.
    await page.getByPlaceholder('开始日期').click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.getByPlaceholder('开始日期').fill(day);
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill(day);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('没有符合条件的变更记录').isVisible()).toBe(true);
  });

  it('restores a backup, and undoes that restore from the backup taken before it', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('button', { name: '新增成员单位' }).click();
    await page.getByRole('dialog').getByLabel('单位全称').fill('备份后新增的单位');
    await chooseOption(page, page.getByRole('dialog').getByLabel('类别', { exact: true }), '企业');
    await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => total().textContent()).toBe('共 191 家单位');

    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    await page.locator('.ant-table-row', { hasText: '启动时' }).first().getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '恢复前' }).count()).toBe(1);
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');

    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    await page.locator('.ant-table-row', { hasText: '恢复前' }).getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await expect.poll(() => total().textContent()).toBe('共 191 家单位');
  });

  it('opens a damaged file in recovery mode and restores the newest good backup', async () => {
    await session.fresh({ sample: true });
    await session.call('members.create', { name: '备份后新增的单位', category: 'enterprise' });
    // The shell is stopped, the file damaged behind its back, and the shell started again.
    page = await session.restart(() => damage(path.join(session.dataDir, 'alliance.sqlite')));
    // The damage is found by the start-up check on its worker: on a loaded machine that takes a while.
    await expect.poll(() => page.getByTestId('recovery').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByText('数据文件需要修复').count()).toBe(1);
    // The kind of damage is named, in the clerk's words.
    expect(await page.getByText('数据文件未通过完整性检查，内容已损坏。').count()).toBe(1);
    // Another folder can be opened from here too.
    expect(await page.getByRole('button', { name: /^打\s?开$/ }).count()).toBe(1);
    await page.locator('.ant-table-row').first().getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    // The newest good backup is the start-up one, taken before the unit was added.
    await expect.poll(() => total().textContent(), { timeout: 15_000 }).toBe('共 190 家单位');
    expect(fs.readdirSync(session.dataDir).some((n) => n.startsWith('alliance.damaged-'))).toBe(true);
  });

  it('leaves a way back after restoring a backup of an empty file: the welcome screen lists the backups', async () => {
    page = await session.fresh({ at: null });
    await session.call('backups.create', {}); // a kept copy of the empty file
    await session.call('sample.load', {});
    await page.reload();
    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    await page.locator('.ant-table-row', { hasText: '手动' }).getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    // The empty file is back, and with it the welcome screen: which offers the backup taken before the restore.
    await expect.poll(() => page.getByText('已有数据？恢复备份，打开数据所在的文件夹，或合并同事的交换文件').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^打\s?开$/ }).count()).toBe(1);
    await page.locator('.ant-table-row', { hasText: '恢复前' }).first().getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await expect.poll(() => total().textContent(), { timeout: 15_000 }).toBe('共 190 家单位');
  });

  it('saves the data as a new folder and shows the new path', async () => {
    page = await session.fresh({ sample: true });
    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    const copy = path.join(tempDir(), '联合体数据副本');
    // Typed with stray spaces and a "./": the app shows the path as it reads it, for the clerk to confirm.
    await page.getByLabel('数据文件夹的完整路径').fill(` ${path.dirname(copy)}/./${path.basename(copy)} `);
    await page.getByRole('button', { name: '另存为（连同附件）' }).click();
    await expect.poll(() => page.getByTestId('confirm-path').textContent()).toBe(copy);
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '另存为（连同附件）' }).click();
    await expect.poll(() => page.getByTestId('data-file').textContent()).toBe(path.join(copy, 'alliance.sqlite'));
    await page.getByLabel('数据文件夹的完整路径').fill('相对路径');
    await page.getByRole('button', { name: /^打\s?开$/ }).click();
    await expect.poll(() => page.getByText('请填写完整路径，例如 D:\\联合体数据').count()).toBe(1);
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await expect.poll(() => total().textContent()).toBe('共 190 家单位');
  });

  it('names the agreement whose scan has gone missing when the clerk runs the check', async () => {
    page = await session.fresh({ sample: true });
    const agreement = (await session.call('agreements.list', { limit: 1 })).rows[0]!;
    const attachment = await session.call('attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: '协议扫描件.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') });
    fs.rmSync(path.join(session.dataDir, 'attachments', attachment.sha256.slice(0, 2), attachment.sha256));
    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    await page.getByRole('button', { name: '完整性检查' }).click();
    await expect.poll(() => page.getByTestId('check-result').textContent()).toContain(`“${agreement.number} ${agreement.title}”的附件“协议扫描件.pdf”：文件缺失`);
  });
});
