import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { productImages } from '@/db/schema';
import type { PictureVariant } from '@/server/domain/catalog/picture-url';

/** One rendered size of a picture, as stored and served. */
export type StoredPicture = { bytes: Buffer; contentType: string; width: number; height: number };

/**
 * Where rendered pictures live, addressed by (content-hash key, variant). PostgreSQL is the default
 * (nothing else to run); object storage (S3, R2 …) would be a second implementation of these two
 * methods, with the route in app/pictures unchanged. Keys are content hashes, so saving a key that
 * exists already is a no-op and nothing is ever overwritten.
 */
export type PictureStore = {
  save(key: string, variants: Record<PictureVariant, StoredPicture>): Promise<void>;
  load(key: string, variant: PictureVariant): Promise<{ bytes: Buffer; contentType: string } | null>;
};

/** The store over the `product_images` table; `db` may be a transaction (the seed writes inside its own). */
export function postgresPictureStore(db: Executor | (() => Executor)): PictureStore {
  const executor = typeof db === 'function' ? db : () => db;
  return {
    async save(key, variants) {
      const rows = Object.entries(variants).map(([variant, picture]) => ({ key, variant, ...picture }));
      await executor().insert(productImages).values(rows).onConflictDoNothing();
    },
    async load(key, variant) {
      const [row] = await executor()
        .select({ bytes: productImages.bytes, contentType: productImages.contentType })
        .from(productImages)
        .where(and(eq(productImages.key, key), eq(productImages.variant, variant)));
      return row ?? null;
    },
  };
}

/** The store the app uses. */
export const pictureStore: PictureStore = postgresPictureStore(getDb);
