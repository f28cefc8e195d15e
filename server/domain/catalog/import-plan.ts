import { parseCsvBoolean, quotedCell, readCsvTable, type CsvProblem, type CsvRow, type CsvTableOf } from '../csv';
import { MAX_ON_HAND } from './availability';
import {
  CATALOG_FILE_LIMITS,
  CATALOG_FILES,
  PRICE_COLUMNS,
  PRODUCT_COLUMNS,
  STOCK_COLUMNS,
  type CatalogFile,
  type CatalogFileKey,
} from './import-files';
import { PRODUCT_LIMITS, parseSku, parseUnitPrice, requiredText } from './product-rules';

/**
 * The catalog import: products, prices and stock from up to three CSV files. It is an upsert, not
 * a snapshot: rows in the files are added or updated, anything the files do not mention is left
 * as it is. Rows with problems are reported with their file and line; applying takes either every
 * row or, when the person chooses so, only the rows without problems. A category no product is in
 * yet is a problem unless the person chose to create it: a typo must not become a new category.
 */
export type CatalogImportProblem = CsvProblem<CatalogFile>;
export {
  CATALOG_FILE_LIMITS,
  CATALOG_FILES,
  PRICE_COLUMNS,
  PRODUCT_COLUMNS,
  STOCK_COLUMNS,
  type CatalogFile,
  type CatalogFileKey,
};

/** At most this many problems are returned; `problemCount` says how many there were. */
export const PROBLEMS_SHOWN = 200;

export type CatalogFiles = { productsCsv?: string; pricesCsv?: string; stockCsv?: string };

export type ProductFields = {
  sku: string;
  name: string;
  description: string;
  unit: string;
  category: string;
  active: boolean;
};

/** What the database holds for the SKUs, price lists and centers the files name. */
export type CatalogSnapshot = {
  products: ReadonlyMap<string, ProductFields>;
  priceLists: readonly { id: string; name: string; currency: string }[];
  /** By priceKey(priceListId, sku). */
  prices: ReadonlyMap<string, number>;
  centers: readonly { id: string; code: string }[];
  /** By stockKey(centerId, sku). */
  stock: ReadonlyMap<string, { onHand: number; allocated: number }>;
  /** Every category some product is in. */
  categories: readonly string[];
};

/** What the person chose in the preview: the new categories the import may create. */
export type CatalogImportChoices = { createCategories?: readonly string[] };

export const priceKey = (priceListId: string, sku: string) => `${priceListId}\u0000${sku}`;
export const stockKey = (centerId: string, sku: string) => `${centerId}\u0000${sku}`;

export type FileCounts = { rows: number; added: number; updated: number; unchanged: number; skipped: number };

export type CatalogImportSummary = {
  /** A problem with a whole file (size, syntax, header): nothing can be applied. */
  blocked: boolean;
  /** Null for a file that was not given. */
  files: Record<CatalogFileKey, FileCounts | null>;
  problems: CatalogImportProblem[];
  problemCount: number;
  /** Categories rows name that do not exist and were not chosen to be created (their rows are problems). */
  unknownCategories: string[];
  /** Categories the import creates, as chosen, that rows without problems are in. */
  newCategories: string[];
};

export type CatalogChanges = {
  products: (ProductFields & { isNew: boolean })[];
  prices: { priceListId: string; sku: string; unitPriceMinor: number }[];
  stock: { centerId: string; sku: string; onHand: number }[];
};

export type ReadFiles = {
  tables: Partial<Record<CatalogFileKey, { columns: string[]; rows: CsvRow[] }>>;
  problems: CatalogImportProblem[];
  /** Every well-formed SKU the files mention, for loading what the database holds of them. */
  skus: string[];
};

const SPECS = { products: PRODUCT_COLUMNS, prices: PRICE_COLUMNS, stock: STOCK_COLUMNS } as const;
const TEXTS = { products: 'productsCsv', prices: 'pricesCsv', stock: 'stockCsv' } as const;
const KEYS = ['products', 'prices', 'stock'] as const;

/** Reads the files that were given; a file that cannot be read at all is a problem that blocks. */
export function readCatalogFiles(files: CatalogFiles): ReadFiles {
  const result: ReadFiles = { tables: {}, problems: [], skus: [] };
  const skus = new Set<string>();
  for (const key of KEYS) {
    const text = files[TEXTS[key]];
    if (text === undefined) continue;
    const table: CsvTableOf<CatalogFile> = readCsvTable(text, CATALOG_FILES[key], SPECS[key], CATALOG_FILE_LIMITS);
    if (!table.ok) {
      result.problems.push(table.problem);
      continue;
    }
    result.tables[key] = { columns: table.columns, rows: table.rows };
    for (const row of table.rows) {
      const sku = parseSku(row.values.sku ?? '');
      if (sku.ok) skus.add(sku.value);
    }
  }
  result.skus = [...skus];
  return result;
}

const counts = (rows: number): FileCounts => ({ rows, added: 0, updated: 0, unchanged: 0, skipped: 0 });

function fieldCountProblem(row: CsvRow, expected: number): string | null {
  return row.fieldCount === expected ? null : `The row has ${row.fieldCount} fields; the header has ${expected}.`;
}

/** Collects a row's problems; `take` returns the parsed value or undefined after noting its problem. */
function problemCollector() {
  const problems: string[] = [];
  return {
    problems,
    take<T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T | undefined {
      if (parsed.ok) return parsed.value;
      problems.push(parsed.message);
      return undefined;
    },
  };
}

/** Which categories a product row may name: those that exist, and those the person chose to create. */
type CategoryLookup = { existing: ReadonlySet<string>; chosen: ReadonlySet<string>; examples: string };

function categoryLookup(categories: readonly string[], choices: CatalogImportChoices): CategoryLookup {
  const sorted = [...categories].sort((a, b) => a.localeCompare(b));
  const examples = sorted.length > 10 ? `${sorted.slice(0, 10).join(', ')}, …` : sorted.join(', ');
  return {
    existing: new Set(categories),
    chosen: new Set((choices.createCategories ?? []).map((name) => name.trim())),
    examples: examples || 'none exist yet',
  };
}

/** Why a row may not use this category, or null: it exists, or the person chose to create it. */
export function categoryProblem(category: string, lookup: CategoryLookup): string | null {
  if (lookup.existing.has(category) || lookup.chosen.has(category)) return null;
  const lower = category.toLowerCase();
  const near = [...lookup.existing].find((name) => name.toLowerCase() === lower);
  if (near) return `Unknown category ${quotedCell(category)}: did you mean ${quotedCell(near)}?`;
  return `Unknown category ${quotedCell(category)}. Choose to create it, or use an existing one: ${lookup.examples}.`;
}

function productFromRow(
  row: CsvRow,
  columns: string[],
  current: CatalogSnapshot['products'],
  categories: CategoryLookup,
): { sku?: string; product?: ProductFields; problems: string[]; unknownCategory?: string } {
  const count = fieldCountProblem(row, columns.length);
  if (count) return { problems: [count] };
  const v = row.values;
  const { problems, take } = problemCollector();
  const sku = take(parseSku(v.sku ?? ''));
  const name = take(requiredText('name', v.name ?? '', PRODUCT_LIMITS.name));
  const unit = take(requiredText('unit', v.unit ?? '', PRODUCT_LIMITS.unit));
  const category = take(requiredText('category', v.category ?? '', PRODUCT_LIMITS.category));
  const existing = sku ? current.get(sku) : undefined;
  const badCategory = category && category !== existing?.category ? categoryProblem(category, categories) : null;
  if (badCategory) problems.push(badCategory);
  // A column the file leaves out (or an empty active cell) keeps what the product has.
  const description = columns.includes('description') ? (v.description ?? '') : (existing?.description ?? '');
  if (description.length > PRODUCT_LIMITS.description)
    problems.push(`description is longer than ${PRODUCT_LIMITS.description} characters.`);
  let active = existing?.active ?? true;
  if (v.active) {
    const parsed = parseCsvBoolean(v.active);
    if (parsed === undefined)
      problems.push(`active must be true or false (or yes/no, 1/0), not ${quotedCell(v.active)}.`);
    else active = parsed;
  }
  const unknownCategory = badCategory ? category : undefined;
  if (problems.length > 0 || !sku || !name || !unit || !category) return { sku, problems, unknownCategory };
  return { sku, problems, product: { sku, name, description, unit, category, active } };
}

const sameProduct = (a: ProductFields, b: ProductFields) =>
  a.name === b.name &&
  a.description === b.description &&
  a.unit === b.unit &&
  a.category === b.category &&
  a.active === b.active;

type Rows<T> = {
  valid: T[];
  problems: CatalogImportProblem[];
  counts: FileCounts;
  skipped: Set<string>;
  unknownCategories?: Set<string>;
};

/** Checks every product row; a SKU that appears twice keeps its first row. */
function planProducts(
  table: { columns: string[]; rows: CsvRow[] },
  current: CatalogSnapshot,
  categories: CategoryLookup,
): Rows<ProductFields & { isNew: boolean }> {
  const result: Rows<ProductFields & { isNew: boolean }> = {
    valid: [],
    problems: [],
    counts: counts(table.rows.length),
    skipped: new Set(),
    unknownCategories: new Set(),
  };
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const { sku, product, problems, unknownCategory } = productFromRow(
      row,
      table.columns,
      current.products,
      categories,
    );
    if (unknownCategory) result.unknownCategories?.add(unknownCategory);
    const earlier = sku ? firstLine.get(sku) : undefined;
    if (earlier !== undefined)
      problems.push(`sku ${sku} is already on line ${earlier}; this duplicate row is skipped.`);
    if (!product || problems.length > 0) {
      if (sku && earlier === undefined) result.skipped.add(sku);
      result.problems.push({ file: 'products.csv', line: row.line, message: problems.join(' ') });
      result.counts.skipped += 1;
      continue;
    }
    firstLine.set(product.sku, row.line);
    const existing = current.products.get(product.sku);
    if (existing && sameProduct(existing, product)) result.counts.unchanged += 1;
    else {
      result.counts[existing ? 'updated' : 'added'] += 1;
      result.valid.push({ ...product, isNew: !existing });
    }
  }
  for (const sku of firstLine.keys()) result.skipped.delete(sku);
  return result;
}

/** Where a SKU named by prices.csv or stock.csv stands: in the catalog, new in products.csv, or neither. */
type SkuLookup = { known: (sku: string) => boolean; skipped: ReadonlySet<string> };

function skuProblem(sku: string, lookup: SkuLookup): string | null {
  if (lookup.known(sku)) return null;
  if (lookup.skipped.has(sku)) return `sku ${sku} has errors in products.csv, so this row is skipped too.`;
  return `Unknown sku ${sku}: it is neither in the catalog nor in products.csv.`;
}

function byName<T>(items: readonly T[], name: (item: T) => string, text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  return items.find((item) => name(item).toLowerCase() === wanted);
}

type KeyedOutcome<T> = { key?: string; entry?: T; existed?: boolean; same?: boolean; problems: string[] };

/** The rows of prices.csv or stock.csv, each checked by `check`; a key that appears twice keeps its first row. */
function planKeyedRows<T>(
  file: CatalogFile,
  table: { columns: string[]; rows: CsvRow[] },
  check: (row: CsvRow) => KeyedOutcome<T>,
): Rows<T> {
  const result: Rows<T> = { valid: [], problems: [], counts: counts(table.rows.length), skipped: new Set() };
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const count = fieldCountProblem(row, table.columns.length);
    const outcome: KeyedOutcome<T> = count ? { problems: [count] } : check(row);
    const earlier = outcome.key ? firstLine.get(outcome.key) : undefined;
    if (earlier !== undefined)
      outcome.problems.push(`The same row is already on line ${earlier}; this duplicate row is skipped.`);
    if (!outcome.key || outcome.entry === undefined || outcome.problems.length > 0) {
      result.problems.push({ file, line: row.line, message: outcome.problems.join(' ') });
      result.counts.skipped += 1;
      continue;
    }
    firstLine.set(outcome.key, row.line);
    if (outcome.same) {
      result.counts.unchanged += 1;
      continue;
    }
    result.counts[outcome.existed ? 'updated' : 'added'] += 1;
    result.valid.push(outcome.entry);
  }
  return result;
}

function planPrices(table: { columns: string[]; rows: CsvRow[] }, current: CatalogSnapshot, lookup: SkuLookup) {
  const listNames = current.priceLists.map((list) => list.name).join(', ') || 'none exist yet';
  return planKeyedRows<CatalogChanges['prices'][number]>('prices.csv', table, (row) => {
    const v = row.values;
    const { problems, take } = problemCollector();
    const list = v.price_list ? byName(current.priceLists, (item) => item.name, v.price_list) : undefined;
    if (!v.price_list) problems.push('price_list is empty.');
    else if (!list) problems.push(`Unknown price_list ${quotedCell(v.price_list)}. Use one of: ${listNames}.`);
    const sku = take(parseSku(v.sku ?? ''));
    const badSku = sku ? skuProblem(sku, lookup) : null;
    if (badSku) problems.push(badSku);
    const unitPriceMinor = list ? take(parseUnitPrice(v.unit_price ?? '', list.currency)) : undefined;
    if (!list || !sku || unitPriceMinor === undefined)
      return { key: list && sku ? priceKey(list.id, sku) : undefined, problems };
    const key = priceKey(list.id, sku);
    const before = current.prices.get(key);
    return {
      key,
      problems,
      existed: before !== undefined,
      same: before === unitPriceMinor,
      entry: { priceListId: list.id, sku, unitPriceMinor },
    };
  });
}

function parseOnHand(text: string): { ok: true; value: number } | { ok: false; message: string } {
  if (!/^\d{1,9}$/.test(text))
    return { ok: false, message: `on_hand must be a whole number, 0 or more, not ${quotedCell(text)}.` };
  const value = Number(text);
  if (value > MAX_ON_HAND) return { ok: false, message: `on_hand is at most ${MAX_ON_HAND.toLocaleString('en-US')}.` };
  return { ok: true, value };
}

function planStock(table: { columns: string[]; rows: CsvRow[] }, current: CatalogSnapshot, lookup: SkuLookup) {
  const codes = current.centers.map((center) => center.code).join(', ') || 'none exist yet';
  return planKeyedRows<CatalogChanges['stock'][number]>('stock.csv', table, (row) => {
    const v = row.values;
    const { problems, take } = problemCollector();
    const center = v.fulfillment_center
      ? byName(current.centers, (item) => item.code, v.fulfillment_center)
      : undefined;
    if (!v.fulfillment_center) problems.push('fulfillment_center is empty.');
    else if (!center)
      problems.push(`Unknown fulfillment_center ${quotedCell(v.fulfillment_center)}. Use one of: ${codes}.`);
    const sku = take(parseSku(v.sku ?? ''));
    const badSku = sku ? skuProblem(sku, lookup) : null;
    if (badSku) problems.push(badSku);
    const onHand = take(parseOnHand(v.on_hand ?? ''));
    if (!center || !sku) return { key: undefined, problems };
    const key = stockKey(center.id, sku);
    const before = current.stock.get(key);
    if (onHand !== undefined && before && onHand < before.allocated) {
      problems.push(
        `on_hand ${onHand} is below the ${before.allocated} already allocated to orders at ${center.code}.`,
      );
    }
    if (onHand === undefined) return { key, problems };
    return {
      key,
      problems,
      existed: before !== undefined,
      same: before?.onHand === onHand,
      entry: { centerId: center.id, sku, onHand },
    };
  });
}

/**
 * Everything an import would do, decided from the files and what the database holds: the preview
 * shows `summary`, applying writes `changes`. Null changes when a file cannot be read at all.
 */
export function planCatalogImport(
  read: ReadFiles,
  current: CatalogSnapshot,
  choices: CatalogImportChoices = {},
): { summary: CatalogImportSummary; changes: CatalogChanges | null } {
  const files: CatalogImportSummary['files'] = {
    products: read.tables.products ? counts(read.tables.products.rows.length) : null,
    prices: read.tables.prices ? counts(read.tables.prices.rows.length) : null,
    stock: read.tables.stock ? counts(read.tables.stock.rows.length) : null,
  };
  if (read.problems.length > 0) {
    return {
      summary: {
        blocked: true,
        files,
        problems: read.problems,
        problemCount: read.problems.length,
        unknownCategories: [],
        newCategories: [],
      },
      changes: null,
    };
  }
  const categories = categoryLookup(current.categories, choices);
  const products = read.tables.products ? planProducts(read.tables.products, current, categories) : undefined;
  const newSkus = new Set(products?.valid.map((product) => product.sku));
  const lookup: SkuLookup = {
    known: (sku) => current.products.has(sku) || newSkus.has(sku),
    skipped: products?.skipped ?? new Set(),
  };
  const prices = read.tables.prices ? planPrices(read.tables.prices, current, lookup) : undefined;
  const stock = read.tables.stock ? planStock(read.tables.stock, current, lookup) : undefined;
  if (products) files.products = products.counts;
  if (prices) files.prices = prices.counts;
  if (stock) files.stock = stock.counts;
  const problems = [...(products?.problems ?? []), ...(prices?.problems ?? []), ...(stock?.problems ?? [])];
  const newCategories = new Set(
    products?.valid.map((product) => product.category).filter((name) => !categories.existing.has(name)),
  );
  return {
    summary: {
      blocked: false,
      files,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      problemCount: problems.length,
      unknownCategories: [...(products?.unknownCategories ?? [])].sort((a, b) => a.localeCompare(b)),
      newCategories: [...newCategories].sort((a, b) => a.localeCompare(b)),
    },
    changes: { products: products?.valid ?? [], prices: prices?.valid ?? [], stock: stock?.valid ?? [] },
  };
}
