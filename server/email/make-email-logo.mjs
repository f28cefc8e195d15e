// Renders the emails' logo (public/brand/email-logo.png) from its SVG source. Run once after
// changing the SVG: `node server/email/make-email-logo.mjs`. Email clients do not show SVG, hence a PNG.
import sharp from 'sharp';

const source = new URL('../../public/brand/email-logo.svg', import.meta.url);
const target = new URL('../../public/brand/email-logo.png', import.meta.url);

await sharp(source.pathname, { density: 144 })
  .resize(96, 96)
  .png({ compressionLevel: 9, palette: true })
  .toFile(target.pathname);
