import { catalogProductSchema, catalogProductsSchema } from '@/server/schemas/catalog';
import { catalogCategories, catalogProduct, searchCatalog } from '@/server/services/catalog/browse';
import { buyerProcedure, router } from '../init';

/** Prices follow the member's organization's contract; price and stock keys follow their permissions. */

/**
 * The store's catalog. Every member may browse, so no procedure names a permission; the service
 * leaves out prices without 'prices.view' and stock without 'stock.view'.
 */
export const catalogRouter = router({
  categories: buyerProcedure.query(({ ctx }) => catalogCategories(ctx.db)),
  products: buyerProcedure
    .input(catalogProductsSchema)
    .query(({ ctx, input }) => searchCatalog(ctx.db, ctx.actor, input, ctx.now())),
  product: buyerProcedure
    .input(catalogProductSchema)
    .query(({ ctx, input }) => catalogProduct(ctx.db, ctx.actor, input.sku, ctx.now())),
});
