import { launchChromium } from '/work/main/test/support/browser.ts';
const url = process.argv[2]!;
const out = process.argv[3] ?? '/tmp/shot.png';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(1500);
for (const step of process.argv.slice(4)) {
  if (step.startsWith('btn:')) await page.getByRole('button', { name: step.slice(4) }).first().click();
  else if (step.startsWith('go:')) await page.goto(new URL(step.slice(3), page.url()).href);
  else if (step.startsWith('click:')) await page.getByText(step.slice(6), { exact: true }).first().click();
  else if (step.startsWith('wait:')) await page.waitForTimeout(Number(step.slice(5)));
  else if (step.startsWith('key:')) await page.keyboard.press(step.slice(4));
  else if (step.startsWith('type:')) await page.keyboard.type(step.slice(5));
}
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
