import {
  renameTemplateSchema,
  saveTemplateSchema,
  templateIdSchema,
  templateListSchema,
} from '@/server/schemas/order-history';
import type { CartOwner } from '@/server/services/orders/cart';
import {
  addTemplateToCart,
  deleteTemplate,
  getTemplate,
  listTemplates,
  renameTemplate,
  saveCartAsTemplate,
} from '@/server/services/orders/templates';
import type { ActiveMembership } from '@/server/services/identity/viewer';
import { buyerProcedure, router } from '../init';

// Templates are saved carts: the same permission as the cart, and always the caller's own.
const templateProcedure = buyerProcedure.meta({ permission: 'orders.place' });

const ownerOf = (ctx: { membership: ActiveMembership; organizationId: string }): CartOwner => ({
  membershipId: ctx.membership.id,
  organizationId: ctx.organizationId,
  permissions: ctx.membership.permissions,
});

/** The member's order templates: save the cart, list, open, rename, delete, and order from one. */
export const orderTemplatesRouter = router({
  list: templateProcedure
    .input(templateListSchema)
    .query(({ ctx, input }) => listTemplates(ctx.db, ownerOf(ctx), input)),
  get: templateProcedure
    .input(templateIdSchema)
    .query(({ ctx, input }) => getTemplate(ctx.db, ownerOf(ctx), input.templateId, ctx.now())),
  saveCart: templateProcedure
    .input(saveTemplateSchema)
    .mutation(({ ctx, input }) => saveCartAsTemplate(ctx.db, ownerOf(ctx), input, ctx.now())),
  rename: templateProcedure
    .input(renameTemplateSchema)
    .mutation(({ ctx, input }) => renameTemplate(ctx.db, ownerOf(ctx), input)),
  delete: templateProcedure
    .input(templateIdSchema)
    .mutation(({ ctx, input }) => deleteTemplate(ctx.db, ownerOf(ctx), input.templateId)),
  addToCart: templateProcedure
    .input(templateIdSchema)
    .mutation(({ ctx, input }) => addTemplateToCart(ctx.db, ownerOf(ctx), input.templateId, ctx.now())),
});
