/**
 * The catalog import's files, their columns and size limits: plain constants, shared by the
 * import plan, the request schema and the upload form (which must not pull in the CSV parser).
 */
export type CatalogFile = 'products.csv' | 'prices.csv' | 'stock.csv';
export type CatalogFileKey = 'products' | 'prices' | 'stock';

export const CATALOG_FILES: Record<CatalogFileKey, CatalogFile> = {
  products: 'products.csv',
  prices: 'prices.csv',
  stock: 'stock.csv',
};
export const CATALOG_FILE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 50_000 } as const;

export const PRODUCT_COLUMNS = {
  required: ['sku', 'name', 'unit', 'category'],
  optional: ['description', 'active'],
} as const;
export const PRICE_COLUMNS = { required: ['price_list', 'sku', 'unit_price'], optional: [] } as const;
export const STOCK_COLUMNS = { required: ['fulfillment_center', 'sku', 'on_hand'], optional: [] } as const;
