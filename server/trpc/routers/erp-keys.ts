import { createErpKeySchema, erpKeysListSchema, revokeErpKeySchema } from '@/server/schemas/erp-keys';
import { createErpKey, listErpKeys, revokeErpKey, type ErpKeyActor } from '@/server/services/erp/keys';
import { router, staffProcedure } from '../init';

const erpKeysProcedure = staffProcedure.meta({ permission: 'staff.erp.import' });

const keyActor = (ctx: { viewer: { user: { id: string } }; organizationId: string }): ErpKeyActor => ({
  userId: ctx.viewer.user.id,
  organizationId: ctx.organizationId,
});

/** Staff: the API keys the seller's ERP reads the order feed with. */
export const erpKeysRouter = router({
  list: erpKeysProcedure.input(erpKeysListSchema).query(({ ctx, input }) => listErpKeys(ctx.db, input)),
  create: erpKeysProcedure
    .input(createErpKeySchema)
    .mutation(({ ctx, input }) => createErpKey(ctx.db, input, keyActor(ctx), ctx.now())),
  revoke: erpKeysProcedure
    .input(revokeErpKeySchema)
    .mutation(({ ctx, input }) => revokeErpKey(ctx.db, input, keyActor(ctx), ctx.now())),
});
