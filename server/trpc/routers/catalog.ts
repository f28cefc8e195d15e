import { catalogProductSchema, catalogProductsSchema } from '@/server/schemas/catalog';
import { catalogCategories, catalogProduct, searchCatalog, type CatalogViewer } from '@/server/services/catalog/browse';
import type { ActiveMembership } from '@/server/services/identity/viewer';
import { buyerProcedure, router } from '../init';

/** Prices follow the member's organization's contract; price and stock keys follow their permissions. */
const catalogViewer = (ctx: { membership: ActiveMembership }): CatalogViewer => ({
  organizationId: ctx.membership.organizationId,
  permissions: ctx.membership.permissions,
});

/**
 * The store's catalog. Every member may browse, so no procedure names a permission; the service
 * leaves out prices without 'prices.view' and stock without 'stock.view'.
 */
export const catalogRouter = router({
  categories: buyerProcedure.query(({ ctx }) => catalogCategories(ctx.db)),
  products: buyerProcedure
    .input(catalogProductsSchema)
    .query(({ ctx, input }) => searchCatalog(ctx.db, catalogViewer(ctx), input, ctx.now())),
  product: buyerProcedure
    .input(catalogProductSchema)
    .query(({ ctx, input }) => catalogProduct(ctx.db, catalogViewer(ctx), input.sku, ctx.now())),
});
