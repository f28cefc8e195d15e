import { createUnitSchema, moveUnitSchema, renameUnitSchema, unitIdSchema } from '@/server/schemas/units';
import {
  createUnit,
  deactivateUnit,
  moveUnit,
  reactivateUnit,
  renameUnit,
  unitTree,
} from '@/server/services/organizations/units';
import { buyerProcedure, router } from '../init';

const manageUnits = buyerProcedure.meta({ permission: 'org.units.manage' });

/** The buyer administrator's organization tree: departments and branches. */
export const unitsRouter = router({
  tree: manageUnits.query(({ ctx }) => unitTree(ctx.db, ctx.actor)),
  create: manageUnits
    .input(createUnitSchema)
    .mutation(({ ctx, input }) => createUnit(ctx.db, ctx.actor, input, ctx.now())),
  rename: manageUnits
    .input(renameUnitSchema)
    .mutation(({ ctx, input }) => renameUnit(ctx.db, ctx.actor, input, ctx.now())),
  move: manageUnits.input(moveUnitSchema).mutation(({ ctx, input }) => moveUnit(ctx.db, ctx.actor, input, ctx.now())),
  deactivate: manageUnits
    .input(unitIdSchema)
    .mutation(({ ctx, input }) => deactivateUnit(ctx.db, ctx.actor, input, ctx.now())),
  reactivate: manageUnits
    .input(unitIdSchema)
    .mutation(({ ctx, input }) => reactivateUnit(ctx.db, ctx.actor, input, ctx.now())),
});
