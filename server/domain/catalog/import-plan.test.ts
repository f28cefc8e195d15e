import { importedAndSkipped } from './import-counts';
import { describe, expect, it } from 'vitest';
import {
  categoryProblem,
  planCatalogImport,
  priceKey,
  readCatalogFiles,
  stockKey,
  type CatalogFiles,
  type CatalogSnapshot,
} from './import-plan';
import { parseSku, parseUnitPrice } from './product-rules';

const existing = {
  sku: 'PAP-1',
  name: 'Copy paper',
  description: 'White, 80 g',
  unit: 'box',
  category: 'Paper',
  active: true,
};

const snapshot: CatalogSnapshot = {
  products: new Map([[existing.sku, existing]]),
  priceLists: [
    { id: 'usd', name: 'Standard USD', currency: 'USD' },
    { id: 'jpy', name: 'Standard JPY', currency: 'JPY' },
  ],
  prices: new Map([[priceKey('usd', 'PAP-1'), 2_500]]),
  centers: [
    { id: 'east', code: 'EAST' },
    { id: 'west', code: 'WEST' },
  ],
  stock: new Map([[stockKey('east', 'PAP-1'), { onHand: 10, allocated: 6 }]]),
  categories: ['Paper', 'Desk'],
};

const plan = (files: CatalogFiles, createCategories?: string[]) =>
  planCatalogImport(readCatalogFiles(files), snapshot, { createCategories });

describe('planCatalogImport', () => {
  it('adds, updates and leaves alone; what the files do not mention is not touched', () => {
    const { summary, changes } = plan({
      productsCsv: 'sku,name,unit,category\n pap-1 ,Copy paper,box,Paper\npap-2,Copy paper A3,box,Paper\n',
      pricesCsv:
        'price_list,sku,unit_price\nstandard usd,PAP-1,26.00\nStandard USD,PAP-2,"1,200.5"\nStandard JPY,PAP-2,1800\n',
      stockCsv: 'fulfillment_center,sku,on_hand\neast,PAP-1,10\nWEST,PAP-2,7\n',
    });
    expect(summary).toEqual({
      blocked: false,
      files: {
        products: { rows: 2, added: 1, updated: 0, unchanged: 1, skipped: 0 },
        prices: { rows: 3, added: 2, updated: 1, unchanged: 0, skipped: 0 },
        stock: { rows: 2, added: 1, updated: 0, unchanged: 1, skipped: 0 },
      },
      problems: [],
      problemCount: 0,
      unknownCategories: [],
      newCategories: [],
    });
    expect(changes).toEqual({
      // PAP-1 keeps its description and active flag: the file has no such columns.
      products: [
        {
          sku: 'PAP-2',
          name: 'Copy paper A3',
          description: '',
          unit: 'box',
          category: 'Paper',
          active: true,
          isNew: true,
        },
      ],
      prices: [
        { priceListId: 'usd', sku: 'PAP-1', unitPriceMinor: 2_600 },
        { priceListId: 'usd', sku: 'PAP-2', unitPriceMinor: 120_050 },
        { priceListId: 'jpy', sku: 'PAP-2', unitPriceMinor: 1_800 },
      ],
      stock: [{ centerId: 'west', sku: 'PAP-2', onHand: 7 }],
    });
  });

  it('updates a product from optional columns, and an empty description clears it', () => {
    const { summary, changes } = plan({
      productsCsv: 'sku,name,unit,category,description,active\nPAP-1,Copy paper,box,Paper,,no\n',
    });
    expect(summary.files.products).toMatchObject({ updated: 1 });
    expect(changes?.products).toEqual([{ ...existing, description: '', active: false, isNew: false }]);
  });

  it('reports every bad row with file, line and reason, and skips only those rows', () => {
    const { summary, changes } = plan({
      productsCsv: [
        'sku,name,unit,category,active',
        'PAP-3,Legal pad,,Paper,true', // line 2: no unit
        'PAP 4,Stapler,each,Desk,maybe', // line 3: bad sku and active
        'PAP-5,Ruler,each,Desk,yes',
        'PAP-5,Ruler again,each,Desk,yes', // line 5: duplicate
        'PAP-6,Too few',
      ].join('\n'),
      pricesCsv: [
        'price_list,sku,unit_price',
        'Gold,PAP-1,1.00', // unknown list
        'Standard USD,PAP-3,1.00', // its product row has errors
        'Standard USD,NOPE-1,1.00', // unknown sku
        'Standard USD,PAP-5,-1', // not a price
        'Standard JPY,PAP-5,10.5', // JPY has no decimals
        'Standard USD,PAP-5,0', // zero
        'Standard USD,PAP-5,3.10',
      ].join('\n'),
      stockCsv: [
        'fulfillment_center,sku,on_hand',
        'EAST,PAP-1,5',
        'NORTH,PAP-5,1',
        'WEST,PAP-5,1.5',
        'WEST,PAP-5,3',
      ].join('\n'),
    });
    expect(summary.problems).toEqual([
      { file: 'products.csv', line: 2, message: 'unit is empty.' },
      {
        file: 'products.csv',
        line: 3,
        message:
          'sku "PAP 4" may only hold letters, digits, points, hyphens and underscores, starting with a letter or digit. active must be true or false (or yes/no, 1/0), not "maybe".',
      },
      { file: 'products.csv', line: 5, message: 'sku PAP-5 is already on line 4; this duplicate row is skipped.' },
      { file: 'products.csv', line: 6, message: 'The row has 2 fields; the header has 5.' },
      { file: 'prices.csv', line: 2, message: 'Unknown price_list "Gold". Use one of: Standard USD, Standard JPY.' },
      { file: 'prices.csv', line: 3, message: 'sku PAP-3 has errors in products.csv, so this row is skipped too.' },
      { file: 'prices.csv', line: 4, message: 'Unknown sku NOPE-1: it is neither in the catalog nor in products.csv.' },
      {
        file: 'prices.csv',
        line: 5,
        message: '"-1" is not a price in USD. Write it like 12.50, with at most 2 decimals.',
      },
      { file: 'prices.csv', line: 6, message: '"10.5" is not a price in JPY. Write it like 1250, without decimals.' },
      {
        file: 'prices.csv',
        line: 7,
        message: 'A price must be more than zero. To stop selling a product, make it inactive.',
      },
      { file: 'stock.csv', line: 2, message: 'on_hand 5 is below the 6 already allocated to orders at EAST.' },
      { file: 'stock.csv', line: 3, message: 'Unknown fulfillment_center "NORTH". Use one of: EAST, WEST.' },
      { file: 'stock.csv', line: 4, message: 'on_hand must be a whole number, 0 or more, not "1.5".' },
    ]);
    expect(summary.files).toEqual({
      products: { rows: 5, added: 1, updated: 0, unchanged: 0, skipped: 4 },
      prices: { rows: 7, added: 1, updated: 0, unchanged: 0, skipped: 6 },
      stock: { rows: 4, added: 1, updated: 0, unchanged: 0, skipped: 3 },
    });
    expect(changes?.products.map((product) => product.sku)).toEqual(['PAP-5']);
    expect(changes?.prices).toEqual([{ priceListId: 'usd', sku: 'PAP-5', unitPriceMinor: 310 }]);
    expect(changes?.stock).toEqual([{ centerId: 'west', sku: 'PAP-5', onHand: 3 }]);
  });

  it('blocks when a file cannot be read at all, and says which', () => {
    const { summary, changes } = plan({ productsCsv: 'sku,name,unit,category\n', stockCsv: 'center,sku,on_hand\n' });
    expect(changes).toBeNull();
    expect(summary).toMatchObject({
      blocked: true,
      problems: [
        {
          file: 'stock.csv',
          line: 1,
          message: 'The header row names an unknown column "center". Expected fulfillment_center, sku, on_hand.',
        },
      ],
    });
  });

  it('reads only the files given', () => {
    const { summary } = plan({ stockCsv: 'fulfillment_center,sku,on_hand\nWEST,pap-1,0\n' });
    expect(summary.files).toEqual({
      products: null,
      prices: null,
      stock: { rows: 1, added: 1, updated: 0, unchanged: 0, skipped: 0 },
    });
  });
});

describe('categories', () => {
  const products = (...rows: string[]) => ['sku,name,unit,category', ...rows].join('\n');

  it.each<[string, string[], string | null]>([
    ['Paper', [], null],
    ['Tape', ['Tape'], null],
    ['Tape', [' Tape '], null],
    ['paper', [], 'Unknown category "paper": did you mean "Paper"?'],
    ['Tape', [], 'Unknown category "Tape". Choose to create it, or use an existing one: Desk, Paper.'],
    ['Tape', ['tape'], 'Unknown category "Tape". Choose to create it, or use an existing one: Desk, Paper.'],
  ])('category %s with %j chosen to create: %s', (category, chosen, expected) => {
    const { summary } = plan({ productsCsv: products(`NEW-1,Thing,each,${category}`) }, chosen);
    expect(summary.problems.map((problem) => problem.message)).toEqual(expected ? [expected] : []);
    expect(
      categoryProblem(category, {
        existing: new Set(snapshot.categories),
        chosen: new Set(chosen.map((name) => name.trim())),
        examples: 'Desk, Paper',
      }),
    ).toBe(expected);
  });

  it('makes a row naming a category that does not exist a problem, and lists the category once', () => {
    const { summary, changes } = plan({
      productsCsv: products('NEW-1,Tape roll,each,Tape', 'NEW-2,Tape dispenser,each,Tape', 'NEW-3,Pad,each,Paper'),
      pricesCsv: 'price_list,sku,unit_price\nStandard USD,NEW-1,1.00\n',
    });
    expect(summary.problems).toEqual([
      {
        file: 'products.csv',
        line: 2,
        message: 'Unknown category "Tape". Choose to create it, or use an existing one: Desk, Paper.',
      },
      {
        file: 'products.csv',
        line: 3,
        message: 'Unknown category "Tape". Choose to create it, or use an existing one: Desk, Paper.',
      },
      { file: 'prices.csv', line: 2, message: 'sku NEW-1 has errors in products.csv, so this row is skipped too.' },
    ]);
    expect(summary).toMatchObject({ unknownCategories: ['Tape'], newCategories: [] });
    expect(changes?.products.map((product) => product.sku)).toEqual(['NEW-3']);
  });

  it('creates a category the person chose to create, and says so', () => {
    const { summary, changes } = plan({ productsCsv: products('NEW-1,Tape roll,each,Tape') }, ['Tape', 'Unused']);
    expect(summary).toMatchObject({ problemCount: 0, unknownCategories: [], newCategories: ['Tape'] });
    expect(changes?.products).toMatchObject([{ sku: 'NEW-1', category: 'Tape', isNew: true }]);
  });

  it('lets an existing product keep its category, and moves it only to a known or chosen one', () => {
    const lonely = { ...existing, sku: 'OLD-1', category: 'Retired' };
    const current = { ...snapshot, products: new Map([...snapshot.products, [lonely.sku, lonely]]) };
    const keep = planCatalogImport(
      readCatalogFiles({ productsCsv: products('OLD-1,Copy paper,box,Retired') }),
      current,
    );
    expect(keep.summary.problemCount).toBe(0);
    const move = planCatalogImport(
      readCatalogFiles({ productsCsv: products('PAP-1,Copy paper,box,Archive') }),
      current,
    );
    expect(move.summary.unknownCategories).toEqual(['Archive']);
  });
});

describe('importedAndSkipped', () => {
  it.each<[string, CatalogFiles, { imported: number; skipped: number }]>([
    [
      'counts rows taken, changed or not',
      { productsCsv: 'sku,name,unit,category\nPAP-1,Copy paper,box,Paper\nNEW-1,Pad,each,Paper\n' },
      { imported: 2, skipped: 0 },
    ],
    [
      'counts skipped rows of every file',
      {
        productsCsv: 'sku,name,unit,category\nNEW-1,Pad,,Paper\n',
        stockCsv: 'fulfillment_center,sku,on_hand\nWEST,PAP-1,3\nNORTH,PAP-1,1\n',
      },
      { imported: 1, skipped: 2 },
    ],
    ['is zero for a file that cannot be read', { stockCsv: 'center,sku\n' }, { imported: 0, skipped: 0 }],
  ])('%s', (_, files, expected) => {
    expect(importedAndSkipped(plan(files).summary)).toEqual(expected);
  });
});

describe('product rules', () => {
  it.each([
    [' ab-12.x_y ', { ok: true, value: 'AB-12.X_Y' }],
    ['', { ok: false, message: 'sku is empty.' }],
    ['-AB', { ok: false, message: expect.stringContaining('may only hold') }],
    ['A/B', { ok: false, message: expect.stringContaining('may only hold') }],
    ['A'.repeat(51), { ok: false, message: 'sku is longer than 50 characters.' }],
  ])('parseSku(%j)', (text, expected) => {
    expect(parseSku(text)).toEqual(expected);
  });

  it.each([
    ['12.5', 'USD', { ok: true, value: 1_250 }],
    ['1,250', 'JPY', { ok: true, value: 1_250 }],
    ['10000000', 'USD', { ok: true, value: 1_000_000_000 }],
    ['10000000.01', 'USD', { ok: false, message: 'A unit price is at most 10,000,000 USD.' }],
    ['1e3', 'USD', { ok: false, message: expect.stringContaining('is not a price in USD') }],
    ['0.001', 'KWD', { ok: true, value: 1 }],
  ])('parseUnitPrice(%j, %s)', (text, currency, expected) => {
    expect(parseUnitPrice(text, currency)).toEqual(expected);
  });
});
