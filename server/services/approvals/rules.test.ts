import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  approvalRules,
  approvalSteps,
  membershipRoles,
  memberships,
  roles,
  type Organization,
  type Product,
  type Role,
} from '@/db/schema';
import { formatMinor } from '@/server/domain/money';
import type { RuleFields } from '@/server/schemas/approvals-admin';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { placeOrder, readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;

type Team = {
  organization: Organization;
  plant: Organization;
  addressId: string;
  product: Product;
  admin: Member;
  buyer: Member;
  pat: Member;
  fay: Member;
  purchasing: Role;
  finance: Role;
};

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

/** The example: a buyer, Pat holding "Purchasing manager", Fay "Finance manager"; a product at 1,000.00 USD. */
async function team(): Promise<Team> {
  const organization = await createOrganization(db());
  const plant = await createOrganization(db(), { parent: organization, name: `Plant ${unique()}` });
  const list = await givePriceList(db(), organization);
  const { address } = await readyToOrder(db(), organization);
  const product = await createProduct(db(), { prices: [[list, 100_000]], onHand: 1_000 });
  const [purchasing, finance] = await db()
    .insert(roles)
    .values([
      {
        organizationId: organization.id,
        side: 'buyer',
        name: 'Purchasing manager',
        permissions: ['orders.approve', 'orders.view'],
      },
      {
        organizationId: organization.id,
        side: 'buyer',
        name: 'Finance manager',
        permissions: ['orders.approve', 'orders.view'],
      },
    ])
    .returning();
  if (!purchasing || !finance) throw new Error('roles');
  const admin = await createMember(db(), organization, {
    ...ACCOUNT_MANAGER,
    shopAccountRole: 'account_manager',
    user: { name: 'Ada Admin' },
  });
  const buyer = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    unit: plant,
    user: { name: 'Rob Requester' },
  });
  const pat = await createMember(db(), organization, {
    roles: [],
    mayAuthorizeOrders: true,
    user: { name: 'Pat Purchasing' },
  });
  const fay = await createMember(db(), organization, {
    roles: [],
    mayAuthorizeOrders: true,
    user: { name: 'Fay Finance' },
  });
  await db()
    .insert(membershipRoles)
    .values([
      { membershipId: pat.membership.id, roleId: purchasing.id },
      { membershipId: fay.membership.id, roleId: finance.id },
    ]);
  return { organization, plant, addressId: address.id, product, admin, buyer, pat, fay, purchasing, finance };
}

const over = (amount: string, roleId: string, name: string, tier: number): RuleFields => ({
  name,
  active: true,
  tier,
  conditions: [{ field: 'order_total', comparator: '>', value: amount }],
  appliesTo: { kind: 'everyone', roleIds: [], unitIds: [] },
  approvers: { kind: 'role', roleId, membershipIds: [] },
});

let t: Team;
beforeEach(async () => {
  t = await team();
});

describe('approval rules', () => {
  it('are created, listed by tier with names, edited, deactivated and deleted', async () => {
    const admin = await as(t.admin);
    const { ruleId } = await admin.approvalRules.create(over('15,000.00', t.finance.id, 'Very large orders', 2));
    await admin.approvalRules.create({
      ...over('10,000', t.purchasing.id, 'Large orders', 1),
      conditions: [
        { field: 'order_total', comparator: '>', value: '10,000' },
        { field: 'item_quantity', comparator: '>=', value: '5' },
      ],
      appliesTo: { kind: 'units', roleIds: [], unitIds: [t.plant.id] },
    });

    const list = await admin.approvalRules.list({});
    expect(list.rows.map((rule) => [rule.name, rule.tier, rule.active])).toEqual([
      ['Large orders', 1, true],
      ['Very large orders', 2, true],
    ]);
    expect(list.rows[0]).toMatchObject({
      conditions: [
        { field: 'order_total', comparator: '>', value: 1_000_000 },
        { field: 'item_quantity', comparator: '>=', value: 5 },
      ],
      appliesTo: { kind: 'units', names: [t.plant.name] },
      approvers: { kind: 'role', roleName: 'Purchasing manager', names: ['Pat Purchasing'] },
    });
    const stored = await db().select().from(approvalRules).where(eq(approvalRules.id, ruleId));
    expect(stored[0]).toMatchObject({
      conditions: [{ field: 'order_total', comparator: '>', value: 1_500_000 }],
      appliesTo: { kind: 'everyone' },
      approvers: { kind: 'role', roleId: t.finance.id },
    });

    const loaded = await admin.approvalRules.get({ ruleId });
    expect(loaded.conditions).toEqual([{ field: 'order_total', comparator: '>', value: '15,000.00' }]);
    await admin.approvalRules.update({
      ...loaded,
      ruleId,
      name: 'Huge orders',
      approvers: { kind: 'members', roleId: '', membershipIds: [t.fay.membership.id, t.pat.membership.id] },
    });
    const stale = await trpcErrorOf(admin.approvalRules.update({ ...loaded, ruleId, name: 'Stale edit' }));
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone else changed this rule meanwhile'),
    });

    await admin.approvalRules.setActive({ ruleId, active: false });
    expect((await admin.approvalRules.list({ status: 'inactive' })).rows).toEqual([
      expect.objectContaining({
        name: 'Huge orders',
        active: false,
        approvers: { kind: 'members', roleName: null, names: ['Fay Finance', 'Pat Purchasing'] },
      }),
    ]);
    expect((await admin.approvalRules.list({ search: 'large' })).rows.map((rule) => rule.name)).toEqual([
      'Large orders',
    ]);
    await admin.approvalRules.delete({ ruleId });
    expect((await admin.approvalRules.list({})).rows.map((rule) => rule.name)).toEqual(['Large orders']);
  });

  it('refuses a name another rule has, whatever the case, beside the name', async () => {
    const admin = await as(t.admin);
    await admin.approvalRules.create(over('10,000', t.purchasing.id, 'Large orders', 1));
    const twice = await trpcErrorOf(admin.approvalRules.create(over('20,000', t.finance.id, '  LARGE orders ', 2)));
    expect(twice.cause).toMatchObject({
      fieldErrors: { name: ['Another rule is already called “Large orders”. Choose another name.'] },
    });
  });

  it('puts mistyped values beside their condition', async () => {
    const admin = await as(t.admin);
    const refused = await trpcErrorOf(
      admin.approvalRules.create({
        ...over('10,000', t.purchasing.id, 'Typos', 1),
        conditions: [
          { field: 'order_total', comparator: '>', value: '10.000,00' },
          { field: 'distinct_skus', comparator: '>', value: 'three' },
        ],
      }),
    );
    expect(refused.cause).toMatchObject({
      fieldErrors: {
        'conditions.0.value': ['Enter an amount in USD, like 1,000.00.'],
        'conditions.1.value': ['Enter a whole number from 0 to 1,000,000.'],
      },
    });
  });

  it('refuses roles, units and people of another organization, and roles that cannot approve', async () => {
    const admin = await as(t.admin);
    const other = await team();
    const base = over('10,000', t.purchasing.id, 'Probe', 1);
    const cases: [RuleFields, string, string][] = [
      [
        { ...base, appliesTo: { kind: 'roles', roleIds: [other.purchasing.id], unitIds: [] } },
        'appliesTo',
        'Choose among the roles of your organization.',
      ],
      [
        { ...base, appliesTo: { kind: 'units', roleIds: [], unitIds: [other.plant.id] } },
        'appliesTo',
        'Choose among the active units of your organization.',
      ],
      [
        { ...base, approvers: { kind: 'role', roleId: other.finance.id, membershipIds: [] } },
        'approvers',
        'Choose among the roles of your organization.',
      ],
      [
        { ...base, approvers: { kind: 'members', membershipIds: [other.pat.membership.id] } },
        'approvers',
        'Choose among the members of your organization who may authorize orders.',
      ],
      [
        { ...base, approvers: { kind: 'members', membershipIds: [t.buyer.membership.id] } },
        'approvers',
        'Rob Requester may not authorize orders. Tick “May authorize orders” on their account first, or choose someone else.',
      ],
    ];
    for (const [input, field, message] of cases) {
      const refused = await trpcErrorOf(admin.approvalRules.create(input));
      expect(refused.code, message).toBe('BAD_REQUEST');
      expect(refused.cause).toMatchObject({ fieldErrors: { [field]: [message] } });
    }
    const [buyerRole] = await db().select().from(roles).where(eq(roles.key, 'buyer'));
    const cannot = await trpcErrorOf(
      admin.approvalRules.create({
        ...base,
        approvers: { kind: 'role', roleId: buyerRole?.id ?? '', membershipIds: [] },
      }),
    );
    expect(cannot.cause).toMatchObject({
      fieldErrors: {
        approvers: [
          '“Buyer” does not allow approving orders. Choose a role with “Approve orders”, or name the people.',
        ],
      },
    });
    expect(await db().select().from(approvalRules).where(eq(approvalRules.organizationId, t.organization.id))).toEqual(
      [],
    );

    const foreignRule = (await (await as(other.admin)).approvalRules.create(over('1', other.finance.id, 'Theirs', 1)))
      .ruleId;
    expect((await trpcErrorOf(admin.approvalRules.get({ ruleId: foreignRule }))).code).toBe('NOT_FOUND');
    expect((await trpcErrorOf(admin.approvalRules.delete({ ruleId: foreignRule }))).code).toBe('NOT_FOUND');
    expect(
      (
        await trpcErrorOf(
          admin.approvalRules.tryIt({ requesterMembershipId: other.buyer.membership.id, amount: '5', itemCount: '1' }),
        )
      ).cause,
    ).toMatchObject({
      fieldErrors: { requesterMembershipId: ['Choose a member of your organization.'] },
    });
  });
});

describe('the try-it box', () => {
  it('answers what the submit then does, for the same order and requester', async () => {
    const admin = await as(t.admin);
    await admin.approvalRules.create(over('10,000.00', t.purchasing.id, 'Purchasing', 1));
    await admin.approvalRules.create(over('15,000.00', t.finance.id, 'Finance', 2));
    // The buyer has a limited budget too: their limit comes first.
    await db().update(memberships).set({ hasLimitedBudget: true }).where(eq(memberships.id, t.buyer.membership.id));
    await admin.spendingLimits.create({
      membershipId: t.buyer.membership.id,
      limit: '12,000',
      period: 'order',
      authorizerMembershipIds: [t.admin.membership.id],
    });

    for (const quantity of [9, 12, 16]) {
      const totalMinor = quantity * 100_000 + TEST_SHIPPING.costMinor;
      const tried = await admin.approvalRules.tryIt({
        requesterMembershipId: t.buyer.membership.id,
        amount: formatMinor(totalMinor, 'USD'),
        itemCount: String(quantity),
        skuCount: '1',
        shipping: formatMinor(TEST_SHIPPING.costMinor, 'USD'),
      });
      const order = await placeOrder(db(), t.buyer, { lines: [[t.product, quantity]], addressId: t.addressId });
      const steps = await db()
        .select()
        .from(approvalSteps)
        .where(eq(approvalSteps.orderId, order.id))
        .orderBy(asc(approvalSteps.tier), asc(approvalSteps.label));
      expect(
        tried.steps.map((step) => ({
          tier: step.tier,
          label: step.label,
          names: step.authorizers.map((person) => person.name),
        })),
      ).toEqual(
        steps.map((step) => ({
          tier: step.tier,
          label: step.label,
          names: step.authorizers.map((person) => person.name),
        })),
      );
      expect(order.status).toBe(tried.steps.length > 0 ? 'pending_approval' : 'payment_authorized');
    }
    const large = await admin.approvalRules.tryIt({
      requesterMembershipId: t.buyer.membership.id,
      amount: '16,015.00',
      itemCount: '16',
    });
    expect(
      large.steps.map(
        (step) => `${step.tier} ${step.label} — ${step.authorizers.map((person) => person.name).join(' or ')}`,
      ),
    ).toEqual([
      '1 Spending limit over $12,000.00 per order — Ada Admin',
      '2 Purchasing — Pat Purchasing',
      '3 Finance — Fay Finance',
    ]);
    expect(
      (await admin.approvalRules.tryIt({ requesterMembershipId: t.buyer.membership.id, amount: '900', itemCount: '1' }))
        .steps,
    ).toEqual([]);
  });

  it('explains a mistyped order beside its field', async () => {
    const admin = await as(t.admin);
    const input = { requesterMembershipId: t.buyer.membership.id, amount: '100', itemCount: '2' };
    expect((await trpcErrorOf(admin.approvalRules.tryIt({ ...input, amount: '1,00.0.0' }))).cause).toMatchObject({
      fieldErrors: { amount: ['Enter an amount in USD, like 1,000.00.'] },
    });
    expect((await trpcErrorOf(admin.approvalRules.tryIt({ ...input, itemCount: '0' }))).cause).toMatchObject({
      fieldErrors: { itemCount: ['Enter a whole number of items, at least 1.'] },
    });
    expect((await trpcErrorOf(admin.approvalRules.tryIt({ ...input, skuCount: '3' }))).cause).toMatchObject({
      fieldErrors: { skuCount: ['Enter a whole number from 1 to the number of items.'] },
    });
  });
});

describe('approvers of a rule with orders to decide', () => {
  it('cannot be taken off the rule, nor the rule deleted, until the orders are decided', async () => {
    const admin = await as(t.admin);
    const input: RuleFields = {
      ...over('10,000', t.purchasing.id, 'Named people', 1),
      approvers: { kind: 'members', membershipIds: [t.pat.membership.id, t.fay.membership.id] },
    };
    const { ruleId } = await admin.approvalRules.create(input);
    const order = await placeOrder(db(), t.buyer, { lines: [[t.product, 11]], addressId: t.addressId });
    const message = `Pat Purchasing still has orders to decide: ${order.number}. Decide them or ask someone to decide them first.`;

    const rule = await admin.approvalRules.get({ ruleId });
    const removal = await trpcErrorOf(
      admin.approvalRules.update({
        ...rule,
        ruleId,
        approvers: { kind: 'members', membershipIds: [t.fay.membership.id] },
      }),
    );
    expect(removal).toMatchObject({ code: 'PRECONDITION_FAILED', message });
    expect(removal.cause).toMatchObject({ fieldErrors: { approvers: [message] } });
    // Switching to a role that Pat does not hold takes Pat off too.
    const toRole = await trpcErrorOf(
      admin.approvalRules.update({
        ...rule,
        ruleId,
        approvers: { kind: 'role', roleId: t.finance.id, membershipIds: [] },
      }),
    );
    expect(toRole.message).toBe(message);
    const deletion = await trpcErrorOf(admin.approvalRules.delete({ ruleId }));
    expect(deletion.message).toBe(message);
    // Deactivating stops new orders; the waiting one keeps its steps.
    await admin.approvalRules.setActive({ ruleId, active: false });

    await (await as(t.fay)).authorizations.approve({ number: order.number });
    const fresh = await admin.approvalRules.get({ ruleId });
    await admin.approvalRules.update({
      ...fresh,
      ruleId,
      approvers: { kind: 'members', membershipIds: [t.fay.membership.id] },
    });
    await admin.approvalRules.delete({ ruleId });
  });
});
