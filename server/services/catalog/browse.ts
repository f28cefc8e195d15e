import type { Executor } from '@/db/client';
import {
  allCenters,
  categoryCounts,
  contractsOf,
  listPricesOf,
  listProducts,
  productBySku,
  type ProductOrder,
  stockOf,
} from '@/db/queries/catalog';
import type { Actor } from '@/server/domain/access/actor';
import { availability, type StockLevel } from '@/server/domain/catalog/availability';
import { buyerPrice, currentContract, type BuyerPrice } from '@/server/domain/catalog/pricing';
import { notFound } from '@/server/domain/errors';
import { utcDate } from '@/server/domain/organizations/approval';
import type { CatalogProductsInput, CatalogSort } from '@/server/schemas/catalog';

/** Whose eyes an answer is built for: the member's organization (its contract) and effective permissions. */

/**
 * A unit price for the viewer's organization. `listPriceMinor` and `discountBasisPoints` are there
 * only when a discount applies.
 */
export type PriceView = {
  unitPriceMinor: number;
  currency: string;
  listPriceMinor?: number;
  discountBasisPoints?: number;
};

export type StockView = { available: number; byCenter?: { code: string; name: string; available: number }[] };

/**
 * A product as one member sees it. `price` is present only for members holding 'prices.view'
 * (null: price on request), `stock` only for those holding 'stock.view'; otherwise the keys are
 * absent, never null or zero, so nothing reaches a member who may not see it.
 */
export type CatalogProduct = {
  sku: string;
  name: string;
  unit: string;
  category: string;
  description?: string;
  /** The picture's content hash; null shows a placeholder. */
  pictureKey: string | null;
  price?: PriceView | null;
  stock?: StockView;
};

type ProductRow = {
  id: string;
  sku: string;
  name: string;
  unit: string;
  category: string;
  description?: string;
  pictureKey: string | null;
};

/**
 * What the organization pays for these products under its current contract, by product id,
 * whoever asks: checkout prices orders with it even for members who may not see prices.
 */
export async function buyerPrices(
  db: Executor,
  organizationId: string,
  productIds: string[],
  now: Date,
): Promise<Map<string, BuyerPrice>> {
  const contract = currentContract(await contractsOf(db, organizationId), utcDate(now));
  const listPrices = contract?.priceListId
    ? await listPricesOf(db, contract.priceListId, productIds)
    : new Map<string, never>();
  return new Map(productIds.map((id) => [id, buyerPrice(contract, listPrices.get(id) ?? null)]));
}

/** Buyer prices of these products as a member who may see prices is shown them. */
async function pricesFor(
  db: Executor,
  organizationId: string,
  productIds: string[],
  now: Date,
): Promise<Map<string, PriceView | null>> {
  const prices = await buyerPrices(db, organizationId, productIds, now);
  return new Map(
    productIds.map((id) => {
      const price = prices.get(id) ?? buyerPrice(null, null);
      if (price.kind === 'on_request') return [id, null];
      const discounted =
        price.discountBasisPoints > 0
          ? { listPriceMinor: price.listPriceMinor, discountBasisPoints: price.discountBasisPoints }
          : {};
      return [id, { unitPriceMinor: price.unitPriceMinor, currency: price.currency, ...discounted }];
    }),
  );
}

/** Available to promise of these products, in total and (for a product page) per center. */
async function stockFor(db: Executor, productIds: string[], perCenter: boolean): Promise<Map<string, StockView>> {
  const [centers, rows] = await Promise.all([allCenters(db), stockOf(db, productIds)]);
  const byKey = new Map(rows.map((row) => [`${row.productId}:${row.centerId}`, row]));
  return new Map(
    productIds.map((id) => {
      const levels: StockLevel[] = centers.map((center) => {
        const row = byKey.get(`${id}:${center.id}`);
        return {
          centerCode: center.code,
          centerName: center.name,
          onHand: row?.onHand ?? 0,
          allocated: row?.allocated ?? 0,
        };
      });
      const { available, byCenter } = availability(levels);
      return [id, perCenter ? { available, byCenter } : { available }];
    }),
  );
}

/**
 * Each product as this viewer may see it, in the order given: price and stock keys only with the
 * permissions. `detail` adds the description and stock per center (a product page). Other
 * features that show products (cart, orders) build their lines with it.
 */
export async function productViews(
  db: Executor,
  actor: Actor,
  rows: readonly ProductRow[],
  now: Date,
  detail: boolean,
): Promise<CatalogProduct[]> {
  const ids = rows.map((row) => row.id);
  const prices = actor.permissions.has('prices.view') ? await pricesFor(db, actor.organizationId, ids, now) : null;
  const stock = actor.permissions.has('stock.view') ? await stockFor(db, ids, detail) : null;
  return rows.map(({ id, sku, name, unit, category, description, pictureKey }) => ({
    sku,
    name,
    unit,
    category,
    pictureKey,
    ...(detail && description !== undefined ? { description } : {}),
    ...(prices ? { price: prices.get(id) ?? null } : {}),
    ...(stock?.has(id) ? { stock: stock.get(id) } : {}),
  }));
}

/** The store's categories with how many active products each holds. */
export async function catalogCategories(db: Executor) {
  return categoryCounts(db, { activeOnly: true });
}

/**
 * How the list is ordered for this member. A price sort needs their own price list: a member who
 * may not see prices, or whose organization has no priced contract, gets the list by name, so the
 * order never tells what they may not see. `sort` says which order was applied.
 */
async function listOrder(
  db: Executor,
  actor: Actor,
  sort: CatalogSort,
  now: Date,
): Promise<{ sort: CatalogSort; order: ProductOrder }> {
  if (sort === 'newest') return { sort, order: { by: 'newest' } };
  if (sort === 'name' || !actor.permissions.has('prices.view')) return { sort: 'name', order: { by: 'name' } };
  const contract = currentContract(await contractsOf(db, actor.organizationId), utcDate(now));
  if (!contract?.priceListId) return { sort: 'name', order: { by: 'name' } };
  return {
    sort,
    order: { by: 'price', priceListId: contract.priceListId, direction: sort === 'price_asc' ? 'asc' : 'desc' },
  };
}

/** A page of active products, by category and text in SKU or name, sorted and priced for the actor. */
export async function searchCatalog(db: Executor, actor: Actor, input: CatalogProductsInput, now: Date) {
  const { sort, order } = await listOrder(db, actor, input.sort, now);
  const list = await listProducts(
    db,
    { search: input.search || undefined, category: input.category || undefined, active: true },
    input,
    order,
  );
  return {
    page: input.page,
    pageCount: Math.max(1, Math.ceil(list.total / input.pageSize)),
    sort,
    total: list.total,
    hasNext: list.hasNext,
    products: await productViews(db, actor, list.rows, now, false),
  };
}

/** One active product by SKU, priced for the viewer, with stock per center when they may see it. */
export async function catalogProduct(db: Executor, actor: Actor, sku: string, now: Date): Promise<CatalogProduct> {
  const product = await productBySku(db, sku);
  if (!product || !product.active) throw notFound('That product');
  const [view] = await productViews(db, actor, [product], now, true);
  if (!view) throw notFound('That product');
  return view;
}
