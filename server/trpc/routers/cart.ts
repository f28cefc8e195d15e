import { addToCartSchema, quickOrderSchema, setCartQuantitySchema } from '@/server/schemas/cart';
import {
  addToCart,
  clearCart,
  getCart,
  quickOrder,
  setCartQuantity,
  type CartOwner,
} from '@/server/services/orders/cart';
import type { ActiveMembership } from '@/server/services/identity/viewer';
import { buyerProcedure, router } from '../init';

// Every cart procedure needs "place orders": without "may order" there is no cart at all.
const cartProcedure = buyerProcedure.meta({ permission: 'orders.place' });

const ownerOf = (ctx: { membership: ActiveMembership; organizationId: string }): CartOwner => ({
  membershipId: ctx.membership.id,
  organizationId: ctx.organizationId,
  permissions: ctx.membership.permissions,
});

/** The member's cart: one per customer account, lines by SKU, quick order. */
export const cartRouter = router({
  get: cartProcedure.query(({ ctx }) => getCart(ctx.db, ownerOf(ctx), ctx.now())),
  add: cartProcedure
    .input(addToCartSchema)
    .mutation(({ ctx, input }) => addToCart(ctx.db, ownerOf(ctx), input, ctx.now())),
  quickOrder: cartProcedure
    .input(quickOrderSchema)
    .mutation(({ ctx, input }) => quickOrder(ctx.db, ownerOf(ctx), input, ctx.now())),
  setQuantity: cartProcedure
    .input(setCartQuantitySchema)
    .mutation(({ ctx, input }) => setCartQuantity(ctx.db, ownerOf(ctx), input, ctx.now())),
  clear: cartProcedure.mutation(({ ctx }) => clearCart(ctx.db, ownerOf(ctx), ctx.now())),
});
