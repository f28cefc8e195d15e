import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { predefinedRoleIds } from '@/db/predefined-roles';
import { auditLog, membershipRoles, memberships, roles, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { loadMembership } from '../identity/viewer';
import { trpcErrorOf } from '@/server/testing/errors';

const database = setupTestDatabase();
let organization: Organization;
let administrator: Member;

beforeAll(async () => {
  organization = await createOrganization(database.db);
  administrator = await createMember(database.db, organization, ACCOUNT_MANAGER);
});

const apiAs = async (member: Member) => createCaller(await signIn(database.db, member.membership));
const adminApi = () => apiAs(administrator);
const roleName = () => `Purchasing lead ${unique()}`;

async function giveRole(member: Member, roleId: string) {
  await database.db.insert(membershipRoles).values({ membershipId: member.membership.id, roleId });
}

async function auditOf(roleId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.targetId, roleId)).orderBy(asc(auditLog.createdAt));
}

describe('custom roles', () => {
  it('are created, listed, edited and deleted, each change in the audit log', async () => {
    const api = await adminApi();
    const name = roleName();
    const { id } = await api.roles.create({
      name: `  ${name} `,
      description: 'Leads purchasing for a unit.',
      grants: [
        { permission: 'prices.view', scope: 'org' },
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'orders.place', scope: 'org' },
      ],
    });
    const [stored] = await database.db.select().from(roles).where(eq(roles.id, id));
    expect(stored).toMatchObject({
      organizationId: organization.id,
      side: 'buyer',
      predefined: false,
      name,
      permissions: ['orders.place', 'orders.view@unit', 'prices.view'],
    });

    const { roles: listed } = await api.roles.list();
    expect(listed.slice(0, 4).map((role) => [role.name, role.predefined])).toEqual([
      ['Account manager', true],
      ['Buyer', true],
      ['Authorizer', true],
      ['Viewer', true],
    ]);
    expect(listed.find((role) => role.id === id)).toMatchObject({
      name,
      predefined: false,
      memberCount: 0,
      grants: expect.arrayContaining([{ permission: 'orders.view', scope: 'unit' }]),
    });

    await api.roles.update({
      roleId: id,
      name: `${name} (EU)`,
      description: '',
      grants: [
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'quotes.request', scope: 'org' },
      ],
    });
    expect((await api.roles.get({ roleId: id })).role).toMatchObject({
      name: `${name} (EU)`,
      description: '',
      grants: [
        { permission: 'quotes.request', scope: 'org' },
        { permission: 'orders.view', scope: 'unit' },
      ],
    });

    await api.roles.delete({ roleId: id });
    expect(await database.db.select().from(roles).where(eq(roles.id, id))).toEqual([]);
    expect((await trpcErrorOf(api.roles.get({ roleId: id }))).code).toBe('NOT_FOUND');

    const audit = await auditOf(id);
    expect(audit.map((row) => [row.action, row.targetType, row.organizationId, row.actorUserId])).toEqual([
      ['role.created', 'role', organization.id, administrator.user.id],
      ['role.updated', 'role', organization.id, administrator.user.id],
      ['role.deleted', 'role', organization.id, administrator.user.id],
    ]);
    expect(audit[0]?.data).toEqual({
      name,
      description: 'Leads purchasing for a unit.',
      permissions: ['orders.place', 'orders.view@unit', 'prices.view'],
    });
    expect(audit[1]?.data).toMatchObject({
      name: `${name} (EU)`,
      permissions: ['quotes.request', 'orders.view@unit'],
      before: { name, permissions: ['orders.place', 'orders.view@unit', 'prices.view'] },
    });
    expect(audit[2]?.data).toEqual({
      name: `${name} (EU)`,
      description: '',
      permissions: ['quotes.request', 'orders.view@unit'],
    });
  });

  it('show in the history what an edit changed: name, description, permissions added and removed', async () => {
    const api = await adminApi();
    const name = roleName();
    const { id } = await api.roles.create({
      name,
      description: 'Leads purchasing for a unit.',
      grants: [
        { permission: 'prices.view', scope: 'org' },
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'orders.place', scope: 'org' },
      ],
    });
    await api.roles.update({
      roleId: id,
      name: `${name} (EU)`,
      description: '',
      grants: [
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'quotes.request', scope: 'org' },
      ],
    });
    const { rows } = await api.auditHistory.list({ pageSize: 100 });
    expect(rows.map((row) => row.what)).toContain(
      `Changed the role “${name} (EU)”: name “${name}” → “${name} (EU)”; description “Leads purchasing for a unit.” → (none); permissions added: Request quotes; permissions removed: Place orders, View prices`,
    );
  });

  it('give a member who holds one its permissions, at the scope chosen, and count them', async () => {
    const { id } = await (
      await adminApi()
    ).roles.create({
      name: roleName(),
      description: '',
      grants: [
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'quotes.request', scope: 'org' },
      ],
    });
    const member = await createMember(database.db, organization, { roles: [], mayOrder: true });
    await giveRole(member, id);

    const me = await (await apiAs(member)).session.me();
    expect(me.membership?.permissions.sort()).toEqual(['orders.view', 'quotes.request']);
    const loaded = await loadMembership(database.db, member.membership.id, member.user.id);
    expect('membership' in loaded && Object.fromEntries(loaded.membership.grants)).toEqual({
      'orders.view': 'unit',
      'quotes.request': 'org',
    });

    expect((await (await adminApi()).roles.get({ roleId: id })).role.memberCount).toBe(1);
  });

  it('can be renamed in place, in another case, and keep their own name', async () => {
    const api = await adminApi();
    const name = roleName();
    const { id } = await api.roles.create({
      name,
      description: '',
      grants: [{ permission: 'stock.view', scope: 'org' }],
    });
    await api.roles.update({
      roleId: id,
      name: name.toUpperCase(),
      description: '',
      grants: [{ permission: 'stock.view', scope: 'org' }],
    });
    expect((await api.roles.get({ roleId: id })).role.name).toBe(name.toUpperCase());
  });
});

describe('refusals', () => {
  const grants = [{ permission: 'orders.view' as const, scope: 'own' as const }];

  it('nobody grants beyond their own grants, in a new role or an edited one', async () => {
    const [limited] = await database.db
      .insert(roles)
      .values({
        organizationId: organization.id,
        side: 'buyer',
        name: `Unit role admin ${unique()}`,
        permissions: ['org.roles.manage', 'orders.view@unit'],
      })
      .returning();
    const actor = await createMember(database.db, organization, { ...ACCOUNT_MANAGER, roles: [] });
    await giveRole(actor, limited?.id ?? '');
    const api = await apiAs(actor);

    const wider = await trpcErrorOf(
      api.roles.create({ name: roleName(), description: '', grants: [{ permission: 'orders.view', scope: 'org' }] }),
    );
    expect(wider).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You cannot grant what you do not hold yourself: View orders (the whole organization).',
    });
    expect(wider.cause).toMatchObject({ fieldErrors: { grants: [wider.message] } });
    const lacking = await trpcErrorOf(
      api.roles.create({
        name: roleName(),
        description: '',
        grants: [{ permission: 'orders.approve', scope: 'unit' }],
      }),
    );
    expect(lacking).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You cannot grant what you do not hold yourself: Approve orders (their unit and the units below it).',
    });

    const { id } = await api.roles.create({
      name: roleName(),
      description: '',
      grants: [{ permission: 'orders.view', scope: 'unit' }],
    });
    const widening = await trpcErrorOf(
      api.roles.update({
        roleId: id,
        name: roleName(),
        description: '',
        grants: [{ permission: 'orders.view', scope: 'org' }],
      }),
    );
    expect(widening.code).toBe('FORBIDDEN');
    const { id: powerful } = await (
      await adminApi()
    ).roles.create({ name: roleName(), description: '', grants: [{ permission: 'orders.approve', scope: 'org' }] });
    const renaming = await trpcErrorOf(
      api.roles.update({
        roleId: powerful,
        name: roleName(),
        description: '',
        grants: [{ permission: 'orders.approve', scope: 'org' }],
      }),
    );
    expect(renaming.message).toBe(
      'You cannot grant what you do not hold yourself: Approve orders (the whole organization).',
    );
  });

  it('a name used by another role of the organization, in any case, or by a predefined role', async () => {
    const api = await adminApi();
    const name = roleName();
    await api.roles.create({ name, description: '', grants });
    const duplicate = await trpcErrorOf(api.roles.create({ name: ` ${name.toLowerCase()} `, description: '', grants }));
    expect(duplicate).toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fieldErrors: { name: [`There is already a role called “${name}”. Choose another name.`] } },
    });
    const predefined = await trpcErrorOf(api.roles.create({ name: 'authorizer', description: '', grants }));
    expect(predefined.cause).toMatchObject({
      fieldErrors: { name: ['“Authorizer” is a predefined role. Choose another name.'] },
    });

    const elsewhere = await createOrganization(database.db);
    const otherAdmin = await createMember(database.db, elsewhere, ACCOUNT_MANAGER);
    await expect((await apiAs(otherAdmin)).roles.create({ name, description: '', grants })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it('a staff permission, or a scope the permission does not allow, beside the permission list', async () => {
    const api = await adminApi();
    const staff = await trpcErrorOf(
      api.roles.create({
        name: roleName(),
        description: '',
        grants: [{ permission: 'staff.payments.review', scope: 'org' }],
      }),
    );
    expect(staff).toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        fieldErrors: {
          grants: ['“Review payments” is a staff permission; a role of your organization cannot include it.'],
        },
      },
    });
    const scope = await trpcErrorOf(
      api.roles.create({ name: roleName(), description: '', grants: [{ permission: 'orders.approve', scope: 'own' }] }),
    );
    expect(scope.cause).toMatchObject({
      fieldErrors: {
        grants: ['“Approve orders” cannot be given for “own”; choose unit and below or whole organization.'],
      },
    });
    const none = await trpcErrorOf(api.roles.create({ name: roleName(), description: '', grants: [] }));
    expect(none.code).toBe('BAD_REQUEST');
    expect(none.cause instanceof ZodError && z.flattenError(none.cause).fieldErrors).toEqual({
      grants: ['Choose at least one permission.'],
    });
  });

  it('editing or deleting a predefined role', async () => {
    const api = await adminApi();
    const buyerRole = (await predefinedRoleIds(database.db)).get('buyer') ?? '';
    expect((await api.roles.get({ roleId: buyerRole })).role).toMatchObject({ name: 'Buyer', predefined: true });
    const edit = await trpcErrorOf(api.roles.update({ roleId: buyerRole, name: 'Shopper', description: '', grants }));
    expect(edit).toMatchObject({
      code: 'FORBIDDEN',
      message: '“Buyer” is a predefined role and cannot be changed. Create a custom role instead.',
    });
    const remove = await trpcErrorOf(api.roles.delete({ roleId: buyerRole }));
    expect(remove).toMatchObject({ code: 'FORBIDDEN', message: '“Buyer” is a predefined role and cannot be deleted.' });
    const staffRole = (await predefinedRoleIds(database.db)).get('seller_admin') ?? '';
    expect((await trpcErrorOf(api.roles.get({ roleId: staffRole }))).code).toBe('NOT_FOUND');
  });

  it('deleting a role members hold, naming how many; join requests that list it do not block it', async () => {
    const api = await adminApi();
    const name = roleName();
    const { id } = await api.roles.create({ name, description: '', grants });
    const holders = [
      await createMember(database.db, organization, { roles: [] }),
      await createMember(database.db, organization, { roles: [], activated: false }),
    ];
    for (const holder of holders) await giveRole(holder, id);
    const request = await createMember(database.db, organization, { roles: [], status: 'pending' });
    await giveRole(request, id);

    const refused = await trpcErrorOf(api.roles.delete({ roleId: id }));
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `“${name}” is held by 2 members. Remove it from them first (Users and sub-accounts), then delete it.`,
    });

    for (const holder of holders)
      await database.db.delete(membershipRoles).where(eq(membershipRoles.membershipId, holder.membership.id));
    await api.roles.delete({ roleId: id });
    expect(
      await database.db.select().from(membershipRoles).where(eq(membershipRoles.membershipId, request.membership.id)),
    ).toEqual([]);
    expect((await auditOf(id)).at(-1)?.data).toMatchObject({ name, removedFromJoinRequests: 1 });
  });

  it('a member without the permission to manage roles', async () => {
    const buyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
    const api = await apiAs(buyer);
    expect((await trpcErrorOf(api.roles.list())).code).toBe('FORBIDDEN');
    expect((await trpcErrorOf(api.roles.create({ name: roleName(), description: '', grants }))).code).toBe('FORBIDDEN');
  });

  it("another organization's role is not found", async () => {
    const elsewhere = await createOrganization(database.db);
    const otherAdmin = await createMember(database.db, elsewhere, ACCOUNT_MANAGER);
    const { id } = await (await apiAs(otherAdmin)).roles.create({ name: roleName(), description: '', grants });
    const holder = await createMember(database.db, elsewhere, { roles: [] });
    await giveRole(holder, id);

    const api = await adminApi();
    expect((await trpcErrorOf(api.roles.get({ roleId: id }))).code).toBe('NOT_FOUND');
    expect((await trpcErrorOf(api.roles.update({ roleId: id, name: roleName(), description: '', grants }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await trpcErrorOf(api.roles.delete({ roleId: id }))).code).toBe('NOT_FOUND');
    expect((await api.roles.list()).roles.map((role) => role.id)).not.toContain(id);
    const [still] = await database.db
      .select({ memberships: memberships.id })
      .from(membershipRoles)
      .innerJoin(memberships, eq(memberships.id, membershipRoles.membershipId))
      .where(eq(membershipRoles.roleId, id));
    expect(still?.memberships).toBe(holder.membership.id);
  });
});
