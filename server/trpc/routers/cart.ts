import { addToCartSchema, quickOrderSchema, setCartQuantitySchema } from '@/server/schemas/cart';
import { cartItemCount } from '@/server/services/orders/cart-count';
import { addToCart, clearCart, getCart, quickOrder, setCartQuantity } from '@/server/services/orders/cart';
import { buyerProcedure, router } from '../init';

// Every cart procedure needs "place orders": without "may order" there is no cart at all.
const cartProcedure = buyerProcedure.meta({ permission: 'orders.place' });

/** The member's cart: one per customer account, lines by SKU, quick order. */
export const cartRouter = router({
  get: cartProcedure.query(({ ctx }) => getCart(ctx.db, ctx.actor, ctx.now())),
  itemCount: cartProcedure.query(({ ctx }) => cartItemCount(ctx.db, ctx.actor)),
  add: cartProcedure
    .input(addToCartSchema)
    .mutation(({ ctx, input }) => addToCart(ctx.db, ctx.actor, input, ctx.now())),
  quickOrder: cartProcedure
    .input(quickOrderSchema)
    .mutation(({ ctx, input }) => quickOrder(ctx.db, ctx.actor, input, ctx.now())),
  setQuantity: cartProcedure
    .input(setCartQuantitySchema)
    .mutation(({ ctx, input }) => setCartQuantity(ctx.db, ctx.actor, input, ctx.now())),
  clear: cartProcedure.mutation(({ ctx }) => clearCart(ctx.db, ctx.actor, ctx.now())),
});
