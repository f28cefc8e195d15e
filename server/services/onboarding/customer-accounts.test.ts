import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';

const database = setupTestDatabase();
const staff: Record<'admin' | 'rep' | 'otherRep', Member> = {} as never;

beforeAll(async () => {
  const seller = await createOrganization(database.db, { kind: 'seller' });
  staff.admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
  staff.rep = await createMember(database.db, seller, { roles: ['account_rep'] });
  staff.otherRep = await createMember(database.db, seller, { roles: ['account_rep'] });
});

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));

/** A buyer organization (pending or active) whose account the representative sets up. */
const customer = (status: 'pending_approval' | 'active') =>
  createOrganization(database.db, { status, accountRepMembershipId: staff.rep.membership.id });

/** Adds a contract through the API as the representative; returns its id. */
async function addContract(organizationId: string, name: string, validTo?: string): Promise<string> {
  const rep = await as(staff.rep);
  await rep.registrations.addContract({
    organizationId,
    name,
    discountPercent: '2.5',
    validFrom: '2020-01-01',
    validTo,
  });
  const { contracts } = await rep.registrations.get({ organizationId });
  const added = contracts.find((row) => row.contract.name === name);
  if (!added) throw new Error(`contract ${name} was not added`);
  return added.contract.id;
}

const contractNames = async (organizationId: string) =>
  (await (await as(staff.admin)).registrations.get({ organizationId })).contracts.map((row) => row.contract.name);

describe('removing a contract', () => {
  it('removes it for the assigned representative and writes who removed what to the history', async () => {
    const organization = await customer('pending_approval');
    const contractId = await addContract(organization.id, 'Draft agreement');

    await (await as(staff.rep)).registrations.removeContract({ contractId });

    expect(await contractNames(organization.id)).toEqual([]);
    const { history } = await (await as(staff.admin)).registrations.get({ organizationId: organization.id });
    expect(history.find((entry) => entry.action === 'contract.removed')).toMatchObject({
      action: 'contract.removed',
      data: { name: 'Draft agreement' },
      actorName: staff.rep.user.name,
    });
  });

  it('refuses another representative and keeps the contract', async () => {
    const organization = await customer('pending_approval');
    const contractId = await addContract(organization.id, 'Master agreement');

    const refused = await trpcErrorOf((await as(staff.otherRep)).registrations.removeContract({ contractId }));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Only the account representative assigned to this organization (or a seller administrator) can set up its account.',
    });
    expect(await contractNames(organization.id)).toEqual(['Master agreement']);
    const { history } = await (await as(staff.admin)).registrations.get({ organizationId: organization.id });
    expect(history.map((entry) => entry.action)).not.toContain('contract.removed');
  });

  it('keeps the last current contract of an approved organization until its replacement is added', async () => {
    const organization = await customer('active');
    const current = await addContract(organization.id, 'Current agreement');
    const expired = await addContract(organization.id, 'Old agreement', '2020-12-31');
    const admin = await as(staff.admin);

    expect(await trpcErrorOf(admin.registrations.removeContract({ contractId: current }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'An approved organization must keep a current contract. Add its replacement first.',
    });
    // An expired one may go; and once a replacement exists, so may the old current one.
    await admin.registrations.removeContract({ contractId: expired });
    await addContract(organization.id, 'Replacement agreement');
    await admin.registrations.removeContract({ contractId: current });
    expect(await contractNames(organization.id)).toEqual(['Replacement agreement']);
  });

  it('answers NOT_FOUND for a contract that does not exist', async () => {
    expect(
      await trpcErrorOf((await as(staff.admin)).registrations.removeContract({ contractId: randomUUID() })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'That contract was not found.' });
  });
});
