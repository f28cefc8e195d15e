import { z } from 'zod';
import { MAX_ON_HAND } from '@/server/domain/catalog/availability';
import { CATALOG_FILE_LIMITS } from '@/server/domain/catalog/import-files';
import { PRODUCT_LIMITS, SKU_PATTERN } from '@/server/domain/catalog/product-rules';
import { idField } from './common';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);
const page = z.number().int().min(1).max(10_000).default(1);

/** A SKU as typed: stored trimmed and upper-cased (see parseSku). */
export const skuField = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'Enter the SKU.')
  .max(PRODUCT_LIMITS.sku, `Use at most ${PRODUCT_LIMITS.sku} characters.`)
  .regex(SKU_PATTERN, 'Use letters, digits, points, hyphens and underscores, starting with a letter or digit.');

// Store

/** How the store's list may be sorted; the price sorts use the member's own price. */
export const CATALOG_SORTS = ['name', 'price_asc', 'price_desc', 'newest'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const catalogProductsSchema = z.object({
  category: z.string().trim().max(PRODUCT_LIMITS.category).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(CATALOG_SORTS).default('name'),
  page,
  pageSize: z.number().int().min(1).max(60).default(24),
});
export type CatalogProductsInput = z.infer<typeof catalogProductsSchema>;

/** A product's page; an unknown or malformed SKU is simply not found. */
export const catalogProductSchema = z.object({ sku: z.string().trim().min(1).max(PRODUCT_LIMITS.sku) });

// Staff

export const PRODUCT_STATUSES = ['active', 'inactive'] as const;

export const staffProductListSchema = z.object({
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(PRODUCT_LIMITS.category).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  page,
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type StaffProductListInput = z.infer<typeof staffProductListSchema>;

const productFields = {
  name: text('the product name', PRODUCT_LIMITS.name),
  description: z
    .string()
    .trim()
    .max(PRODUCT_LIMITS.description, `Use at most ${PRODUCT_LIMITS.description} characters.`),
  unit: text('the unit, like each or box', PRODUCT_LIMITS.unit),
  category: text('the category', PRODUCT_LIMITS.category),
  active: z.boolean(),
};

export const createProductSchema = z.object({ sku: skuField, ...productFields });
export type CreateProductInput = z.infer<typeof createProductSchema>;

/** The SKU names the product everywhere (orders, the ERP, page addresses), so it does not change. */
export const updateProductSchema = z.object({ productId: idField, ...productFields });
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export const staffProductSchema = z.object({ sku: z.string().trim().min(1).max(PRODUCT_LIMITS.sku) });

/** An empty price takes the product out of the list: it becomes "price on request" there. */
export const setPriceSchema = z.object({
  productId: idField,
  priceListId: idField,
  unitPrice: z.string().trim().max(30, 'That is not a price.'),
});
export type SetPriceInput = z.infer<typeof setPriceSchema>;

const quantity = (message: string, min: number) =>
  z
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(MAX_ON_HAND, `At most ${MAX_ON_HAND.toLocaleString('en-US')}.`);

export const receiveStockSchema = z.object({
  productId: idField,
  fulfillmentCenterId: idField,
  quantity: quantity('Enter the quantity received: a whole number of at least 1.', 1),
});
export type ReceiveStockInput = z.infer<typeof receiveStockSchema>;

/** A stock count replaces on hand; `expectedVersion` is the version the person looked at. */
export const countStockSchema = z.object({
  productId: idField,
  fulfillmentCenterId: idField,
  onHand: quantity('Enter the counted quantity: a whole number, 0 or more.', 0),
  expectedVersion: z.number().int().min(0),
});
export type CountStockInput = z.infer<typeof countStockSchema>;

const tooLarge = (file: string) =>
  `${file} is larger than ${CATALOG_FILE_LIMITS.maxBytes / 1024 / 1024} MB. Export at most ${CATALOG_FILE_LIMITS.maxRows.toLocaleString('en-US')} rows.`;
const csvFile = (file: string) => z.string().max(CATALOG_FILE_LIMITS.maxBytes, tooLarge(file)).optional();

const catalogImportFields = {
  productsCsv: csvFile('products.csv'),
  pricesCsv: csvFile('prices.csv'),
  stockCsv: csvFile('stock.csv'),
  /** New categories the person chose to create; any other category no product is in is a row error. */
  createCategories: z.array(z.string().trim().min(1).max(PRODUCT_LIMITS.category)).max(1000).optional(),
};
const someFile = (files: { productsCsv?: string; pricesCsv?: string; stockCsv?: string }) =>
  files.productsCsv !== undefined || files.pricesCsv !== undefined || files.stockCsv !== undefined;
const noFile = { message: 'Choose at least one file.', path: ['productsCsv'] };

/** Up to three CSV files as text (at least one), and the new categories the import may create. */
export const catalogImportSchema = z.object(catalogImportFields).refine(someFile, noFile);
export type CatalogImportInput = z.infer<typeof catalogImportSchema>;

/** 'all' imports nothing while any row has an error; 'valid_rows_only' imports the rows without errors. */
export const CATALOG_IMPORT_MODES = ['all', 'valid_rows_only'] as const;

/** The files to apply, as previewed, and whether rows with errors may be left out. */
export const applyCatalogImportSchema = z
  .object({ ...catalogImportFields, mode: z.enum(CATALOG_IMPORT_MODES).default('all') })
  .refine(someFile, noFile);
export type ApplyCatalogImportInput = z.infer<typeof applyCatalogImportSchema>;
