import { createHash } from 'node:crypto';
import { expect, test } from './fixtures/test';
import sharp from 'sharp';
import { demoCatalog } from '@/server/launch/seed/catalog-demo';
import { signInViaApi, switchUser } from './fixtures/auth';

/** A Desk Accessories product Northwind sees; each project takes its own, so parallel runs never meet. */
function productFor(project: string) {
  const candidates = demoCatalog().filter(
    (product) => product.active && product.category === 'Desk Accessories' && product.prices['Preferred USD'],
  );
  const product = candidates[project === 'phone' ? 1 : 0];
  if (!product) throw new Error('the demo catalog has too few Desk Accessories');
  return product;
}

test('staff upload a product picture, a text file is refused beside the field, and a buyer sees the picture', async ({
  page,
}, testInfo) => {
  const product = productFor(testInfo.project.name);
  // A colour of this run: the key is the hash of the file, so it is new every run.
  const seed = Date.now() % 200;
  const png = await sharp({
    create: { width: 240, height: 160, channels: 3, background: { r: 30 + seed, g: 120, b: 200 } },
  })
    .png()
    .toBuffer();
  const key = createHash('sha256').update(png).digest('hex');

  await signInViaApi(page, 'admin@countersign.test');
  await page.goto(`/staff/catalog/${encodeURIComponent(product.sku)}`);
  await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
  const main = page.getByRole('main');
  const section = main.getByRole('region', { name: 'Picture', exact: true });
  const field = section.getByLabel(/^(Add a|Replace the) picture$/);

  // Text dressed up as a PNG: refused by its content, the message beside the field.
  await field.setInputFiles({ name: 'not-really.png', mimeType: 'image/png', buffer: Buffer.from('just some text\n') });
  await section.getByRole('button', { name: 'Upload' }).click();
  const refusal = 'This file is not a picture (it holds text); only JPEG, PNG or WebP pictures are accepted.';
  await expect(section.getByText(refusal)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  await field.setInputFiles({ name: 'stapler.png', mimeType: 'image/png', buffer: png });
  await section.getByRole('button', { name: 'Upload' }).click();
  await expect(section.getByRole('status')).toContainText('Picture saved.');
  const shown = section.getByRole('img', { name: product.name });
  await expect(shown).toHaveAttribute('src', `/pictures/${key}/detail.webp`);
  await expect.poll(() => shown.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(960);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // The staff list shows its thumbnail.
  await page.goto(`/staff/catalog?q=${encodeURIComponent(product.sku)}`);
  await expect(main.locator(`img[src="/pictures/${key}/thumb.webp"]`)).toHaveCount(1);

  // A buyer's product page shows the new picture, served as immutable WebP.
  await switchUser(page, 'bob@northwind.test');
  await page.goto(`/catalog/${encodeURIComponent(product.sku)}`);
  await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
  const picture = page.getByRole('main').locator(`img[src^="/pictures/${key}/"]`).first();
  await expect(picture).toBeVisible();
  await expect
    .poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
  const src = (await picture.getAttribute('src')) ?? '';
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');

  // Pictures are public (emails load them without cookies); a made-up key is simply not there.
  await page.context().clearCookies();
  expect((await page.request.get(src)).status()).toBe(200);
  expect((await page.request.get(`/pictures/${'0'.repeat(64)}/thumb.webp`)).status()).toBe(404);
  expect((await page.request.get(`/pictures/not-a-key/thumb.webp`)).status()).toBe(404);
});
