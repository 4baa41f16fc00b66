// Choosing in an antd Select from the keyboard, as a clerk who knows the label does: open it, type
// the label, press Enter. Retried until the choice shows, since a loaded machine can drop a key.
import type { Locator, Page } from 'playwright-core';

export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const container = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 0; attempt < 5; attempt++) {
    await select.click();
    await page.keyboard.type(option);
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    for (let wait = 0; wait < 20; wait++) {
      if ((await container.textContent())?.includes(option)) {
        await page.keyboard.press('Escape'); // close a multiple-choice dropdown; harmless otherwise
        return;
      }
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`Could not choose ${option}`);
}
