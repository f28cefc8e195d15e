import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { allCenters, categoryCounts, listProducts, productBySku, stockOf } from '@/db/queries/catalog';
import { fulfillmentCenters, inventory, priceListPrices, priceLists, products } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { applyStockChange, availableToPromise, type StockChange } from '@/server/domain/catalog/availability';
import { parseUnitPrice } from '@/server/domain/catalog/product-rules';
import { conflict, invalidField, notFound } from '@/server/domain/errors';
import type {
  CountStockInput,
  CreateProductInput,
  ReceiveStockInput,
  SetPriceInput,
  StaffProductListInput,
  UpdateProductInput,
} from '@/server/schemas/catalog';
import { recordAudit } from '../audit/record-audit';

/** What the staff forms offer: price lists, fulfillment centers and the categories in use. */
export async function catalogOptions(db: Executor) {
  const [lists, centers, categories] = await Promise.all([
    db
      .select({ id: priceLists.id, name: priceLists.name, currency: priceLists.currency })
      .from(priceLists)
      .orderBy(asc(priceLists.name)),
    allCenters(db),
    categoryCounts(db, { activeOnly: false }),
  ]);
  return {
    priceLists: lists,
    centers: centers.map(({ id, code, name }) => ({ id, code, name })),
    categories: categories.map((category) => category.name),
  };
}

/** A page of products, active or not, with total on hand and available across centers. */
export async function listStaffProducts(db: Executor, input: StaffProductListInput) {
  const active = input.status === undefined ? undefined : input.status === 'active';
  const list = await listProducts(
    db,
    { search: input.search || undefined, category: input.category || undefined, active },
    input,
  );
  const stock = await stockOf(
    db,
    list.rows.map((row) => row.id),
  );
  return {
    page: input.page,
    total: list.total,
    hasNext: list.hasNext,
    rows: list.rows.map((row) => {
      const levels = stock.filter((level) => level.productId === row.id);
      return {
        ...row,
        onHand: levels.reduce((sum, level) => sum + level.onHand, 0),
        available: levels.reduce((sum, level) => sum + availableToPromise(level), 0),
      };
    }),
  };
}

/** One product with its price in every list (null when absent) and its stock at every center. */
export async function staffProduct(db: Executor, sku: string) {
  const product = await productBySku(db, sku);
  if (!product) throw notFound('That product');
  const [lists, centers, stock] = await Promise.all([
    db
      .select({
        id: priceLists.id,
        name: priceLists.name,
        currency: priceLists.currency,
        unitPriceMinor: priceListPrices.unitPriceMinor,
      })
      .from(priceLists)
      .leftJoin(
        priceListPrices,
        and(eq(priceListPrices.priceListId, priceLists.id), eq(priceListPrices.productId, product.id)),
      )
      .orderBy(asc(priceLists.name)),
    allCenters(db),
    stockOf(db, [product.id]),
  ]);
  return {
    product,
    prices: lists,
    stock: centers.map((center) => {
      const row = stock.find((level) => level.centerId === center.id);
      const level = { onHand: row?.onHand ?? 0, allocated: row?.allocated ?? 0 };
      return {
        centerId: center.id,
        code: center.code,
        name: center.name,
        ...level,
        available: availableToPromise(level),
        version: row?.version ?? 0,
      };
    }),
  };
}

const productValues = (input: Omit<UpdateProductInput, 'productId'>) => ({
  name: input.name,
  description: input.description,
  unit: input.unit,
  category: input.category,
  active: input.active,
});

/** Adds a product; a SKU already in the catalog is refused beside the field. */
export async function createProduct(db: Database, input: CreateProductInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(products)
      .values({ sku: input.sku, ...productValues(input), createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: products.sku })
      .returning({ id: products.id, sku: products.sku });
    if (!created) throw invalidField('sku', `A product with SKU ${input.sku} already exists.`);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'catalog.product_created',
      targetType: 'product',
      targetId: created.id,
      data: { sku: created.sku, ...productValues(input) },
      now,
    });
    return created;
  });
}

export async function updateProduct(db: Database, input: UpdateProductInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).for('update');
    if (!product) throw notFound('That product');
    const values = productValues(input);
    await tx
      .update(products)
      .set({ ...values, updatedAt: now })
      .where(eq(products.id, product.id));
    const changed = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => product[key as keyof typeof values] !== value),
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'catalog.product_updated',
      targetType: 'product',
      targetId: product.id,
      data: { sku: product.sku, changed },
      now,
    });
    return { id: product.id, sku: product.sku };
  });
}

/** Sets a product's price in one list, or with an empty price takes it out ("price on request"). */
export async function setProductPrice(db: Database, input: SetPriceInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(eq(products.id, input.productId));
    if (!product) throw notFound('That product');
    const [list] = await tx.select().from(priceLists).where(eq(priceLists.id, input.priceListId));
    if (!list) throw notFound('That price list');
    const key = and(eq(priceListPrices.priceListId, list.id), eq(priceListPrices.productId, product.id));
    let unitPriceMinor: number | null = null;
    if (input.unitPrice === '') {
      await tx.delete(priceListPrices).where(key);
    } else {
      const parsed = parseUnitPrice(input.unitPrice, list.currency);
      if (!parsed.ok) throw invalidField('unitPrice', parsed.message);
      unitPriceMinor = parsed.value;
      await tx
        .insert(priceListPrices)
        .values({ priceListId: list.id, productId: product.id, unitPriceMinor, updatedAt: now })
        .onConflictDoUpdate({
          target: [priceListPrices.priceListId, priceListPrices.productId],
          set: { unitPriceMinor, updatedAt: now },
        });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'catalog.price_set',
      targetType: 'product',
      targetId: product.id,
      data: { sku: product.sku, priceList: list.name, currency: list.currency, unitPriceMinor },
      now,
    });
    return { unitPriceMinor, currency: list.currency };
  });
}

/** The inventory row of a product at a center, created empty if missing, locked until the transaction ends. */
async function lockStock(tx: Transaction, productId: string, centerId: string) {
  const [product] = await tx
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) throw notFound('That product');
  const [center] = await tx.select().from(fulfillmentCenters).where(eq(fulfillmentCenters.id, centerId));
  if (!center) throw notFound('That fulfillment center');
  await tx.insert(inventory).values({ productId, fulfillmentCenterId: centerId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(inventory)
    .where(and(eq(inventory.productId, productId), eq(inventory.fulfillmentCenterId, centerId)))
    .for('update');
  if (!row) throw new Error('inventory row vanished under its lock');
  return { product, center, row };
}

async function changeStock(
  db: Database,
  target: { productId: string; fulfillmentCenterId: string },
  change: StockChange,
  expectedVersion: number | null,
  actor: Actor,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { product, center, row } = await lockStock(tx, target.productId, target.fulfillmentCenterId);
    if (expectedVersion !== null && row.version !== expectedVersion) {
      throw conflict(
        `The stock of ${product.sku} at ${center.code} changed meanwhile: ${row.onHand} on hand, ${row.allocated} allocated. Check the figures and try again.`,
      );
    }
    const outcome = applyStockChange(row, change);
    if (!outcome.ok) throw invalidField(change.kind === 'receive' ? 'quantity' : 'onHand', outcome.message);
    const [updated] = await tx
      .update(inventory)
      .set({ onHand: outcome.onHand, version: sql`${inventory.version} + 1`, updatedAt: now })
      .where(and(eq(inventory.productId, row.productId), eq(inventory.fulfillmentCenterId, row.fulfillmentCenterId)))
      .returning();
    if (!updated) throw new Error('inventory row vanished under its lock');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: change.kind === 'receive' ? 'catalog.stock_received' : 'catalog.stock_counted',
      targetType: 'product',
      targetId: product.id,
      data: {
        sku: product.sku,
        center: center.code,
        onHandBefore: row.onHand,
        onHandAfter: updated.onHand,
        ...(change.kind === 'receive' ? { quantity: change.quantity } : {}),
      },
      now,
    });
    return {
      onHand: updated.onHand,
      allocated: updated.allocated,
      available: availableToPromise(updated),
      version: updated.version,
    };
  });
}

/** Records goods received at a center: on hand grows by the quantity, under the row's lock. */
export async function receiveStock(db: Database, input: ReceiveStockInput, actor: Actor, now: Date) {
  return changeStock(db, input, { kind: 'receive', quantity: input.quantity }, null, actor, now);
}

/**
 * Records a stock count: on hand becomes the counted quantity, never below what is allocated.
 * Refused with CONFLICT when the row changed since the person read it (its version).
 */
export async function countStock(db: Database, input: CountStockInput, actor: Actor, now: Date) {
  return changeStock(db, input, { kind: 'count', onHand: input.onHand }, input.expectedVersion, actor, now);
}
