import { createUnitSchema, moveUnitSchema, renameUnitSchema, unitIdSchema } from '@/server/schemas/units';
import {
  createUnit,
  deactivateUnit,
  moveUnit,
  reactivateUnit,
  renameUnit,
  unitTree,
  type UnitActor,
} from '@/server/services/organizations/units';
import { buyerProcedure, router } from '../init';

const manageUnits = buyerProcedure.meta({ permission: 'org.units.manage' });

const actorOf = (ctx: { organizationId: string; viewer: { user: { id: string } } }): UnitActor => ({
  organizationId: ctx.organizationId,
  userId: ctx.viewer.user.id,
});

/** The buyer administrator's organization tree: departments and branches. */
export const unitsRouter = router({
  tree: manageUnits.query(({ ctx }) => unitTree(ctx.db, ctx.organizationId)),
  create: manageUnits
    .input(createUnitSchema)
    .mutation(({ ctx, input }) => createUnit(ctx.db, actorOf(ctx), input, ctx.now())),
  rename: manageUnits
    .input(renameUnitSchema)
    .mutation(({ ctx, input }) => renameUnit(ctx.db, actorOf(ctx), input, ctx.now())),
  move: manageUnits
    .input(moveUnitSchema)
    .mutation(({ ctx, input }) => moveUnit(ctx.db, actorOf(ctx), input, ctx.now())),
  deactivate: manageUnits
    .input(unitIdSchema)
    .mutation(({ ctx, input }) => deactivateUnit(ctx.db, actorOf(ctx), input, ctx.now())),
  reactivate: manageUnits
    .input(unitIdSchema)
    .mutation(({ ctx, input }) => reactivateUnit(ctx.db, actorOf(ctx), input, ctx.now())),
});
