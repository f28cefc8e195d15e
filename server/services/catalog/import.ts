import { inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { fulfillmentCenters, inventory, priceListPrices, priceLists, products } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import {
  planCatalogImport,
  priceKey,
  readCatalogFiles,
  stockKey,
  type CatalogChanges,
  type CatalogImportSummary,
  type CatalogSnapshot,
  type ReadFiles,
} from '@/server/domain/catalog/import-plan';
import { importedAndSkipped } from '@/server/domain/catalog/import-counts';
import { DomainError } from '@/server/domain/errors';
import type { ApplyCatalogImportInput, CatalogImportInput } from '@/server/schemas/catalog';
import { recordAudit } from '../audit/record-audit';

const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What the database holds of the SKUs the files name, plus every price list and center. With
 * `lock`, the stock rows are locked until the transaction ends, so no allocation slips in
 * between the check "on hand ≥ allocated" and the write.
 */
async function loadSnapshot(
  db: Executor,
  read: ReadFiles,
  lock: boolean,
): Promise<CatalogSnapshot & { productIds: Map<string, string> }> {
  const found = [];
  for (const skus of chunks(read.skus))
    found.push(...(await db.select().from(products).where(inArray(products.sku, skus))));
  const productIds = new Map(found.map((product) => [product.sku, product.id]));
  const skuOf = new Map(found.map((product) => [product.id, product.sku]));
  const [lists, centers, categories] = await Promise.all([
    db.select({ id: priceLists.id, name: priceLists.name, currency: priceLists.currency }).from(priceLists),
    db.select({ id: fulfillmentCenters.id, code: fulfillmentCenters.code }).from(fulfillmentCenters),
    read.tables.products ? db.selectDistinct({ name: products.category }).from(products) : [],
  ]);
  const prices = new Map<string, number>();
  const stock = new Map<string, { onHand: number; allocated: number }>();
  for (const ids of chunks([...skuOf.keys()])) {
    if (read.tables.prices) {
      const rows = await db.select().from(priceListPrices).where(inArray(priceListPrices.productId, ids));
      for (const row of rows) prices.set(priceKey(row.priceListId, skuOf.get(row.productId) ?? ''), row.unitPriceMinor);
    }
    if (read.tables.stock) {
      const query = db.select().from(inventory).where(inArray(inventory.productId, ids));
      const rows = lock ? await query.for('update') : await query;
      for (const row of rows)
        stock.set(stockKey(row.fulfillmentCenterId, skuOf.get(row.productId) ?? ''), {
          onHand: row.onHand,
          allocated: row.allocated,
        });
    }
  }
  return {
    products: new Map(found.map((product) => [product.sku, product])),
    priceLists: lists,
    prices,
    centers,
    stock,
    categories: categories.map((category) => category.name),
    productIds,
  };
}

/** What importing the files would change, and every problem in them. Writes nothing. */
export async function previewCatalogImport(db: Executor, files: CatalogImportInput): Promise<CatalogImportSummary> {
  const read = readCatalogFiles(files);
  return planCatalogImport(read, await loadSnapshot(db, read, false), files).summary;
}

async function writeChanges(tx: Executor, changes: CatalogChanges, productIds: Map<string, string>, now: Date) {
  for (const rows of chunks(changes.products)) {
    const written = await tx
      .insert(products)
      .values(rows.map(({ isNew: _isNew, ...product }) => ({ ...product, createdAt: now, updatedAt: now })))
      .onConflictDoUpdate({
        target: products.sku,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          unit: sql`excluded.unit`,
          category: sql`excluded.category`,
          active: sql`excluded.active`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ id: products.id, sku: products.sku });
    for (const product of written) productIds.set(product.sku, product.id);
  }
  const idOf = (sku: string) => {
    const id = productIds.get(sku);
    if (!id) throw new Error(`catalog import: no product for ${sku}`);
    return id;
  };
  for (const rows of chunks(changes.prices)) {
    await tx
      .insert(priceListPrices)
      .values(
        rows.map((row) => ({
          priceListId: row.priceListId,
          productId: idOf(row.sku),
          unitPriceMinor: row.unitPriceMinor,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [priceListPrices.priceListId, priceListPrices.productId],
        set: { unitPriceMinor: sql`excluded.unit_price_minor`, updatedAt: sql`excluded.updated_at` },
      });
  }
  for (const rows of chunks(changes.stock)) {
    await tx
      .insert(inventory)
      .values(
        rows.map((row) => ({
          productId: idOf(row.sku),
          fulfillmentCenterId: row.centerId,
          onHand: row.onHand,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [inventory.productId, inventory.fulfillmentCenterId],
        set: {
          onHand: sql`excluded.on_hand`,
          version: sql`${inventory.version} + 1`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

/** An applied import: the preview's summary, and how many rows were imported and skipped. */
export type CatalogImportResult = CatalogImportSummary & { imported: number; skipped: number };

/**
 * Applies the files in one transaction: rows in them are added or updated, anything they do not
 * mention stays as it is (not a snapshot). While any row has an error nothing is imported, unless
 * the person chose to import only the rows without errors ('valid_rows_only'). Imports queue
 * behind each other; each is recorded in the audit log with its counts.
 */
export async function applyCatalogImport(
  db: Database,
  files: CatalogImportInput & { mode?: ApplyCatalogImportInput['mode'] },
  actor: Actor,
  now: Date,
): Promise<CatalogImportResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('countersign.catalog-import'))`);
    const read = readCatalogFiles(files);
    const snapshot = await loadSnapshot(tx, read, true);
    const plan = planCatalogImport(read, snapshot, files);
    if (!plan.changes) {
      const first = plan.summary.problems[0];
      throw new DomainError('invalid', `Nothing was imported: ${first?.message ?? 'the files cannot be read.'}`);
    }
    const { problemCount } = plan.summary;
    if (problemCount > 0 && (files.mode ?? 'all') === 'all') {
      const rows = problemCount === 1 ? '1 row has errors' : `${problemCount.toLocaleString('en-US')} rows have errors`;
      throw new DomainError(
        'invalid',
        `Nothing was imported: ${rows}. Fix them, or choose to import only the rows without errors.`,
      );
    }
    const counted = importedAndSkipped(plan.summary);
    await writeChanges(tx, plan.changes, snapshot.productIds, now);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'catalog.imported',
      targetType: 'catalog',
      data: {
        files: plan.summary.files,
        problemCount,
        ...counted,
        newCategories: plan.summary.newCategories,
      },
      now,
    });
    return { ...plan.summary, ...counted };
  });
}
