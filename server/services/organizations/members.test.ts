import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { predefinedRoleIds } from '@/db/predefined-roles';
import { membershipRoles, roles, users, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  anonymous,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { emailsTo, tokenFromEmail } from '@/server/testing/onboarding';
import { signInWithPassword } from '../identity/sign-in';
import { trpcErrorOf } from '@/server/testing/errors';

const database = setupTestDatabase();
let organization: Organization;
let purchasing: Organization;
let plant: Organization;
let finance: Organization;
let manager: Member;
let roleId: Map<string, string>;

beforeAll(async () => {
  organization = await createOrganization(database.db);
  purchasing = await createOrganization(database.db, { parent: organization, name: `Purchasing ${unique()}` });
  plant = await createOrganization(database.db, { parent: purchasing, name: `Plant ${unique()}` });
  finance = await createOrganization(database.db, { parent: organization, name: `Finance ${unique()}` });
  manager = await createMember(database.db, organization, ACCOUNT_MANAGER);
  roleId = await predefinedRoleIds(database.db);
});

const as = async (member: Member) => createCaller(await signIn(database.db, member.membership));
const flags = {
  mayOrder: true,
  maySeePrices: true,
  maySeeStock: true,
  mayAuthorizeOrders: false,
  hasLimitedBudget: false,
};
const newPerson = (unitId: string, roleKeys: string[] = ['buyer']) => ({
  name: `Sub ${unique()}`,
  email: `sub-${unique()}@members.test`,
  unitId,
  roleIds: roleKeys.map((key) => roleId.get(key) ?? ''),
  ...flags,
});

describe('creating a sub-account', () => {
  it('invites a new person, who shows as invited until they set a password with the link (once)', async () => {
    const input = newPerson(plant.id);
    const { membershipId, invited } = await (await as(manager)).members.create(input);
    expect(invited).toBe(true);
    const listed = await (await as(manager)).members.list({ search: input.email, status: 'invited' });
    expect(listed.rows.map((row) => row.id)).toEqual([membershipId]);
    expect(listed.rows[0]).toMatchObject({ unitName: plant.name, roleNames: ['Buyer'], mayOrder: true });

    const token = await tokenFromEmail(database.db, input.email, 'account-created', 'setPasswordUrl');
    const open = createCaller(anonymous(database.db));
    await open.invitations.setPassword({
      token,
      newPassword: 'Granite-meadow-19-kite',
      confirmPassword: 'Granite-meadow-19-kite',
    });
    expect(
      (
        await signInWithPassword(database.db, {
          email: input.email,
          password: 'Granite-meadow-19-kite',
          ipAddress: '10.3.0.1',
          now: new Date(),
        })
      ).ok,
    ).toBe(true);
    const again = await trpcErrorOf(
      open.invitations.setPassword({
        token,
        newPassword: 'Granite-meadow-19-kite',
        confirmPassword: 'Granite-meadow-19-kite',
      }),
    );
    expect(again.message).toContain('already been used');
  });

  it('resending an invitation makes the earlier link stop working', async () => {
    const input = newPerson(finance.id);
    const { membershipId } = await (await as(manager)).members.create(input);
    const first = await tokenFromEmail(database.db, input.email, 'account-created', 'setPasswordUrl');
    await (await as(manager)).members.resendInvitation({ membershipId });
    const second = await tokenFromEmail(database.db, input.email, 'account-created', 'setPasswordUrl');
    expect(second).not.toBe(first);
    const open = createCaller(anonymous(database.db));
    expect(
      (
        await trpcErrorOf(
          open.invitations.setPassword({
            token: first,
            newPassword: 'Granite-meadow-19-kite',
            confirmPassword: 'Granite-meadow-19-kite',
          }),
        )
      ).message,
    ).toContain('expired');
    await open.invitations.setPassword({
      token: second,
      newPassword: 'Granite-meadow-19-kite',
      confirmPassword: 'Granite-meadow-19-kite',
    });
  });

  it('adds an existing login to the organization without a new password, and refuses a second membership', async () => {
    const other = await createMember(database.db, await createOrganization(database.db));
    const input = { ...newPerson(finance.id), email: other.user.email };
    expect((await (await as(manager)).members.create(input)).invited).toBe(false);
    expect((await emailsTo(database.db, other.user.email))[0]?.kind).toBe('membership-added');
    const twice = await trpcErrorOf((await as(manager)).members.create(input));
    expect(twice.cause).toMatchObject({
      fieldErrors: { email: ['This person is already a member of your organization.'] },
    });
  });
});

describe('guard rails', () => {
  it('nobody grants a permission they do not hold', async () => {
    // A unit administrator: manages users of Purchasing and below, holds only ordering beyond that.
    const [unitAdminRole] = await database.db
      .insert(roles)
      .values({
        organizationId: organization.id,
        side: 'buyer',
        name: `Unit admin ${unique()}`,
        permissions: ['org.users.manage@unit', 'orders.place', 'orders.view@unit'],
      })
      .returning();
    const unitAdmin = await createMember(database.db, organization, { roles: [], unit: purchasing, mayOrder: true });
    await database.db
      .insert(membershipRoles)
      .values({ membershipId: unitAdmin.membership.id, roleId: unitAdminRole?.id ?? '' });
    const api = await as(unitAdmin);

    const authorizer = await trpcErrorOf(api.members.create(newPerson(plant.id, ['authorizer'])));
    expect(authorizer.cause).toMatchObject({
      fieldErrors: {
        roleIds: [expect.stringContaining('You cannot grant what you do not hold yourself: Approve orders')],
      },
    });
    const seePrices = await trpcErrorOf(api.members.create({ ...newPerson(plant.id, []), maySeePrices: true }));
    expect(seePrices.message).toContain('"May see prices"');
    const outside = await trpcErrorOf(
      api.members.create({ ...newPerson(finance.id, []), maySeePrices: false, maySeeStock: false }),
    );
    expect(outside.cause).toMatchObject({
      fieldErrors: { unitId: ['You can only place people in your own unit or the units below it.'] },
    });

    const inside = await api.members.create({ ...newPerson(plant.id, []), maySeePrices: false, maySeeStock: false });
    const visible = await api.members.list({});
    expect(visible.rows.map((row) => row.id)).toContain(inside.membershipId);
    expect(visible.rows.map((row) => row.id)).not.toContain(manager.membership.id);
    expect(
      (await trpcErrorOf(api.members.setActivated({ membershipId: manager.membership.id, activated: false }))).code,
    ).toBe('NOT_FOUND');
  });

  it('keeps at least one active account manager', async () => {
    const lonely = await createOrganization(database.db);
    const only = await createMember(database.db, lonely, ACCOUNT_MANAGER);
    const api = await as(only);
    const deactivate = await trpcErrorOf(
      api.members.setActivated({ membershipId: only.membership.id, activated: false }),
    );
    expect(deactivate.message).toBe(
      `${only.user.name} is the last active account manager of ${lonely.name}. Make someone else account manager first.`,
    );
    const demote = await trpcErrorOf(
      api.members.update({
        membershipId: only.membership.id,
        name: only.user.name,
        email: only.user.email,
        unitId: lonely.id,
        roleIds: [roleId.get('buyer') ?? ''],
        ...flags,
      }),
    );
    expect(demote.cause).toMatchObject({
      fieldErrors: { roleIds: [expect.stringContaining('last active account manager')] },
    });

    const second = await createMember(database.db, lonely, ACCOUNT_MANAGER);
    await api.members.setActivated({ membershipId: second.membership.id, activated: false });
    await api.members.setActivated({ membershipId: second.membership.id, activated: true });
    await api.members.setActivated({ membershipId: only.membership.id, activated: false });
    const [user] = await database.db.select().from(users).where(eq(users.id, only.user.id));
    expect(user?.status).toBe('active');
  });

  it('a deactivated member is refused on their next request, and it shows in the history', async () => {
    const buyer = await createMember(database.db, organization, { roles: ['buyer'], unit: finance });
    const buyerApi = await as(buyer);
    await buyerApi.organization.current();
    await (await as(manager)).members.setActivated({ membershipId: buyer.membership.id, activated: false });
    expect((await trpcErrorOf(buyerApi.organization.current())).message).toContain('has been deactivated');
    const history = await (await as(manager)).auditHistory.list({});
    expect(history.rows[0]).toMatchObject({ actorName: manager.user.name, what: `Deactivated ${buyer.user.name}` });
  });
});

describe('the list', () => {
  it('searches, filters by unit, role, flag and status, and pages', async () => {
    const api = await as(manager);
    const created = [];
    for (let i = 0; i < 3; i++)
      created.push(await api.members.create({ ...newPerson(purchasing.id, ['viewer']), hasLimitedBudget: i === 0 }));
    const byUnit = await api.members.list({ unitId: purchasing.id, roleId: roleId.get('viewer'), pageSize: 2 });
    expect(byUnit.total).toBe(3);
    expect(byUnit.rows).toHaveLength(2);
    expect(byUnit.hasNext).toBe(true);
    expect(
      (await api.members.list({ unitId: purchasing.id, roleId: roleId.get('viewer'), pageSize: 2, page: 2 })).rows,
    ).toHaveLength(1);
    expect(
      (await api.members.list({ unitId: purchasing.id, flag: 'hasLimitedBudget' })).rows.map((row) => row.id),
    ).toEqual([created[0]?.membershipId]);
  });
});

describe('the history of changes', () => {
  it('shows each change to a member with its old and new value: name, unit, roles before and after, each flag', async () => {
    const api = await as(manager);
    const input = newPerson(plant.id);
    const { membershipId } = await api.members.create(input);
    const renamed = `Renamed ${unique()}`;
    await api.members.update({
      ...input,
      membershipId,
      name: renamed,
      unitId: finance.id,
      roleIds: [roleId.get('buyer') ?? '', roleId.get('authorizer') ?? ''],
      maySeeStock: false,
      mayAuthorizeOrders: true,
    });
    const { rows } = await api.auditHistory.list({ pageSize: 100 });
    expect(rows.map((row) => row.what)).toContain(
      `Changed ${renamed}: name “${input.name}” → “${renamed}”; unit “${plant.name}” → “${finance.name}”; roles Buyer → Authorizer, Buyer; May see stock yes → no; May authorize orders no → yes`,
    );
  });

  it('says so when a member is saved without a change', async () => {
    const api = await as(manager);
    const input = newPerson(plant.id);
    const { membershipId } = await api.members.create(input);
    await api.members.update({ ...input, membershipId });
    const { rows } = await api.auditHistory.list({ pageSize: 100 });
    expect(rows.map((row) => row.what)).toContain(`Saved ${input.name} without changes`);
  });
});
