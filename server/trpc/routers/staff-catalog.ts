import {
  applyCatalogImportSchema,
  catalogImportSchema,
  countStockSchema,
  createProductSchema,
  receiveStockSchema,
  setPriceSchema,
  staffProductListSchema,
  staffProductSchema,
  updateProductSchema,
} from '@/server/schemas/catalog';
import {
  catalogOptions,
  countStock,
  createProduct,
  listStaffProducts,
  receiveStock,
  setProductPrice,
  staffProduct,
  updateProduct,
} from '@/server/services/catalog/staff-catalog';
import { applyCatalogImport, previewCatalogImport } from '@/server/services/catalog/import';
import { router, staffProcedure } from '../init';

const catalogStaffProcedure = staffProcedure.meta({ permission: 'staff.catalog.manage' });

/** Staff: products, their prices per list and stock per center, and the CSV import. */
export const staffCatalogRouter = router({
  options: catalogStaffProcedure.query(({ ctx }) => catalogOptions(ctx.db)),
  products: catalogStaffProcedure
    .input(staffProductListSchema)
    .query(({ ctx, input }) => listStaffProducts(ctx.db, input)),
  product: catalogStaffProcedure.input(staffProductSchema).query(({ ctx, input }) => staffProduct(ctx.db, input.sku)),
  createProduct: catalogStaffProcedure
    .input(createProductSchema)
    .mutation(({ ctx, input }) => createProduct(ctx.db, input, ctx.actor, ctx.now())),
  updateProduct: catalogStaffProcedure
    .input(updateProductSchema)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, input, ctx.actor, ctx.now())),
  setPrice: catalogStaffProcedure
    .input(setPriceSchema)
    .mutation(({ ctx, input }) => setProductPrice(ctx.db, input, ctx.actor, ctx.now())),
  receiveStock: catalogStaffProcedure
    .input(receiveStockSchema)
    .mutation(({ ctx, input }) => receiveStock(ctx.db, input, ctx.actor, ctx.now())),
  countStock: catalogStaffProcedure
    .input(countStockSchema)
    .mutation(({ ctx, input }) => countStock(ctx.db, input, ctx.actor, ctx.now())),
  previewImport: catalogStaffProcedure
    .input(catalogImportSchema)
    .mutation(({ ctx, input }) => previewCatalogImport(ctx.db, input)),
  applyImport: catalogStaffProcedure
    .input(applyCatalogImportSchema)
    .mutation(({ ctx, input }) => applyCatalogImport(ctx.db, input, ctx.actor, ctx.now())),
});
