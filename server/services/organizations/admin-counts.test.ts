import { beforeAll, describe, expect, it } from 'vitest';
import { approvalRules, organizationAddresses, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { readyToOrder } from '@/server/testing/orders';

const database = setupTestDatabase();

let organization: Organization;
let manager: Member;

beforeAll(async () => {
  const db = database.db;
  organization = await createOrganization(db);
  manager = await createMember(db, organization, ACCOUNT_MANAGER);
  const plant = await createOrganization(db, { parent: organization });
  await createOrganization(db, { parent: plant });
  await createOrganization(db, { parent: organization, status: 'suspended' });
  await createMember(db, organization, { roles: ['buyer'], unit: plant });
  await createMember(db, organization, { roles: ['buyer'], activated: false });
  await createMember(db, organization, { roles: [], status: 'pending' });
  await createMember(db, organization, { roles: [], status: 'pending' });
  const { address } = await readyToOrder(db, organization);
  await db
    .insert(organizationAddresses)
    .values({ ...address, id: undefined, label: 'Old dock', isDefault: false, active: false });
  const rule = {
    organizationId: organization.id,
    conditions: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    appliesTo: { kind: 'everyone' },
    approvers: { kind: 'role', roleId: '00000000-0000-4000-8000-000000000000' },
  } as unknown as typeof approvalRules.$inferInsert;
  await db.insert(approvalRules).values([
    { ...rule, name: 'Big orders' },
    { ...rule, name: 'Old rule', active: false },
  ]);
  // Another organization's people and rules never count here.
  const other = await createOrganization(db);
  await createMember(db, other, { roles: [], status: 'pending' });
  await db.insert(approvalRules).values({ ...rule, organizationId: other.id, name: 'Theirs' });
});

describe('organization.administrationCounts', () => {
  it('counts what each Administration page lists', async () => {
    const api = createCaller(await signIn(database.db, manager.membership));
    const counts = await api.organization.administrationCounts();
    const [members, joining, addresses, roles, rules] = await Promise.all([
      api.members.list({ status: 'active' }),
      api.joinRequests.pending(),
      api.addresses.list(),
      api.roles.list(),
      api.approvalRules.list({}),
    ]);
    expect(counts).toMatchObject({
      members: members.total,
      joining: joining.length,
      addresses: addresses.filter((address) => address.active).length,
      units: 2,
      rules: 2,
      activeRules: 1,
    });
    expect(counts.members).toBe(2);
    expect(counts.joining).toBe(2);
    expect(counts.addresses).toBe(1);
    expect(counts.roles).toBe(roles.roles.length);
    expect(rules.rows.length).toBe(2);
  });

  it('is refused to a member who administers nothing', async () => {
    const buyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
    const refused = await trpcErrorOf(
      createCaller(await signIn(database.db, buyer.membership)).organization.administrationCounts(),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});
