import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { cartLines, products } from '@/db/schema';
import {
  addedQuantity,
  cartSubtotal,
  MAX_CART_LINES,
  parseQuickOrder,
  type QuickOrderProblem,
} from '@/server/domain/orders/cart';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import type { AddToCartInput, QuickOrderInput } from '@/server/schemas/cart';
import { productViews } from '../catalog/browse';

/**
 * The cart as this member may see it: each line with the product, and its price, line total and
 * the subtotal only for members who may see prices (absent otherwise, like everywhere else).
 */
export async function getCart(db: Executor, actor: Actor, now: Date) {
  const rows = await db
    .select({ productId: cartLines.productId, quantity: cartLines.quantity, product: products })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(eq(cartLines.membershipId, actor.membershipId))
    .orderBy(asc(cartLines.addedAt), asc(products.sku));
  const views = await productViews(
    db,
    actor,
    rows.map((row) => row.product),
    now,
    false,
  );
  const lines = rows.map((row, index) => {
    const view = views[index];
    if (!view) throw new Error('cart: a product view is missing');
    const { price, ...product } = view;
    const priced =
      price === undefined ? {} : { price, lineTotalMinor: price ? price.unitPriceMinor * row.quantity : null };
    return { ...product, active: row.product.active, quantity: row.quantity, ...priced };
  });
  const base = { lines, itemCount: lines.reduce((sum, line) => sum + line.quantity, 0) };
  if (!actor.permissions.has('prices.view')) return base;
  const subtotal = cartSubtotal(
    lines.map((line) =>
      line.price
        ? { quantity: line.quantity, unitPriceMinor: line.price.unitPriceMinor, currency: line.price.currency }
        : null,
    ),
  );
  return {
    ...base,
    subtotal: subtotal.ok
      ? { amountMinor: subtotal.subtotalMinor, currency: subtotal.currency }
      : { problem: subtotal.message },
  };
}

async function activeProduct(db: Executor, sku: string) {
  const [product] = await db.select().from(products).where(eq(products.sku, sku.trim().toUpperCase()));
  if (!product || !product.active) return undefined;
  return product;
}

/**
 * Adds to a line under the line's lock, so two quick clicks add twice and never lose one. Also
 * used to refill the cart from an old order or a template (services/orders/refill-cart.ts).
 */
export async function addQuantity(tx: Executor, actor: Actor, productId: string, quantity: number, now: Date) {
  const [line] = await tx
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.membershipId, actor.membershipId), eq(cartLines.productId, productId)))
    .for('update');
  if (!line) {
    const [{ lines = 0 } = {}] = await tx
      .select({ lines: sql<number>`count(*)::int` })
      .from(cartLines)
      .where(eq(cartLines.membershipId, actor.membershipId));
    if (lines >= MAX_CART_LINES)
      return { ok: false as const, message: `A cart holds at most ${MAX_CART_LINES} different products.` };
    await tx
      .insert(cartLines)
      .values({ membershipId: actor.membershipId, productId, quantity, addedAt: now })
      .onConflictDoUpdate({
        target: [cartLines.membershipId, cartLines.productId],
        set: { quantity: sql`least(${cartLines.quantity} + ${quantity}, 9999)` },
      });
    return { ok: true as const };
  }
  const next = addedQuantity(line.quantity, quantity);
  if (!next.ok) return next;
  await tx
    .update(cartLines)
    .set({ quantity: next.quantity })
    .where(and(eq(cartLines.membershipId, actor.membershipId), eq(cartLines.productId, productId)));
  return { ok: true as const };
}

export async function addToCart(db: Database, actor: Actor, input: AddToCartInput, now: Date) {
  const product = await activeProduct(db, input.sku);
  if (!product) throw invalidField('sku', `There is no product ${input.sku.toUpperCase()} in the catalog.`);
  await db.transaction(async (tx) => {
    const added = await addQuantity(tx, actor, product.id, input.quantity, now);
    if (!added.ok) throw invalidField('quantity', added.message);
  });
  return getCart(db, actor, now);
}

/**
 * "Quick order": several SKUs and quantities at once. The good lines go into the cart, in one
 * transaction; each bad line is reported with its line number and left out.
 */
export async function quickOrder(db: Database, actor: Actor, input: QuickOrderInput, now: Date) {
  const { entries, problems } = parseQuickOrder(input.lines);
  if (entries.length === 0 && problems.length === 0)
    throw invalidField('lines', 'Enter at least one SKU and quantity.');
  const found =
    entries.length > 0
      ? await db
          .select()
          .from(products)
          .where(
            inArray(
              products.sku,
              entries.map((entry) => entry.sku),
            ),
          )
      : [];
  const report: QuickOrderProblem[] = [...problems];
  let added = 0;
  await db.transaction(async (tx) => {
    for (const entry of entries) {
      const product = found.find((candidate) => candidate.sku === entry.sku && candidate.active);
      const outcome = product
        ? await addQuantity(tx, actor, product.id, entry.quantity, now)
        : { ok: false as const, message: `There is no product ${entry.sku} in the catalog.` };
      if (outcome.ok) added++;
      else report.push({ line: entry.line, text: entry.sku, message: outcome.message });
    }
  });
  report.sort((a, b) => a.line - b.line);
  return { added, problems: report, cart: await getCart(db, actor, now) };
}

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(db: Database, actor: Actor, input: { sku: string; quantity: number }, now: Date) {
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.sku, input.sku.trim().toUpperCase()));
  if (!product) throw notFound('That product');
  const where = and(eq(cartLines.membershipId, actor.membershipId), eq(cartLines.productId, product.id));
  if (input.quantity === 0) await db.delete(cartLines).where(where);
  else {
    const [updated] = await db
      .update(cartLines)
      .set({ quantity: input.quantity })
      .where(where)
      .returning({ quantity: cartLines.quantity });
    if (!updated) throw new DomainError('not_found', 'That product is not in your cart any more.');
  }
  return getCart(db, actor, now);
}

export async function clearCart(db: Database, actor: Actor, now: Date) {
  await db.delete(cartLines).where(eq(cartLines.membershipId, actor.membershipId));
  return getCart(db, actor, now);
}
