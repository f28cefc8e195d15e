import { createErpKeySchema, erpKeysListSchema, revokeErpKeySchema } from '@/server/schemas/erp-keys';
import { createErpKey, listErpKeys, revokeErpKey } from '@/server/services/erp/keys';
import { router, staffProcedure } from '../init';

const erpKeysProcedure = staffProcedure.meta({ permission: 'staff.erp.import' });

/** Staff: the API keys the seller's ERP reads the order feed with. */
export const erpKeysRouter = router({
  list: erpKeysProcedure.input(erpKeysListSchema).query(({ ctx, input }) => listErpKeys(ctx.db, input)),
  create: erpKeysProcedure
    .input(createErpKeySchema)
    .mutation(({ ctx, input }) => createErpKey(ctx.db, input, ctx.actor, ctx.now())),
  revoke: erpKeysProcedure
    .input(revokeErpKeySchema)
    .mutation(({ ctx, input }) => revokeErpKey(ctx.db, input, ctx.actor, ctx.now())),
});
