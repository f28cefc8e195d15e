import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { contracts, fulfillmentCenters, inventory, priceListPrices, priceLists, products } from '../schema';

export type ProductFilters = { search?: string; category?: string; active?: boolean };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

function whereOf(filters: ProductFilters): SQL | undefined {
  const pattern = filters.search ? `%${escapeLike(filters.search)}%` : undefined;
  return and(
    filters.active === undefined ? undefined : eq(products.active, filters.active),
    filters.category ? eq(products.category, filters.category) : undefined,
    pattern ? or(ilike(products.sku, pattern), ilike(products.name, pattern)) : undefined,
  );
}

const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  unit: products.unit,
  category: products.category,
  pictureKey: products.pictureKey,
  active: products.active,
};

/**
 * The order of a product list: by name, newest first, or by unit price in one price list (products
 * missing from the list last). A price list's order is the member's own, since a contract's discount
 * is the same percentage on every product.
 */
export type ProductOrder =
  { by: 'name' } | { by: 'newest' } | { by: 'price'; priceListId: string; direction: 'asc' | 'desc' };

const byName = [asc(sql`lower(${products.name})`), asc(products.sku)];

/** A page of products, filtered and ordered (by name unless told); one row more than asked tells whether a next page exists. */
export async function listProducts(
  db: Executor,
  filters: ProductFilters,
  page: { page: number; pageSize: number },
  order: ProductOrder = { by: 'name' },
) {
  const where = whereOf(filters);
  const base = db.select(productColumns).from(products);
  const query =
    order.by === 'price'
      ? base
          .leftJoin(
            priceListPrices,
            and(eq(priceListPrices.productId, products.id), eq(priceListPrices.priceListId, order.priceListId)),
          )
          .where(where)
          .orderBy(
            order.direction === 'asc'
              ? sql`${priceListPrices.unitPriceMinor} asc nulls last`
              : sql`${priceListPrices.unitPriceMinor} desc nulls last`,
            ...byName,
          )
      : order.by === 'newest'
        ? base.where(where).orderBy(desc(products.createdAt), ...byName)
        : base.where(where).orderBy(...byName);
  const rows = await query.limit(page.pageSize + 1).offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(products).where(where);
  return { rows: rows.slice(0, page.pageSize), hasNext: rows.length > page.pageSize, total: total?.n ?? 0 };
}

/** The categories with how many products each holds (active ones only when asked), by name. */
export async function categoryCounts(db: Executor, options: { activeOnly: boolean }) {
  return db
    .select({ name: products.category, productCount: count() })
    .from(products)
    .where(options.activeOnly ? eq(products.active, true) : undefined)
    .groupBy(products.category)
    .orderBy(asc(products.category));
}

export async function productBySku(db: Executor, sku: string) {
  const [product] = await db.select().from(products).where(eq(products.sku, sku.trim().toUpperCase()));
  return product;
}

/** An organization's contracts, oldest first (the order currentContract breaks ties by). */
export async function contractsOf(db: Executor, organizationId: string) {
  return db
    .select({
      priceListId: contracts.priceListId,
      discountBasisPoints: contracts.discountBasisPoints,
      validFrom: contracts.validFrom,
      validTo: contracts.validTo,
    })
    .from(contracts)
    .where(eq(contracts.organizationId, organizationId))
    .orderBy(asc(contracts.createdAt), asc(contracts.id));
}

/** The prices of these products in one price list, by product id, with the list's currency. */
export async function listPricesOf(db: Executor, priceListId: string, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, { unitPriceMinor: number; currency: string }>();
  const rows = await db
    .select({
      productId: priceListPrices.productId,
      unitPriceMinor: priceListPrices.unitPriceMinor,
      currency: priceLists.currency,
    })
    .from(priceListPrices)
    .innerJoin(priceLists, eq(priceLists.id, priceListPrices.priceListId))
    .where(and(eq(priceListPrices.priceListId, priceListId), inArray(priceListPrices.productId, productIds)));
  return new Map(rows.map(({ productId, ...price }) => [productId, price]));
}

export async function allCenters(db: Executor) {
  return db.select().from(fulfillmentCenters).orderBy(asc(fulfillmentCenters.code));
}

/** Every center's stock of these products, a row per product and center that has one. */
export async function stockOf(db: Executor, productIds: string[]) {
  if (productIds.length === 0) return [];
  return db
    .select({
      productId: inventory.productId,
      centerId: inventory.fulfillmentCenterId,
      onHand: inventory.onHand,
      allocated: inventory.allocated,
      version: inventory.version,
    })
    .from(inventory)
    .where(inArray(inventory.productId, productIds));
}
