import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditLog, productImages, products } from '@/db/schema';
import { PICTURE_LIMITS } from '@/server/domain/catalog/pictures';
import { sessionTimeouts } from '@/server/env';
import { resolveViewer } from '@/server/services/identity/viewer';
import { createProduct } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createMember, createOrganization, signIn } from '@/server/testing/factories';
import { staffMember } from '@/server/testing/staff-orders';
import { pictureServingRoute, productPictureRoutes } from './picture-routes';
import { processPicture } from './process';
import { postgresPictureStore } from './store';

const database = setupTestDatabase();
const store = postgresPictureStore(() => database.db);
const APP_URL = 'http://localhost:3000';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 60 } } });
const jpeg = () => solid(400, 200).jpeg().toBuffer();
const png = () => solid(120, 300).png().toBuffer();
const webp = () => solid(1500, 1000).webp().toBuffer();
const text = (value: string) => Buffer.from(value, 'utf8');

async function refusalOf(bytes: Uint8Array) {
  const outcome = await processPicture(bytes);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome;
}

async function expectStillWorking() {
  const outcome = await processPicture(await png());
  expect(outcome.ok).toBe(true);
}

describe('processPicture refuses', () => {
  it('a file over 10 MB, saying its size', async () => {
    const large = Buffer.alloc(PICTURE_LIMITS.maxBytes + 300 * 1024);
    (await png()).copy(large);
    expect(await refusalOf(large)).toEqual({
      ok: false,
      reason: 'too_large',
      message: 'The picture is 10.3 MB; the largest accepted is 10 MB.',
    });
    await expectStillWorking();
  });

  it('a GIF, saying it is one', async () => {
    const gif = await solid(20, 20).gif().toBuffer();
    expect((await refusalOf(gif)).message).toBe(
      'This file is a GIF image; only JPEG, PNG or WebP pictures are accepted.',
    );
    await expectStillWorking();
  });

  it('plain text, saying it is not a picture', async () => {
    expect((await refusalOf(text('Just some words, named picture.jpg by someone.\n'))).message).toBe(
      'This file is not a picture (it holds text); only JPEG, PNG or WebP pictures are accepted.',
    );
    await expectStillWorking();
  });

  it('an SVG drawing (it could carry scripts), saying what it is', async () => {
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect((await refusalOf(svg)).message).toBe(
      'This file is an SVG drawing; only JPEG, PNG or WebP pictures are accepted.',
    );
  });

  it('a PNG of 8000 × 6000 pixels (a small file, 48 megapixels) without decoding it', async () => {
    const huge = await solid(8000, 6000).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(PICTURE_LIMITS.maxBytes);
    expect(await refusalOf(huge)).toEqual({
      ok: false,
      reason: 'too_many_pixels',
      message: 'The picture is 8000 × 6000 pixels (48 megapixels); the largest accepted is 40 megapixels.',
    });
    await expectStillWorking();
  });

  it('a file that starts like a PNG and then breaks off', async () => {
    const broken = (await png()).subarray(0, 40);
    expect(await refusalOf(broken)).toMatchObject({ ok: false, reason: 'unreadable' });
    await expectStillWorking();
  });
});

describe('processPicture renders', () => {
  it.each([
    ['JPEG', jpeg, 'jpeg'],
    ['PNG', png, 'png'],
    ['WebP', webp, 'webp'],
  ])('a %s into a WebP thumbnail and detail of their square sizes', async (_name, make, format) => {
    const bytes = await make();
    const outcome = await processPicture(bytes);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.picture.format).toBe(format);
    expect(outcome.picture.key).toMatch(/^[0-9a-f]{64}$/);
    for (const [variant, side] of [
      ['thumb', 320],
      ['detail', 960],
    ] as const) {
      const rendered = outcome.picture.variants[variant];
      expect(rendered).toMatchObject({ contentType: 'image/webp', width: side, height: side });
      const meta = await sharp(rendered.bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: side, height: side });
      expect(meta.exif).toBeUndefined();
    }
  });

  it('judges by content: JPEG bytes are a JPEG whatever the name said', async () => {
    const outcome = await processPicture(await jpeg());
    expect(outcome).toMatchObject({ ok: true, picture: { format: 'jpeg' } });
  });

  it('applies the EXIF rotation and strips the metadata', async () => {
    // 200 × 100 stored, orientation 6 (rotate 90°): shown 100 wide, 200 high.
    const rotated = await solid(200, 100)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret camera owner' } } })
      .toBuffer();
    const outcome = await processPicture(rotated);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.picture).toMatchObject({ width: 200, height: 100 });
    const detail = outcome.picture.variants.detail.bytes;
    const meta = await sharp(detail).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // The picture fills the height once upright: the middle of the top row is red, its left edge white.
    const { data, info } = await sharp(detail).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels];
    expect(at(480, 2)).toBeGreaterThan(150);
    expect(at(2, 480)).toBe(255);
  });

  it('gives the same bytes the same key, and the store keeps one copy', async () => {
    const bytes = await png();
    const first = await processPicture(bytes);
    const second = await processPicture(Buffer.from(bytes));
    if (!first.ok || !second.ok) throw new Error('expected pictures');
    expect(second.picture.key).toBe(first.picture.key);
    await store.save(first.picture.key, first.picture.variants);
    await store.save(second.picture.key, second.picture.variants);
    const rows = await database.db.select().from(productImages).where(eq(productImages.key, first.picture.key));
    expect(rows.map((row) => row.variant).sort()).toEqual(['detail', 'thumb']);
    expect(await store.load(first.picture.key, 'thumb')).toMatchObject({ contentType: 'image/webp' });
    expect(await store.load('f'.repeat(64), 'thumb')).toBeNull();
  });
});

describe('the picture routes', () => {
  const routes = productPictureRoutes({
    db: () => database.db,
    // Stands in for the session cookie: tests name the session in a header of their own.
    viewer: async (request) => {
      const sessionId = request.headers.get('x-test-session');
      return sessionId ? resolveViewer(database.db, sessionId, new Date(), sessionTimeouts()) : null;
    },
    appUrl: () => APP_URL,
    store,
  });
  const serve = pictureServingRoute(store);

  async function sessionOf(kind: 'staff' | 'clerk' | 'buyer') {
    if (kind === 'buyer') {
      const organization = await createOrganization(database.db);
      const { membership } = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
      return (await signIn(database.db, membership)).sessionId ?? '';
    }
    const { membership } = await staffMember(database.db, kind === 'staff' ? 'seller_admin' : 'fulfillment_clerk');
    return (await signIn(database.db, membership)).sessionId ?? '';
  }

  function upload(
    sku: string,
    file: Blob | null,
    options: { session?: string; origin?: string | null; headers?: Record<string, string> } = {},
  ) {
    const form = new FormData();
    if (file) form.set('picture', file, 'picture.png');
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) headers['x-test-session'] = options.session;
    if (options.origin !== null) headers.origin = options.origin ?? APP_URL;
    const request = new Request(`${APP_URL}/api/staff/products/${sku}/picture`, {
      method: 'POST',
      body: form,
      headers,
    });
    return routes.POST(request, { params: Promise.resolve({ sku }) });
  }

  const get = (key: string, file: string, headers: Record<string, string> = {}) =>
    serve(new Request(`${APP_URL}/pictures/${key}/${file}`, { headers }), { params: Promise.resolve({ key, file }) });

  it('refuses without a session (401), a buyer and staff without the catalog permission (403)', async () => {
    const product = await createProduct(database.db);
    const file = new Blob([await png()]);
    const anonymous = await upload(product.sku, file);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Your session has ended. Please sign in again.' });
    expect((await upload(product.sku, file, { session: await sessionOf('buyer') })).status).toBe(403);
    expect((await upload(product.sku, file, { session: await sessionOf('clerk') })).status).toBe(403);
    const [unchanged] = await database.db.select().from(products).where(eq(products.id, product.id));
    expect(unchanged?.pictureKey).toBeNull();
  });

  it('refuses a cross-site request (403), even from staff with the permission', async () => {
    const product = await createProduct(database.db);
    const session = await sessionOf('staff');
    const file = new Blob([await png()]);
    expect((await upload(product.sku, file, { session, origin: 'https://evil.example.net' })).status).toBe(403);
    expect((await upload(product.sku, file, { session, origin: null })).status).toBe(403);
    const crossSite = await upload(product.sku, file, { session, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });

  it('refuses more than 10 MB with 413 and a message, before reading the picture', async () => {
    const product = await createProduct(database.db);
    const session = await sessionOf('staff');
    const large = await upload(product.sku, new Blob([Buffer.alloc(PICTURE_LIMITS.maxBytes + 1024 * 1024)]), {
      session,
    });
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ message: 'The picture is larger than 10 MB, the largest accepted.' });
  });

  it('answers 4xx with the message beside the field for a text file, a missing file or an unknown product', async () => {
    const product = await createProduct(database.db);
    const session = await sessionOf('staff');
    const textFile = await upload(product.sku, new Blob([text('not a picture at all')], { type: 'image/png' }), {
      session,
    });
    expect(textFile.status).toBe(422);
    expect(await textFile.json()).toEqual({
      message: 'This file is not a picture (it holds text); only JPEG, PNG or WebP pictures are accepted.',
      fieldErrors: {
        picture: ['This file is not a picture (it holds text); only JPEG, PNG or WebP pictures are accepted.'],
      },
    });
    expect((await upload(product.sku, null, { session })).status).toBe(400);
    expect((await upload('NO-SUCH-SKU', new Blob([await png()]), { session })).status).toBe(404);
    const notMultipart = await routes.POST(
      new Request(`${APP_URL}/api/staff/products/${product.sku}/picture`, {
        method: 'POST',
        body: '{"picture":"x"}',
        headers: { origin: APP_URL, 'x-test-session': session, 'content-type': 'application/json' },
      }),
      { params: Promise.resolve({ sku: product.sku }) },
    );
    expect(notMultipart.status).toBe(415);
  });

  it('sets the picture, serves it as immutable WebP, and removes it again', async () => {
    const product = await createProduct(database.db);
    const session = await sessionOf('staff');
    const response = await upload(product.sku, new Blob([await jpeg()], { type: 'image/png' }), { session });
    expect(response.status).toBe(200);
    const { pictureKey } = (await response.json()) as { pictureKey: string };
    expect(pictureKey).toMatch(/^[0-9a-f]{64}$/);
    const [updated] = await database.db.select().from(products).where(eq(products.id, product.id));
    expect(updated?.pictureKey).toBe(pictureKey);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, product.id));
    expect(audit.map((entry) => entry.action)).toEqual(['catalog.picture_set']);

    const served = await get(pictureKey, 'thumb.webp');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('etag')).toBe(`"${pictureKey}-thumb"`);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(320);
    expect((await get(pictureKey, 'detail.webp', { 'if-none-match': `"${pictureKey}-detail"` })).status).toBe(304);

    const removal = await routes.DELETE(
      new Request(`${APP_URL}/api/staff/products/${product.sku}/picture`, {
        method: 'DELETE',
        headers: { origin: APP_URL, 'x-test-session': session },
      }),
      { params: Promise.resolve({ sku: product.sku }) },
    );
    expect(removal.status).toBe(200);
    const [removed] = await database.db.select().from(products).where(eq(products.id, product.id));
    expect(removed?.pictureKey).toBeNull();
    const crossSiteRemoval = await routes.DELETE(
      new Request(`${APP_URL}/api/staff/products/${product.sku}/picture`, {
        method: 'DELETE',
        headers: { origin: 'https://evil.example.net', 'x-test-session': session },
      }),
      { params: Promise.resolve({ sku: product.sku }) },
    );
    expect(crossSiteRemoval.status).toBe(403);
  });

  it('answers 404 to an unknown key, a malformed key and an unknown file name', async () => {
    expect((await get('a'.repeat(64), 'thumb.webp')).status).toBe(404);
    expect((await get('not-a-key', 'thumb.webp')).status).toBe(404);
    expect((await get('A'.repeat(64), 'thumb.webp')).status).toBe(404);
    expect((await get('a'.repeat(64), 'thumb.png')).status).toBe(404);
    expect((await get('a'.repeat(64), 'original.webp')).status).toBe(404);
  });
});
