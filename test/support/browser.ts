// Debian's Chromium driven by Playwright; no browser is ever downloaded.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A clerk's window on the browser shell: desktop size, Chinese, downloads allowed, signed in by the URL's token. */
export async function openAppPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })).newPage();
  await page.goto(url);
  // The token is traded for a cookie and leaves the address bar.
  await page.waitForURL((address) => !address.search.includes('token'));
  return page;
}
