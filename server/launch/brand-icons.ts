/**
 * `npm run icons`: the favicon and app icons from the brand mark (public/brand/email-logo.svg),
 * written into app/ where Next.js serves them (app/favicon.ico, app/icon.svg, app/apple-icon.png),
 * and the installed app's icons into public/icons/ (named by app/manifest.ts).
 * Run it again after the mark changes and commit what it writes.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MARK = path.join(ROOT, 'public/brand/email-logo.svg');
/** The favicon's sizes: tabs (16, 32) and Windows' shortcuts (48). */
const FAVICON_SIZES = [16, 32, 48];
/** iOS rounds the corners itself and wants no transparency: the mark's colour fills the square. */
const APPLE_ICON_SIZE = 180;
const BRAND = '#1f3a5f';
/** The installed app's icons: the sizes Android and desktop Chrome ask a manifest for. */
export const APP_ICON_SIZES = [192, 512];
/**
 * A maskable icon may be cut to any shape inside its central circle of 80 %: the mark is drawn
 * smaller, on the mark's colour filling the square, so no shape cuts into it.
 */
const MASKABLE_SIZE = 512;
const MASKABLE_MARK_SHARE = 0.7;

/**
 * An ICO file holding PNG images, as every current browser reads them: a 6-byte header, a 16-byte
 * entry per image (its size, where its bytes start), then the PNGs.
 */
export function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const svg = await readFile(MARK);
  const pngs = await Promise.all(
    FAVICON_SIZES.map(async (size) => ({
      size,
      png: await sharp(svg, { density: 300 }).resize(size, size).png().toBuffer(),
    })),
  );
  await writeFile(path.join(ROOT, 'app/favicon.ico'), icoFromPngs(pngs));
  await copyFile(MARK, path.join(ROOT, 'app/icon.svg'));
  await writeFile(
    path.join(ROOT, 'app/apple-icon.png'),
    await sharp(svg, { density: 600 })
      .resize(APPLE_ICON_SIZE, APPLE_ICON_SIZE)
      .flatten({ background: BRAND })
      .png()
      .toBuffer(),
  );
  await writeAppIcons(svg);
  console.log('wrote app/favicon.ico, app/icon.svg, app/apple-icon.png, public/icons/*.png');
}

async function writeAppIcons(svg: Buffer) {
  const folder = path.join(ROOT, 'public/icons');
  await mkdir(folder, { recursive: true });
  for (const size of APP_ICON_SIZES) {
    const png = await sharp(svg, { density: 1200 }).resize(size, size).png().toBuffer();
    await writeFile(path.join(folder, `icon-${size}.png`), png);
  }
  const inner = Math.round(MASKABLE_SIZE * MASKABLE_MARK_SHARE);
  const mark = await sharp(svg, { density: 1200 }).resize(inner, inner).png().toBuffer();
  const maskable = await sharp({
    create: { width: MASKABLE_SIZE, height: MASKABLE_SIZE, channels: 4, background: BRAND },
  })
    .composite([{ input: mark, gravity: 'center' }])
    .png()
    .toBuffer();
  await writeFile(path.join(folder, `icon-maskable-${MASKABLE_SIZE}.png`), maskable);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
