import {
  addressIdSchema,
  createAddressSchema,
  setAddressActiveSchema,
  updateAddressSchema,
} from '@/server/schemas/addresses';
import {
  createAddress,
  listAddresses,
  makeDefaultAddress,
  setAddressActive,
  updateAddress,
} from '@/server/services/organizations/addresses';
import { buyerProcedure, router } from '../init';

// Ship-to addresses belong with the organization's departments and branches.
const manageAddresses = buyerProcedure.meta({ permission: 'org.units.manage' });

/** The buyer administrator's address book: where the organization's orders can be shipped. */
export const addressesRouter = router({
  list: manageAddresses.query(({ ctx }) => listAddresses(ctx.db, ctx.actor)),
  create: manageAddresses
    .input(createAddressSchema)
    .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.actor, input, ctx.now())),
  update: manageAddresses
    .input(updateAddressSchema)
    .mutation(({ ctx, input }) => updateAddress(ctx.db, ctx.actor, input, ctx.now())),
  makeDefault: manageAddresses
    .input(addressIdSchema)
    .mutation(({ ctx, input }) => makeDefaultAddress(ctx.db, ctx.actor, input.addressId, ctx.now())),
  setActive: manageAddresses
    .input(setAddressActiveSchema)
    .mutation(({ ctx, input }) => setAddressActive(ctx.db, ctx.actor, input, ctx.now())),
});
