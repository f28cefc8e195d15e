import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cartLines } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';

/**
 * How many items are in the member's cart (the sum of quantities), for the cart link in the header
 * of every page: one index range on the member's lines, no prices or stock worked out.
 */
export async function cartItemCount(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ items: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .where(eq(cartLines.membershipId, actor.membershipId));
  return row?.items ?? 0;
}
