import {
  renameTemplateSchema,
  saveTemplateSchema,
  templateIdSchema,
  templateListSchema,
} from '@/server/schemas/order-history';
import {
  addTemplateToCart,
  deleteTemplate,
  getTemplate,
  listTemplates,
  renameTemplate,
  saveCartAsTemplate,
} from '@/server/services/orders/templates';
import { buyerProcedure, router } from '../init';

// Templates are saved carts: the same permission as the cart, and always the caller's own.
const templateProcedure = buyerProcedure.meta({ permission: 'orders.place' });

/** The member's order templates: save the cart, list, open, rename, delete, and order from one. */
export const orderTemplatesRouter = router({
  list: templateProcedure.input(templateListSchema).query(({ ctx, input }) => listTemplates(ctx.db, ctx.actor, input)),
  get: templateProcedure
    .input(templateIdSchema)
    .query(({ ctx, input }) => getTemplate(ctx.db, ctx.actor, input.templateId, ctx.now())),
  saveCart: templateProcedure
    .input(saveTemplateSchema)
    .mutation(({ ctx, input }) => saveCartAsTemplate(ctx.db, ctx.actor, input, ctx.now())),
  rename: templateProcedure
    .input(renameTemplateSchema)
    .mutation(({ ctx, input }) => renameTemplate(ctx.db, ctx.actor, input)),
  delete: templateProcedure
    .input(templateIdSchema)
    .mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx.actor, input.templateId)),
  addToCart: templateProcedure
    .input(templateIdSchema)
    .mutation(({ ctx, input }) => addTemplateToCart(ctx.db, ctx.actor, input.templateId, ctx.now())),
});
