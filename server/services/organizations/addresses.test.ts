import { beforeEach, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { ACCOUNT_MANAGER, createCaller, createMember, createOrganization, signIn } from '@/server/testing/factories';

const database = setupTestDatabase();

const dock = {
  label: 'Dock 1',
  recipient: 'Receiving',
  addressLine1: '1 Dock Road',
  city: 'Portland',
  postalCode: '97201',
  country: 'us',
};

async function administrator() {
  const organization = await createOrganization(database.db);
  const manager = await createMember(database.db, organization, ACCOUNT_MANAGER);
  return { organization, manager, caller: createCaller(await signIn(database.db, manager.membership)) };
}

let admin: Awaited<ReturnType<typeof administrator>>;
beforeEach(async () => {
  admin = await administrator();
});

describe('ship-to addresses', () => {
  it('makes the first address the default and offers the active ones at checkout, default first', async () => {
    const first = await admin.caller.addresses.create(dock);
    const second = await admin.caller.addresses.create({ ...dock, label: 'Annex' });
    expect(first).toMatchObject({ isDefault: true, country: 'US' });
    expect(second.isDefault).toBe(false);
    await admin.caller.addresses.makeDefault({ addressId: second.id });
    const options = await admin.caller.checkout.options();
    expect(options.addresses.map((address) => address.label)).toEqual(['Annex', 'Dock 1']);
  });

  it('writes each address as the post of its country does, for the address book and the checkout', async () => {
    await admin.caller.addresses.create({ ...dock, region: 'OR' });
    await admin.caller.addresses.create({
      ...dock,
      label: 'Berlin',
      addressLine1: 'Invalidenstraße 1',
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    });
    const lines = Object.fromEntries((await admin.caller.addresses.list()).map((row) => [row.label, row.lines]));
    expect(lines['Dock 1']).toEqual(['Receiving', '1 Dock Road', 'Portland, OR 97201', 'United States of America']);
    expect(lines.Berlin).toEqual(['Receiving', 'Invalidenstraße 1', '10115 Berlin', 'Germany']);
    const offered = (await admin.caller.checkout.options()).addresses.find((row) => row.label === 'Dock 1');
    expect(offered?.lines).toEqual(lines['Dock 1']);
  });

  it('keeps the last active address, hands the default on when it is deactivated, and hides inactive ones from checkout', async () => {
    const first = await admin.caller.addresses.create(dock);
    const lone = await trpcErrorOf(admin.caller.addresses.setActive({ addressId: first.id, active: false }));
    expect(lone).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('only active address'),
    });
    const second = await admin.caller.addresses.create({ ...dock, label: 'Annex' });
    await admin.caller.addresses.setActive({ addressId: first.id, active: false });
    const list = await admin.caller.addresses.list();
    expect(list.find((address) => address.id === second.id)).toMatchObject({ isDefault: true, active: true });
    expect((await admin.caller.checkout.options()).addresses.map((address) => address.id)).toEqual([second.id]);
  });

  it('shows bad input beside the fields and writes nothing', async () => {
    const refused = await trpcErrorOf(
      admin.caller.addresses.create({ ...dock, label: '', postalCode: 'x'.repeat(21), country: 'USA' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await admin.caller.addresses.list()).toEqual([]);
  });

  it('is for administrators of units: a buyer is refused', async () => {
    const buyer = await createMember(database.db, admin.organization, { roles: ['buyer'], mayOrder: true });
    const refused = await trpcErrorOf(createCaller(await signIn(database.db, buyer.membership)).addresses.list());
    expect(refused.code).toBe('FORBIDDEN');
  });
});
