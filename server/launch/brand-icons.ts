/**
 * `npm run icons`: the favicon and app icons from the brand mark (public/brand/email-logo.svg),
 * written into app/ where Next.js serves them (app/favicon.ico, app/icon.svg, app/apple-icon.png).
 * Run it again after the mark changes and commit what it writes.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MARK = path.join(ROOT, 'public/brand/email-logo.svg');
/** The favicon's sizes: tabs (16, 32) and Windows' shortcuts (48). */
const FAVICON_SIZES = [16, 32, 48];
/** iOS rounds the corners itself and wants no transparency: the mark's colour fills the square. */
const APPLE_ICON_SIZE = 180;
const BRAND = '#1f3a5f';

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
  console.log('wrote app/favicon.ico, app/icon.svg, app/apple-icon.png');
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
