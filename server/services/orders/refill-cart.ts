import type { Database } from '@/db/client';
import type { Actor } from '@/server/domain/access/actor';
import { addQuantity } from './cart';

/** A product to put back into the cart, as an old order or a template holds it. */
export type RefillLine = { productId: string; sku: string; name: string; quantity: number; active: boolean };

export type LeftOutLine = { sku: string; name: string; quantity: number; reason: string };

/**
 * Adds the lines to the member's cart in one transaction, through the cart's own rules (line and
 * cart limits); products no longer sold and lines over a limit are left out and reported.
 */
export async function refillCart(db: Database, actor: Actor, lines: readonly RefillLine[], now: Date) {
  const leftOut: LeftOutLine[] = [];
  let added = 0;
  await db.transaction(async (tx) => {
    for (const line of lines) {
      const outcome = line.active
        ? await addQuantity(tx, actor, line.productId, line.quantity, now)
        : { ok: false as const, message: 'This product is no longer sold.' };
      if (outcome.ok) added++;
      else leftOut.push({ sku: line.sku, name: line.name, quantity: line.quantity, reason: outcome.message });
    }
  });
  return { added, leftOut };
}
