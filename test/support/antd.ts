// Choosing in an antd Select as a person does (open it, click the option), retried until the choice
// shows: on a loaded machine the dropdown's opening animation can swallow the first click.
import type { Locator, Page } from 'playwright-core';

export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await select.click();
    const item = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`);
    await item.waitFor({ state: 'visible', timeout: 5_000 });
    await item.click();
    const container = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    for (let wait = 0; wait < 20; wait++) {
      if ((await container.textContent())?.includes(option)) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`Could not choose ${option}`);
}
