import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { priceLists } from './accounts';

/** Raw bytes: pictures are kept in PostgreSQL by default (see server/services/catalog/pictures). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The seller's warehouses; stock is kept per center. */
export const fulfillmentCenters = pgTable('fulfillment_centers', {
  id: uuid().primaryKey().defaultRandom(),
  code: varchar({ length: 20 }).notNull().unique(),
  name: varchar({ length: 100 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** What the store sells. `sku` is stored trimmed and upper-cased; prices and stock live beside it. */
export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    sku: varchar({ length: 50 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(''),
    /** How it is sold: 'each', 'box', 'pack of 12' … */
    unit: varchar({ length: 30 }).notNull().default('each'),
    category: varchar({ length: 100 }).notNull(),
    /** The content hash of its picture (see `productImages`); null shows a placeholder. */
    pictureKey: varchar({ length: 64 }),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_sku_key').on(t.sku),
    // The lists people page through: a category by name, everything by name, the active ones.
    index('products_category_name_idx').on(t.category, sql`lower(${t.name})`),
    index('products_lower_name_idx').on(sql`lower(${t.name})`),
    index('products_active_idx').on(t.active),
  ],
);

/** A product's price in a price list; a product missing from a list is "price on request" there. */
export const priceListPrices = pgTable(
  'price_list_prices',
  {
    priceListId: uuid()
      .notNull()
      .references(() => priceLists.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.productId] }),
    index().on(t.productId),
    check('price_list_prices_unit_price_check', sql`${t.unitPriceMinor} >= 0`),
  ],
);

/**
 * Stock of a product at a fulfillment center. Available to promise = on hand − allocated. Rows
 * are changed under SELECT … FOR UPDATE and bump `version`, so a stale edit is refused.
 */
export const inventory = pgTable(
  'inventory',
  {
    productId: uuid()
      .notNull()
      .references(() => products.id),
    fulfillmentCenterId: uuid()
      .notNull()
      .references(() => fulfillmentCenters.id),
    onHand: integer().notNull().default(0),
    allocated: integer().notNull().default(0),
    version: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.fulfillmentCenterId] }),
    index().on(t.fulfillmentCenterId),
    check('inventory_on_hand_check', sql`${t.onHand} >= 0`),
    check('inventory_allocated_check', sql`${t.allocated} >= 0`),
    check('inventory_allocated_covered_check', sql`${t.allocated} <= ${t.onHand}`),
  ],
);

export type FulfillmentCenter = typeof fulfillmentCenters.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type PriceListPrice = typeof priceListPrices.$inferSelect;
export type InventoryRow = typeof inventory.$inferSelect;

/**
 * Product pictures, one row per rendered size, addressed by the content hash of the uploaded file:
 * the same file uploaded twice is stored once, and a URL built from the key never changes meaning
 * (served with `Cache-Control: immutable`).
 */
export const productImages = pgTable(
  'product_images',
  {
    key: varchar({ length: 64 }).notNull(),
    /** 'thumb' or 'detail'. */
    variant: varchar({ length: 16 }).notNull(),
    contentType: varchar({ length: 50 }).notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.variant] })],
);
