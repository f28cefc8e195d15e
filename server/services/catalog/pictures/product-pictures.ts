import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, forbidden, notFound } from '@/server/domain/errors';
import { recordAudit } from '../../audit/record-audit';
import { processPicture } from './process';
import { pictureStore, type PictureStore } from './store';

/** The permission the staff catalog's product edit requires (server/trpc/routers/staff-catalog.ts). */
export const PICTURE_PERMISSION = 'staff.catalog.manage' as const;

/** Only seller staff who manage the catalog change pictures, as for every other product edit. */
export function assertMayChangePictures(actor: Actor): void {
  if (actor.organization.kind !== 'seller') throw forbidden('This is for Countersign staff only.');
  if (!actor.permissions.has(PICTURE_PERMISSION)) throw forbidden('You do not have permission to do this.');
}

/**
 * Checks and renders an uploaded picture, stores its sizes, then points the product at it in one
 * transaction with the audit entry. The image work happens before the transaction, so no row is
 * locked while sharp runs. A refusal is an `invalid` error on the `picture` field.
 */
export async function setProductPicture(
  db: Database,
  actor: Actor,
  sku: string,
  bytes: Uint8Array,
  now: Date,
  store: PictureStore = pictureStore,
) {
  assertMayChangePictures(actor);
  const outcome = await processPicture(bytes);
  if (!outcome.ok) throw new DomainError('invalid', outcome.message, { picture: [outcome.message] });
  const { picture } = outcome;
  await store.save(picture.key, picture.variants);
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, sku: products.sku, pictureKey: products.pictureKey })
      .from(products)
      .where(eq(products.sku, sku.trim().toUpperCase()))
      .for('update');
    if (!product) throw notFound('That product');
    await tx.update(products).set({ pictureKey: picture.key, updatedAt: now }).where(eq(products.id, product.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'catalog.picture_set',
      targetType: 'product',
      targetId: product.id,
      data: {
        sku: product.sku,
        pictureKey: picture.key,
        previousPictureKey: product.pictureKey,
        format: picture.format,
        width: picture.width,
        height: picture.height,
        bytes: bytes.length,
      },
      now,
    });
    return { sku: product.sku, pictureKey: picture.key };
  });
}

/**
 * Takes a product's picture away (it shows the placeholder again). The stored sizes stay: other
 * products, or emails already sent, may show the same content-addressed picture.
 */
export async function removeProductPicture(db: Database, actor: Actor, sku: string, now: Date) {
  assertMayChangePictures(actor);
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, sku: products.sku, pictureKey: products.pictureKey })
      .from(products)
      .where(eq(products.sku, sku.trim().toUpperCase()))
      .for('update');
    if (!product) throw notFound('That product');
    if (product.pictureKey !== null) {
      await tx.update(products).set({ pictureKey: null, updatedAt: now }).where(eq(products.id, product.id));
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: 'catalog.picture_removed',
        targetType: 'product',
        targetId: product.id,
        data: { sku: product.sku, previousPictureKey: product.pictureKey },
        now,
      });
    }
    return { sku: product.sku, pictureKey: null };
  });
}
