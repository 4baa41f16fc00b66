// Choosing in an antd Select from the keyboard, as a clerk who knows the label does: open it, type
// the label, press Enter. Retried until the choice shows, since a loaded machine can drop a key.
import type { Locator, Page } from 'playwright-core';

/** The antd Select around a control found by its label (the input, or the select itself). */
export function selectOf(control: Locator): Locator {
  return control.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
}

export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const container = selectOf(select);
  for (let attempt = 0; attempt < 5; attempt++) {
    await select.click();
    await page.keyboard.type(option);
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    for (let wait = 0; wait < 20; wait++) {
      if (await chosen(container, option)) {
        await page.keyboard.press('Escape'); // close a multiple-choice dropdown; harmless otherwise
        return;
      }
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`Could not choose ${option}`);
}

/**
 * Choosing in an antd Select without search by the mouse: open it, click the option, and retry
 * until the choice shows (a click during the list's opening animation can miss).
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  const container = selectOf(select);
  for (let attempt = 0; attempt < 5; attempt++) {
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    if (!(await list.isVisible())) await select.click();
    await list.locator(`.ant-select-item-option[title="${option}"]`).click({ timeout: 5_000 }).catch(() => undefined);
    for (let wait = 0; wait < 20; wait++) {
      if (await chosen(container, option)) {
        if (await list.isVisible()) await page.keyboard.press('Escape'); // a multiple-choice list stays open
        return;
      }
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`Could not pick ${option}`);
}

/**
 * Whether the select shows the option as chosen: a single select's text, or one of a multiple
 * select's tags (its text also mirrors the typed search, which is not a choice).
 */
async function chosen(container: Locator, option: string): Promise<boolean> {
  const multiple = ((await container.getAttribute('class')) ?? '').split(' ').includes('ant-select-multiple');
  if (!multiple) return ((await container.textContent()) ?? '').includes(option);
  return (await container.locator('.ant-select-selection-item').allTextContents()).some((text) => text.includes(option));
}
