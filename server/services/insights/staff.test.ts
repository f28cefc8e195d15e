import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customerAccounts,
  emailOutbox,
  fulfillmentCenters,
  orderEvents,
  organizations,
  packages,
  type Organization,
} from '@/db/schema';
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
import { insertOrder } from '@/server/testing/insight-orders';

/** The staff overview on small exact data, every figure known in advance. */
const database = setupTestDatabase();
const NOW = new Date('2026-03-15T12:00:00Z');

let staff: Member;
let buyerAdmin: Member;
let buyers: Organization;
let idle: Organization;

const overviewOf = async (member: Member) =>
  createCaller(await signIn(database.db, member.membership, { now: () => NOW })).staff.overview();

beforeAll(async () => {
  const db = database.db;
  const seller = await createOrganization(db, { kind: 'seller' });
  staff = await createMember(db, seller, { roles: ['fulfillment_clerk'] });
  buyers = await createOrganization(db, { name: `Buyers ${unique()}` });
  idle = await createOrganization(db, { name: `Idle ${unique()}` });
  buyerAdmin = await createMember(db, buyers, { ...ACCOUNT_MANAGER });
  await db.insert(customerAccounts).values([
    {
      organizationId: buyers.id,
      currency: 'USD',
      creditLimitMinor: 100_000,
      paymentTerms: 'NET 30',
      paymentMethods: ['on_account'],
    },
    {
      organizationId: idle.id,
      currency: 'USD',
      creditLimitMinor: 1_000_000,
      paymentTerms: 'NET 30',
      paymentMethods: ['on_account'],
    },
  ]);
  const [east, west] = await db
    .insert(fulfillmentCenters)
    .values([
      { code: `E${unique()}`.slice(0, 20), name: 'East' },
      { code: `W${unique()}`.slice(0, 20), name: 'West' },
    ])
    .returning();
  if (!east || !west) throw new Error('centers');

  const released = { releasedAt: new Date('2026-03-14T10:00:00Z') };
  const a = await insertOrder(db, buyerAdmin, buyers, {
    status: 'shipped',
    totalMinor: 10_000,
    submittedAt: '2026-03-14T10:00:00Z',
    ...released,
  });
  const b = await insertOrder(db, buyerAdmin, buyers, {
    status: 'shipped',
    totalMinor: 20_000,
    submittedAt: '2026-03-14T10:00:00Z',
    ...released,
  });
  await insertOrder(db, buyerAdmin, buyers, {
    status: 'payment_review',
    totalMinor: 5_000,
    submittedAt: '2026-03-15T09:00:00Z',
  });
  await insertOrder(db, buyerAdmin, buyers, {
    status: 'payment_review',
    totalMinor: 5_000,
    submittedAt: '2026-03-05T09:00:00Z',
  });
  // Settled: no longer owed.
  await insertOrder(db, buyerAdmin, buyers, {
    status: 'deposited',
    totalMinor: 40_000,
    submittedAt: '2026-01-01T09:00:00Z',
    settledAt: new Date('2026-02-01T00:00:00Z'),
  });

  const pack = (orderId: string, centerId: string, shippedAt: string) => ({
    orderId,
    fulfillmentCenterId: centerId,
    status: 'shipped' as const,
    createdAt: new Date(shippedAt),
    shippedAt: new Date(shippedAt),
  });
  await db.insert(packages).values([
    pack(a.id, east.id, '2026-03-14T12:00:00Z'), // 2 h after release
    pack(b.id, east.id, '2026-03-14T20:00:00Z'), // 10 h
    pack(b.id, west.id, '2026-03-15T10:00:00Z'), // 24 h
  ]);
  const failed = (at: string) => ({
    orderId: a.id,
    at: new Date(at),
    kind: 'capture_failed',
    message: 'Card capture failed.',
  });
  await db
    .insert(orderEvents)
    .values([failed('2026-03-13T08:00:00Z'), failed('2026-03-13T09:00:00Z'), failed('2026-02-01T08:00:00Z')]);
  const email = (status: 'failed' | 'sent', createdAt: string) => ({
    kind: 'test',
    toAddress: 'someone@example.test',
    props: {},
    status,
    createdAt: new Date(createdAt),
  });
  await db.insert(emailOutbox).values([email('failed', '2026-03-14T08:00:00Z'), email('sent', '2026-03-14T08:00:00Z')]);
});

describe('the operations overview', () => {
  it('counts orders per day by their state over thirty days', async () => {
    const overview = await overviewOf(staff);
    expect(overview.days).toHaveLength(30);
    expect(overview.days.at(-1)).toBe('2026-03-15');
    const day = (key: string) => overview.ordersPerDay[overview.days.indexOf(key)];
    expect(day('2026-03-14')).toMatchObject({ shipped: 2, payment_review: 0 });
    expect(day('2026-03-15')).toMatchObject({ shipped: 0, payment_review: 1 });
    expect(day('2026-03-05')).toMatchObject({ payment_review: 1 });
    expect(overview.ordersPerDay.flatMap((d) => Object.values(d)).reduce((s, n) => s + n, 0)).toBe(4);
  });

  it('groups the payment-review backlog by age', async () => {
    const overview = await overviewOf(staff);
    expect(overview.paymentReview.map((b) => b.count)).toEqual([1, 0, 0, 1]);
  });

  it('gives release-to-shipment percentiles per center', async () => {
    const overview = await overviewOf(staff);
    expect(overview.leadTimes).toEqual([
      { center: 'East', packages: 2, median: 6 * 3600, p90: 9.2 * 3600 },
      { center: 'West', packages: 1, median: 24 * 3600, p90: 24 * 3600 },
    ]);
  });

  it('counts failed captures and emails per day', async () => {
    const overview = await overviewOf(staff);
    expect(overview.failures[overview.days.indexOf('2026-03-13')]).toEqual({ captures: 2, emails: 0 });
    expect(overview.failures[overview.days.indexOf('2026-03-14')]).toEqual({ captures: 0, emails: 1 });
    expect(overview.failures.reduce((sum, d) => sum + d.captures + d.emails, 0)).toBe(3);
  });

  it('lists organizations by the share of their credit limit in use', async () => {
    const overview = await overviewOf(staff);
    expect(overview.credit.map((c) => [c.name, c.usedMinor, c.limitMinor])).toEqual([
      [buyers.name, 30_000, 100_000],
      [idle.name, 0, 1_000_000],
    ]);
  });

  it('is for staff only', async () => {
    expect((await trpcErrorOf(overviewOf(buyerAdmin))).code).toBe('FORBIDDEN');
  });

  // Last in the file: it moves the seller to another zone and adds an order.
  it("counts an order on the seller's day: at 03:30 UTC in New York, the day before", async () => {
    const db = database.db;
    await db
      .update(organizations)
      .set({ timeZone: 'America/New_York' })
      .where(eq(organizations.id, staff.organization.rootId));
    const before = await overviewOf(staff);
    await insertOrder(db, buyerAdmin, buyers, {
      status: 'released',
      totalMinor: 1_000,
      submittedAt: '2026-03-15T03:30:00Z', // 23:30 on March 14 in New York (EDT)
    });
    const after = await overviewOf(staff);
    const released = (overview: typeof after, key: string) =>
      overview.ordersPerDay[overview.days.indexOf(key)]?.released ?? 0;
    expect(after.days.at(-1)).toBe('2026-03-15');
    expect(released(after, '2026-03-14') - released(before, '2026-03-14')).toBe(1);
    expect(released(after, '2026-03-15')).toBe(released(before, '2026-03-15'));
  });
});
