import { inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Executor } from '../../../db/client';
import { products } from '../../../db/schema';
import { processPicture } from '../../services/catalog/pictures/process';
import { postgresPictureStore } from '../../services/catalog/pictures/store';
import { demoCatalog } from './catalog-demo';

/** Simple flat drawings per category on a 960 × 960 canvas, the upper part; the name goes below. */
const ART: Record<string, { background: string; ink: string; shapes: string }> = {
  'Paper & Notebooks': {
    background: '#eaf2fb',
    ink: '#1d4f91',
    shapes: `<g transform="rotate(-8 480 380)"><rect x="270" y="170" width="420" height="420" rx="14" fill="#c9dcf2"/></g>
      <g transform="rotate(4 480 380)"><rect x="270" y="170" width="420" height="420" rx="14" fill="#ffffff" stroke="#9fbbe0" stroke-width="4"/>
      <g stroke="#9fbbe0" stroke-width="6">${[250, 310, 370, 430, 490].map((y) => `<line x1="320" y1="${y}" x2="640" y2="${y}"/>`).join('')}</g>
      <line x1="350" y1="190" x2="350" y2="570" stroke="#e58a8a" stroke-width="5"/></g>`,
  },
  'Writing Instruments': {
    background: '#fdf1e4',
    ink: '#8a4b0f',
    shapes: `<g transform="rotate(-40 480 380)"><rect x="250" y="345" width="400" height="70" rx="20" fill="#2f5d9e"/>
      <rect x="600" y="345" width="60" height="70" fill="#d9dee5"/><path d="M660 345 L760 380 L660 415 Z" fill="#f2c998"/>
      <path d="M735 371 L760 380 L735 389 Z" fill="#333"/><rect x="300" y="320" width="140" height="18" rx="9" fill="#1e3f6e"/></g>`,
  },
  'Filing & Storage': {
    background: '#eaf6ee',
    ink: '#1f6b3a',
    shapes: `<path d="M230 230 h170 l40 50 h290 v330 h-500 Z" fill="#d89b2b"/>
      <rect x="250" y="300" width="460" height="260" rx="8" fill="#fff" opacity="0.9"/>
      <path d="M230 330 h500 v280 h-500 Z" fill="#f0b84a"/>`,
  },
  'Desk Accessories': {
    background: '#f3eefb',
    ink: '#5b3a8e',
    shapes: `<rect x="250" y="500" width="460" height="70" rx="30" fill="#4b4f58"/>
      <path d="M270 500 Q300 380 480 370 L700 360 Q730 360 730 395 L730 430 Q720 470 680 470 L300 500 Z" fill="#7b5bb5"/>
      <circle cx="300" cy="500" r="28" fill="#2f3238"/>`,
  },
  'Janitorial & Cleaning': {
    background: '#e7f6f7',
    ink: '#17666d',
    shapes: `<rect x="380" y="330" width="200" height="290" rx="40" fill="#37a3ad"/>
      <rect x="420" y="270" width="120" height="70" rx="10" fill="#e9eef0"/>
      <path d="M420 270 h200 l30 40 h-70 l-20 -10 h-140 Z" fill="#f7f9fa" stroke="#9fb3b8" stroke-width="4"/>
      <rect x="410" y="420" width="140" height="110" rx="12" fill="#ffffff" opacity="0.85"/>
      <circle cx="700" cy="260" r="14" fill="#9bd6db"/><circle cx="740" cy="300" r="10" fill="#9bd6db"/><circle cx="720" cy="220" r="8" fill="#9bd6db"/>`,
  },
  'Safety & Protective Equipment': {
    background: '#fff5dc',
    ink: '#8a5a00',
    shapes: `<path d="M270 500 A210 210 0 0 1 690 500 Z" fill="#f5b400"/>
      <rect x="220" y="490" width="520" height="50" rx="25" fill="#e09e00"/>
      <rect x="455" y="290" width="50" height="210" rx="20" fill="#ffd24d"/>`,
  },
  'Fasteners & Hardware': {
    background: '#eef1f4',
    ink: '#3b4754',
    shapes: `<polygon points="380,250 520,250 590,371 520,492 380,492 310,371" fill="#8c99a6"/>
      <circle cx="450" cy="371" r="62" fill="#eef1f4"/>
      <g transform="rotate(30 620 430)"><rect x="590" y="300" width="60" height="300" fill="#a7b2bd"/>
      <g stroke="#7d8995" stroke-width="6">${[340, 370, 400, 430, 460, 490, 520, 550].map((y) => `<line x1="590" y1="${y}" x2="650" y2="${y + 12}"/>`).join('')}</g>
      <rect x="560" y="270" width="120" height="45" rx="6" fill="#6f7c89"/></g>`,
  },
  'Packaging & Shipping': {
    background: '#f7efe4',
    ink: '#7a4a1c',
    shapes: `<polygon points="480,190 720,290 480,390 240,290" fill="#e2b57f"/>
      <polygon points="240,290 480,390 480,620 240,520" fill="#c98f4e"/>
      <polygon points="720,290 480,390 480,620 720,520" fill="#b47a3c"/>
      <polygon points="345,234 585,334 615,322 375,222" fill="#f1e0c2"/>`,
  },
};

const FALLBACK = {
  background: '#f2f4f7',
  ink: '#344054',
  shapes: '<rect x="300" y="220" width="360" height="360" rx="40" fill="#cfd6e0"/>',
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

/**
 * A product family's illustration with its name below. Without any font installed the text simply
 * does not render and the drawing alone still looks deliberate, so nothing depends on fonts.
 */
export function demoPictureSvg(category: string, title: string): string {
  const art = ART[category] ?? FALLBACK;
  const size = Math.min(64, Math.floor(1500 / Math.max(title.length, 1)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="960" viewBox="0 0 960 960">
  <rect width="960" height="960" fill="${art.background}"/>
  ${art.shapes}
  <text x="480" y="770" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="${size}" fill="${art.ink}">${escapeXml(title)}</text>
  <text x="480" y="840" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif" font-size="32" fill="${art.ink}" opacity="0.7">${escapeXml(category)}</text>
</svg>`;
}

/**
 * Gives every demo product a picture: one illustration per product family (its variants share it,
 * as stores show one photo for the sizes and colours of a product), drawn as SVG, rendered by sharp
 * and stored through the same checks and store as an upload. One per family, not per product,
 * keeps it quicker: about a hundred renders instead of three hundred. Separate from seedDemoData,
 * which tests call often, and safe to run again (content-addressed rows, same keys).
 */
export async function seedDemoPictures(
  db: Executor,
  catalog: readonly { sku: string; category: string; family: string }[] = demoCatalog(),
): Promise<void> {
  const store = postgresPictureStore(db);
  const families = new Map<string, { category: string; title: string; skus: string[] }>();
  for (const product of catalog) {
    const id = `${product.category}\u0000${product.family}`;
    const family = families.get(id) ?? { category: product.category, title: product.family, skus: [] };
    family.skus.push(product.sku);
    families.set(id, family);
  }
  const queue = [...families.values()];
  // Two at a time: sharp renders off the main thread while the other family's rows are written.
  const worker = async () => {
    for (let family = queue.shift(); family; family = queue.shift()) {
      const source = await sharp(Buffer.from(demoPictureSvg(family.category, family.title)))
        .png({ compressionLevel: 1 })
        .toBuffer();
      const outcome = await processPicture(source);
      if (!outcome.ok) throw new Error(`seed: the picture of ${family.title} was refused: ${outcome.message}`);
      await store.save(outcome.picture.key, outcome.picture.variants);
      await db.update(products).set({ pictureKey: outcome.picture.key }).where(inArray(products.sku, family.skus));
    }
  };
  await Promise.all([worker(), worker()]);
}
