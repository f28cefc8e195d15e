import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';

type FeedPage = {
  orders: { number: string; status: string; statusCode: string }[];
  nextCursor: string;
  hasMore: boolean;
};

const readFeed = (page: Page, key: string, query = '') =>
  page.request.get(`/api/erp/orders${query}`, { headers: { authorization: `Bearer ${key}` } });

test.describe('the ERP order feed and its keys', () => {
  test('staff create a key, the ERP reads the feed with it, and once revoked it is refused', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = `E2E ERP ${randomUUID().slice(0, 8)}`;
    await signInViaApi(page, 'admin@countersign.test');
    await page.goto('/staff/erp');
    await page.getByRole('navigation', { name: 'ERP customers' }).getByRole('link', { name: 'Feed keys' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ERP feed keys' })).toBeVisible();
    const main = page.getByRole('main');

    // Create: the key is shown once, with a copy button and the warning.
    await main.getByLabel('Key name').fill(name);
    await main.getByRole('button', { name: 'Create key' }).click();
    await expect(main.getByRole('status').filter({ hasText: `Key “${name}” created` })).toContainText(
      'you will not see it again',
    );
    const key = await main.getByLabel('Your new API key').inputValue();
    expect(key).toMatch(/^cs_live_[A-Za-z0-9_-]{32,}$/);
    await main.getByRole('button', { name: 'Copy the key' }).click();
    await expect(main.getByText('Copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The ERP reads a page, then the next one with the cursor it was given.
    const first = await readFeed(page, key, '?limit=5');
    expect(first.status(), await first.text()).toBe(200);
    const body = (await first.json()) as FeedPage;
    expect(Array.isArray(body.orders)).toBe(true);
    expect(body.orders.length).toBeLessThanOrEqual(5);
    expect(typeof body.nextCursor).toBe('string');
    expect(typeof body.hasMore).toBe('boolean');
    for (const order of body.orders)
      expect(order).toMatchObject({ number: expect.any(String), statusCode: expect.stringMatching(/^[WNABCRSDX]$/) });
    const second = await readFeed(page, key, `?limit=5&cursor=${encodeURIComponent(body.nextCursor)}`);
    expect(second.status()).toBe(200);
    expect((await readFeed(page, key, '?cursor=garbage')).status()).toBe(400);

    // The list shows the key by its prefix, used just now; the key itself is nowhere on the page.
    await page.goto(`/staff/erp/keys?q=${encodeURIComponent(name)}`);
    const row = main.getByRole('row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(key.slice(0, 16));
    await expect(row).toContainText('Active');
    await expect(row).not.toContainText('Never');
    expect(await page.content()).not.toContain(key);

    // Revoke: confirmed in place, then listed as revoked, and the feed answers 401.
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await row.getByRole('button', { name: `Yes, revoke ${name}` }).click();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);
    await page.reload();
    await expect(main.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
    const refused = await readFeed(page, key);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'unauthorized' });
  });

  test('the feed refuses a call without a key', async ({ page }) => {
    const answer = await page.request.get('/api/erp/orders');
    expect(answer.status()).toBe(401);
    expect(await answer.json()).toMatchObject({
      error: 'unauthorized',
      message: expect.stringContaining('Authorization: Bearer'),
    });
  });
});
