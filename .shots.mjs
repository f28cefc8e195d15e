import { chromium } from '@playwright/test';
const base = 'http://localhost:3100';
const [who, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h] of [[390, 844], [1366, 900]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1, hasTouch: w < 500 });
  const page = await ctx.newPage();
  if (who !== 'anon') {
    await page.goto(base + '/sign-in');
    await page.getByLabel('Email address').fill(who);
    await page.getByLabel('Password').fill('countersign-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  }
  for (let p of paths) {
    if (p.startsWith('first:')) {
      const [, list, prefix] = p.split(':');
      await page.goto(base + list);
      p = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
    }
    await page.goto(base + p);
    await page.waitForLoadState("networkidle"); await page.waitForTimeout(800);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `/tmp/shots/${who.split('@')[0]}${p.replace(/[^a-z0-9]+/gi, '_').slice(0, 40)}-${w}.png`;
    await page.screenshot({ path: name });
    console.log(name, 'scrollWidth', sw);
  }
  await ctx.close();
}
await browser.close();
