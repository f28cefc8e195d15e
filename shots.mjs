import { chromium } from '@playwright/test';
const base = 'http://localhost:3100';
const [who, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h] of [[390, 844], [1366, 900]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(base + '/sign-in');
  await page.getByLabel('Email address').fill(who);
  await page.getByLabel('Password').fill('countersign-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (const p of paths) {
    await page.goto(base + p);
    await page.waitForTimeout(500);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `/tmp/shots/${who.split('@')[0]}${p.replace(/[^a-z0-9]+/gi, '_')}-${w}.png`;
    await page.screenshot({ path: name });
    console.log(name, 'scrollWidth', sw);
  }
  await ctx.close();
}
await browser.close();
