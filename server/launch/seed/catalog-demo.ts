import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { fulfillmentCenters, inventory, priceListPrices, priceLists, products } from '../../../db/schema';
import { DEMO_PRICE_LISTS } from './onboarding-demo';

export const DEMO_CENTERS = [
  { code: 'EAST', name: 'Newark, NJ' },
  { code: 'WEST', name: 'Reno, NV' },
] as const;

type PriceListName = (typeof DEMO_PRICE_LISTS)[number]['name'];
type CenterCode = (typeof DEMO_CENTERS)[number]['code'];

/** A family of products: one base name, sold by one unit, at about one price (USD cents), in variants. */
type Family = [base: string, unit: string, baseCents: number, variants: string[]];

const CATEGORIES: { name: string; prefix: string; families: Family[] }[] = [
  {
    name: 'Paper & Notebooks',
    prefix: 'PAP',
    families: [
      [
        'Copy paper',
        'case of 10 reams',
        5499,
        [
          'Letter 20 lb white',
          'Letter 24 lb bright white',
          'Legal 20 lb white',
          'A4 80 g white',
          'Letter 30% recycled',
          'Ledger 11 x 17 in white',
          'Letter 20 lb pastel blue',
          'Letter 20 lb canary',
        ],
      ],
      [
        'Spiral notebook',
        'each',
        399,
        [
          'college ruled 70 sheets',
          'wide ruled 70 sheets',
          '3-subject 120 sheets',
          '5-subject 200 sheets',
          'graph ruled 80 sheets',
        ],
      ],
      [
        'Legal pad',
        'pack of 12',
        1899,
        ['yellow letter 50 sheets', 'white letter 50 sheets', 'yellow junior 50 sheets'],
      ],
      [
        'Sticky notes',
        'pack of 12 pads',
        1299,
        ['3 x 3 in yellow', '3 x 3 in assorted neon', '4 x 6 in lined', '1.5 x 2 in yellow'],
      ],
      ['Index cards', 'pack of 100', 349, ['3 x 5 in ruled white', '4 x 6 in plain white', '3 x 5 in assorted colors']],
      ['Composition book', 'each', 249, ['wide ruled black marble', 'college ruled black marble']],
      ['Presentation paper', 'pack of 150', 2499, ['laser gloss letter', 'inkjet matte letter']],
      ['Thermal paper rolls', 'case of 50', 3999, ['2-1/4 in x 50 ft', '3-1/8 in x 230 ft']],
      [
        'Label sheets',
        'pack of 100 sheets',
        2899,
        ['address 1 x 2-5/8 in', 'shipping 2 x 4 in', 'full sheet 8.5 x 11 in'],
      ],
      ['Envelopes', 'box of 500', 2199, ['#10 security tint', '#10 window', '9 x 12 in catalog', '10 x 13 in clasp']],
    ],
  },
  {
    name: 'Writing Instruments',
    prefix: 'WRI',
    families: [
      [
        'Ballpoint pens',
        'box of 12',
        699,
        [
          'medium black',
          'medium blue',
          'medium red',
          'fine black',
          'fine blue',
          'retractable black',
          'retractable blue',
        ],
      ],
      ['Gel pens', 'pack of 12', 1299, ['0.7 mm black', '0.7 mm blue', '0.5 mm black', 'assorted colors']],
      ['Permanent markers', 'pack of 12', 1099, ['fine black', 'ultra fine black', 'chisel black', 'fine assorted']],
      ['Dry erase markers', 'pack of 12', 1499, ['chisel black', 'chisel assorted', 'fine assorted', 'low odor black']],
      ['Highlighters', 'pack of 12', 899, ['chisel yellow', 'chisel assorted', 'pen-style assorted']],
      ['Wood pencils', 'box of 24', 549, ['#2 HB yellow', '#2 HB pre-sharpened']],
      ['Mechanical pencils', 'pack of 12', 1199, ['0.5 mm', '0.7 mm', '0.9 mm']],
      ['Pencil lead refills', 'pack of 12 tubes', 899, ['0.5 mm HB', '0.7 mm HB']],
      ['Correction tape', 'pack of 10', 1599, ['1/5 in x 33 ft', '1/6 in x 39 ft']],
      ['Rollerball pens', 'pack of 12', 1899, ['0.5 mm black', '0.7 mm blue']],
      ['Erasers', 'pack of 20', 599, ['white vinyl', 'pink block']],
      ['Fountain pen cartridges', 'pack of 30', 799, ['black', 'blue']],
      ['Whiteboard erasers', 'each', 399, ['felt', 'magnetic']],
    ],
  },
  {
    name: 'Filing & Storage',
    prefix: 'FIL',
    families: [
      [
        'File folders',
        'box of 100',
        1899,
        ['letter 1/3 cut manila', 'legal 1/3 cut manila', 'letter assorted colors', 'letter reinforced tab'],
      ],
      ['Hanging file folders', 'box of 25', 1799, ['letter green', 'legal green', 'letter assorted colors']],
      ['Expanding files', 'each', 1499, ['13-pocket letter', '26-pocket letter', '21-pocket legal']],
      [
        'Ring binders',
        'each',
        499,
        ['1 in white view', '1.5 in white view', '2 in white view', '3 in white view', '1 in black'],
      ],
      ['Sheet protectors', 'box of 100', 1299, ['standard weight', 'heavyweight', 'non-glare']],
      [
        'Storage boxes',
        'carton of 12',
        4999,
        ['letter/legal with lid', 'heavy-duty letter/legal', 'transfer box 24 in'],
      ],
      ['Index dividers', 'pack of 6 sets', 1099, ['5-tab clear', '8-tab assorted', 'A-Z 26-tab']],
      ['Clipboards', 'each', 299, ['letter hardboard', 'letter plastic', 'legal aluminum storage']],
      ['Magazine files', 'pack of 6', 1599, ['black plastic', 'kraft cardboard']],
      ['Document wallets', 'each', 349, ['letter red fiber', 'legal blue fiber']],
      ['Fire-resistant file cabinet', 'each', 89900, ['2-drawer letter', '4-drawer letter']],
      ['Lateral file cabinet', 'each', 54900, ['2-drawer 36 in', '3-drawer 36 in']],
      ['Mobile file cart', 'each', 12900, ['letter/legal black', 'letter/legal gray']],
    ],
  },
  {
    name: 'Desk Accessories',
    prefix: 'DSK',
    families: [
      [
        'Staplers',
        'each',
        1599,
        ['full strip desktop', 'half strip compact', 'heavy-duty 100-sheet', 'electric 20-sheet'],
      ],
      ['Staples', 'box of 5,000', 499, ['standard 1/4 in', 'heavy-duty 1/2 in', 'chisel point 1/4 in']],
      ['Staple remover', 'each', 249, ['claw style', 'wand style']],
      ['Tape dispenser', 'each', 999, ['weighted desktop', 'handheld']],
      ['Transparent tape', 'pack of 12 rolls', 1699, ['3/4 in x 1000 in', '1/2 in x 1296 in']],
      ['Scissors', 'each', 699, ['8 in straight', '7 in bent handle', '5 in pointed']],
      ['Paper clips', 'box of 1,000', 599, ['#1 standard', 'jumbo smooth', 'vinyl-coated assorted']],
      ['Binder clips', 'box of 12', 399, ['small 3/4 in', 'medium 1-1/4 in', 'large 2 in']],
      ['Desk organizer', 'each', 2499, ['mesh 5-compartment', 'bamboo drawer', 'rotating carousel']],
      ['Letter trays', 'each', 1199, ['mesh stackable black', 'plastic stackable smoke']],
      ['Monitor stand', 'each', 3999, ['mesh with drawer', 'adjustable riser']],
      ['Calculators', 'each', 1999, ['desktop 12-digit', 'printing 12-digit', 'scientific']],
      ['Push pins', 'box of 100', 299, ['clear', 'assorted colors']],
      ['Rubber bands', 'pack of 1 lb', 549, ['#33 natural', '#64 natural']],
      ['Desk lamp', 'each', 4599, ['LED adjustable', 'LED with USB port']],
      ['Mouse pads', 'each', 499, ['standard black']],
    ],
  },
  {
    name: 'Janitorial & Cleaning',
    prefix: 'JAN',
    families: [
      ['Trash bags', 'case of 200', 3499, ['13 gal white', '33 gal black', '45 gal clear', '55 gal heavy-duty black']],
      ['Paper towels', 'case of 12', 3999, ['multifold white', 'hardwound roll 800 ft', 'kitchen roll 2-ply']],
      ['Toilet tissue', 'case of 48', 5999, ['standard 2-ply', 'jumbo roll 9 in']],
      ['Facial tissue', 'case of 30', 4299, ['flat box 100 sheets', 'cube box 85 sheets']],
      ['Hand soap', 'case of 6', 3299, ['foam refill 1000 ml', 'liquid pump 12 oz', 'antibacterial gallon']],
      ['Hand sanitizer', 'case of 12', 4499, ['gel 8 oz pump', 'foam refill 1200 ml', 'wipes canister 80']],
      ['Disinfecting wipes', 'case of 6', 2999, ['lemon 75 count', 'fresh scent 35 count']],
      ['All-purpose cleaner', 'case of 6', 2799, ['spray 32 oz', 'concentrate 1 gal']],
      ['Glass cleaner', 'case of 12', 3299, ['spray 32 oz', 'aerosol 19 oz']],
      ['Floor cleaner', 'case of 4', 3899, ['neutral concentrate 1 gal', 'degreaser 1 gal']],
      ['Mop heads', 'each', 1299, ['cotton 24 oz', 'microfiber 18 in', 'looped-end blend']],
      ['Brooms', 'each', 1899, ['angle broom', 'push broom 24 in', 'lobby broom with dustpan']],
      ['Microfiber cloths', 'pack of 24', 2199, ['16 x 16 in blue', '16 x 16 in assorted']],
      ['Dish soap', 'case of 8', 2899, ['original 38 oz', 'lemon 38 oz']],
      ['Vacuum bags', 'pack of 10', 1599, ['upright type A', 'canister type Q']],
    ],
  },
  {
    name: 'Safety & Protective Equipment',
    prefix: 'SAF',
    families: [
      ['Nitrile gloves', 'box of 100', 1399, ['small', 'medium', 'large', 'extra large']],
      ['Cut-resistant gloves', 'dozen pairs', 4999, ['level A2 medium', 'level A2 large', 'level A4 large']],
      ['Safety glasses', 'box of 12', 3599, ['clear anti-fog', 'tinted', 'over-glasses clear']],
      ['Hard hats', 'each', 1899, ['white ratchet', 'yellow ratchet', 'orange ratchet']],
      ['High-visibility vests', 'each', 1299, ['class 2 lime M/L', 'class 2 lime XL/XXL', 'class 2 orange M/L']],
      ['Ear plugs', 'box of 100 pairs', 2999, ['foam corded', 'foam uncorded']],
      ['Ear muffs', 'each', 2499, ['NRR 25 dB', 'NRR 30 dB']],
      ['Dust masks', 'box of 20', 2899, ['N95 particulate', 'N95 with valve']],
      ['First aid kit', 'each', 3999, ['25-person', '50-person', '100-person']],
      ['Eyewash station', 'each', 5999, ['wall-mount 16 oz']],
      ['Safety cones', 'each', 1499, ['18 in orange', '28 in reflective']],
      ['Floor sign', 'each', 1799, ['caution wet floor', 'closed for cleaning']],
      ['Fire extinguisher', 'each', 6499, ['ABC 5 lb', 'ABC 10 lb']],
      ['Safety boots', 'pair', 8999, ['steel toe size 9', 'steel toe size 10', 'steel toe size 11']],
      ['Absorbent pads', 'pack of 100', 6999, ['universal 15 x 19 in', 'oil-only 15 x 19 in']],
    ],
  },
  {
    name: 'Fasteners & Hardware',
    prefix: 'FAS',
    families: [
      [
        'Hex bolts',
        'box of 100',
        1499,
        [
          '1/4-20 x 1 in zinc',
          '5/16-18 x 1-1/2 in zinc',
          '3/8-16 x 2 in zinc',
          'M8 x 30 mm stainless',
          'M10 x 40 mm stainless',
        ],
      ],
      ['Hex nuts', 'box of 100', 799, ['1/4-20 zinc', '5/16-18 zinc', '3/8-16 zinc', 'M8 stainless', 'M10 stainless']],
      ['Flat washers', 'box of 100', 599, ['1/4 in zinc', '5/16 in zinc', '3/8 in zinc', 'M8 stainless']],
      ['Wood screws', 'box of 100', 899, ['#8 x 1-1/4 in', '#10 x 2 in', '#8 x 3 in']],
      ['Drywall screws', 'box of 500', 1299, ['#6 x 1-1/4 in coarse', '#6 x 1-5/8 in coarse']],
      ['Sheet metal screws', 'box of 100', 799, ['#8 x 1/2 in', '#10 x 3/4 in']],
      ['Wall anchors', 'box of 50', 999, ['plastic #8', 'toggle 1/8 in', 'sleeve 3/8 in']],
      ['Cable ties', 'bag of 100', 699, ['8 in natural', '11 in black UV', '14 in heavy-duty black']],
      ['Hose clamps', 'box of 10', 1199, ['1/2 to 1-1/4 in', '1-1/16 to 2 in']],
      ['Threaded rod', 'each', 399, ['1/4-20 x 36 in zinc', '3/8-16 x 36 in zinc']],
      ['Door hinges', 'pair', 899, ['3-1/2 in satin nickel', '4 in oil-rubbed bronze']],
      ['Padlocks', 'each', 1499, ['keyed alike 40 mm', 'combination 50 mm']],
      ['Lock washers', 'box of 100', 649, ['1/4 in zinc', '5/16 in zinc', '3/8 in zinc']],
      ['Machine screws', 'box of 100', 949, ['#10-24 x 1 in', '1/4-20 x 1 in', 'M6 x 20 mm stainless']],
    ],
  },
  {
    name: 'Packaging & Shipping',
    prefix: 'PKG',
    families: [
      [
        'Shipping boxes',
        'bundle of 25',
        2899,
        ['6 x 6 x 6 in', '12 x 12 x 12 in', '18 x 12 x 12 in', '24 x 18 x 18 in', '16 x 12 x 8 in'],
      ],
      [
        'Packing tape',
        'case of 36 rolls',
        6999,
        ['clear 2 in x 110 yd', 'brown 2 in x 110 yd', 'heavy-duty clear 3 in'],
      ],
      ['Tape gun dispenser', 'each', 1699, ['2 in pistol grip', '3 in pistol grip']],
      ['Bubble wrap', 'roll', 3499, ['3/16 in x 12 in x 175 ft', '1/2 in x 24 in x 250 ft']],
      ['Poly mailers', 'pack of 100', 1999, ['10 x 13 in white', '14.5 x 19 in white', '6 x 9 in white']],
      ['Padded mailers', 'pack of 25', 2199, ['#0 6 x 10 in', '#2 8.5 x 12 in', '#5 10.5 x 16 in']],
      ['Stretch wrap', 'case of 4', 8999, ['18 in x 1500 ft 80 gauge', '5 in hand wrap']],
      ['Packing peanuts', 'bag', 3999, ['14 cu ft']],
      ['Kraft paper roll', 'roll', 5999, ['30 in x 1200 ft 40 lb']],
      ['Shipping labels', 'pack of 500', 2999, ['4 x 6 in thermal roll', '2 per sheet laser']],
      ['Strapping', 'coil', 4899, ['polypropylene 1/2 in', 'polyester 1/2 in']],
      ['Air pillows', 'box', 5499, ['4 x 8 in']],
      ['Corner protectors', 'bundle of 50', 3899, ['2 x 2 x 24 in', '3 x 3 x 36 in']],
      ['Fragile labels', 'roll of 500', 1299, ['2 x 3 in red']],
      ['Mailing tubes', 'pack of 24', 4599, ['2 x 24 in', '3 x 36 in']],
      ['Box cutters', 'each', 599, ['retractable', 'safety auto-retract']],
    ],
  },
];

export type DemoProduct = {
  sku: string;
  name: string;
  description: string;
  unit: string;
  category: string;
  /** The family's base name ("Copy paper"); its variants share one picture. */
  family: string;
  active: boolean;
  /** Minor units per list; absent from a list means "price on request" for buyers on it. */
  prices: Partial<Record<PriceListName, number>>;
  onHand: Record<CenterCode, number>;
};

/** A small deterministic generator (mulberry32) with a fixed seed: the same catalog on every seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
}

/** Rounds cents to end in 9 (4,512 → 4,509), as catalog prices do. */
const charmed = (cents: number) => Math.max(9, cents - (cents % 10) + 9);
/** cents × percent / 100, rounded half-up, in integers. */
const percentOf = (cents: number, percent: number) => Math.floor((cents * percent + 50) / 100);

/**
 * The demo catalog, the same every time: 300 products in 8 categories. Every 29th has no
 * Preferred USD price and every 31st no Standard EUR price (price on request for the buyers on
 * those lists); every 11th is out of stock, every 7th low; every 50th is inactive.
 */
export function demoCatalog(): DemoProduct[] {
  const next = generator(20_260_101);
  const out: DemoProduct[] = [];
  for (const category of CATEGORIES) {
    let number = 1000;
    for (const [base, unit, baseCents, variants] of category.families) {
      for (const variant of variants) {
        const index = out.length;
        number += 1;
        const standard = charmed(percentOf(baseCents, 90 + next(30)));
        const prices: DemoProduct['prices'] = { 'Standard USD': standard };
        if (index % 29 !== 13) prices['Preferred USD'] = charmed(percentOf(standard, 92));
        if (index % 31 !== 17) prices['Standard EUR'] = charmed(percentOf(standard, 93));
        const outOfStock = index % 11 === 5;
        const low = !outOfStock && index % 7 === 3;
        const onHand = {
          EAST: outOfStock ? 0 : low ? 1 + next(5) : 20 + next(400),
          WEST: outOfStock || low ? 0 : next(4) === 0 ? 0 : 10 + next(250),
        };
        out.push({
          sku: `${category.prefix}-${number}`,
          name: `${base}, ${variant}`,
          description: `${base} (${variant}), sold ${unit === 'each' ? 'individually' : `by the ${unit}`}. Ships from our Newark and Reno fulfillment centers.`,
          unit,
          category: category.name,
          family: base,
          active: index % 50 !== 49,
          prices,
          onHand,
        });
      }
    }
  }
  return out;
}

/** Fulfillment centers, the demo catalog, its prices in the three demo lists and its stock; batch inserts. */
export async function seedCatalogDemo(tx: Executor): Promise<void> {
  const centers = await tx
    .insert(fulfillmentCenters)
    .values([...DEMO_CENTERS])
    .returning();
  const lists = await tx
    .select()
    .from(priceLists)
    .where(
      inArray(
        priceLists.name,
        DEMO_PRICE_LISTS.map((list) => list.name),
      ),
    );
  const catalog = demoCatalog();
  const inserted = await tx
    .insert(products)
    .values(catalog.map(({ prices: _prices, onHand: _onHand, family: _family, ...product }) => product))
    .returning({ id: products.id, sku: products.sku });
  const idOf = new Map(inserted.map((product) => [product.sku, product.id]));
  const priceRows = catalog.flatMap((product) =>
    lists.flatMap((list) => {
      const unitPriceMinor = product.prices[list.name as PriceListName];
      return unitPriceMinor === undefined
        ? []
        : [{ priceListId: list.id, productId: idOf.get(product.sku) ?? '', unitPriceMinor }];
    }),
  );
  await tx.insert(priceListPrices).values(priceRows);
  const stockRows = catalog.flatMap((product) =>
    centers.map((center) => ({
      productId: idOf.get(product.sku) ?? '',
      fulfillmentCenterId: center.id,
      onHand: product.onHand[center.code as CenterCode] ?? 0,
    })),
  );
  await tx.insert(inventory).values(stockRows);
}
