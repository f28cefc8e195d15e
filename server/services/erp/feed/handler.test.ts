import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  erpApiKeys,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
  type PriceList,
  type Product,
} from '@/db/schema';
import { decodeFeedCursor } from '@/server/domain/erp/feed-cursor';
import { setupTestDatabase } from '@/server/testing/database';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import {
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { placeOrder, readyToOrder, type PlaceOrderOptions } from '@/server/testing/orders';
import { cancelLockedOrder } from '../../orders/cancel';
import { lockOrder, moveOrder, recordOrderEvent } from '../../orders/transition';
import { erpOrdersHandler } from './handler';
import type { ErpFeedPage } from './feed';

const database = setupTestDatabase();
const handler = erpOrdersHandler(() => database.db);

let admin: Member;
let apiKey: string;
let customer: Organization;
let buyer: Member;
let addressId: string;
let list: PriceList;
let product: Product;

beforeAll(async () => {
  const seller = await createOrganization(database.db, { kind: 'seller' });
  admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
  apiKey = (await createCaller(await signIn(database.db, admin.membership)).erpKeys.create({ name: 'Feed test ERP' }))
    .secret;
  customer = await createOrganization(database.db, { erpCustomerCode: `C-${unique()}`.toUpperCase() });
  list = await givePriceList(database.db, customer);
  addressId = (await readyToOrder(database.db, customer)).address.id;
  buyer = await createMember(database.db, customer, { roles: ['buyer'], mayOrder: true, maySeePrices: true });
  product = await createProduct(database.db, { prices: [[list, 2_500]], onHand: 10_000 });
});

type Answer = { status: number; body: unknown };

async function call(query = '', key: string | null = apiKey): Promise<Answer> {
  const headers: Record<string, string> = key === null ? {} : { authorization: `Bearer ${key}` };
  const response = await handler(new Request(`http://localhost:3000/api/erp/orders${query}`, { headers }));
  return { status: response.status, body: await response.json() };
}

type FeedJson = Omit<ErpFeedPage, 'orders'> & {
  orders: (Record<string, unknown> & { id: string; number: string; status: string })[];
};

async function page(cursor: string | null, limit = 500): Promise<FeedJson> {
  const params = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const answer = await call(`?${params}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as FeedJson;
}

/** Reads the feed from `cursor` until it has nothing more to give now; every order handed out, in order. */
async function walk(cursor: string | null, limit = 500) {
  const seen: FeedJson['orders'] = [];
  for (let pages = 0; pages < 1_000; pages++) {
    const next = await page(cursor, limit);
    expect(next.orders.length).toBeLessThanOrEqual(limit);
    seen.push(...next.orders);
    cursor = next.nextCursor;
    if (!next.hasMore) return { orders: seen, cursor };
  }
  throw new Error('the feed did not end');
}

/**
 * Waits until every change committed so far is older than every running transaction: the feed
 * holds back newer ones (other test files share the server), and an ERP would simply call again.
 */
async function settled() {
  const [latest] = await database.db.execute<{ xid: string }>(
    sql`select coalesce(max(change_xid), 0)::text as xid from orders`,
  );
  await expect
    .poll(
      async () => {
        const [row] = await database.db.execute<{ horizon: string }>(
          sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`,
        );
        return BigInt(row?.horizon ?? 0) > BigInt(latest?.xid ?? 0);
      },
      { timeout: 25_000, interval: 50 },
    )
    .toBe(true);
}

/** Where the feed stands now, for a test that only looks at what it changes afterwards. */
async function currentCursor() {
  await settled();
  return (await walk(null)).cursor;
}

const order = (lines: [Product, number][] = [[product, 2]], extra: Partial<PlaceOrderOptions> = {}) =>
  placeOrder(database.db, buyer, { lines, addressId, ...extra });

/** Changes an order as a use case does: locked, in a transaction of its own. */
async function change(target: Order, work: (tx: Transaction, locked: Order) => Promise<unknown>) {
  await database.db.transaction(async (tx) => work(tx, await lockOrder(tx, target.id)));
}

const note = (message: string) => ({ now: new Date(), actorUserId: null, message });

describe('authentication', () => {
  it('answers 401 with a JSON error without a key, with an unknown key and with another scheme', async () => {
    for (const [query, key] of [
      ['', null],
      ['', `cs_live_${'x'.repeat(43)}`],
      ['', 'garbage'],
    ] as const) {
      const answer = await call(query, key);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
    }
    const basic = await handler(
      new Request('http://localhost:3000/api/erp/orders', { headers: { authorization: `Basic ${apiKey}` } }),
    );
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('answers 401 once the key is revoked', async () => {
    const caller = createCaller(await signIn(database.db, admin.membership));
    const { key, secret } = await caller.erpKeys.create({ name: 'Soon revoked' });
    expect((await call('', secret)).status).toBe(200);
    await caller.erpKeys.revoke({ keyId: key.id });
    const answer = await call('', secret);
    expect(answer).toEqual({
      status: 401,
      body: { error: 'unauthorized', message: expect.stringContaining('revoked') },
    });
  });

  it('records when the key was last used', async () => {
    const { key, secret } = await createCaller(await signIn(database.db, admin.membership)).erpKeys.create({
      name: 'Tracked',
    });
    await call('', secret);
    const [row] = await database.db.select().from(erpApiKeys).where(eq(erpApiKeys.id, key.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe('parameters', () => {
  it.each([['?cursor=not-a-cursor'], ['?limit=0'], ['?limit=501'], ['?limit=abc']])(
    'answers 400 to %s',
    async (query) => {
      const answer = await call(query);
      expect(answer).toEqual({ status: 400, body: { error: 'invalid_request', message: expect.any(String) } });
    },
  );
});

// Each test waits for running transactions (of any test file) to end, maybe twice.
describe('the feed', { timeout: 60_000 }, () => {
  it('hands out a confirmed order as its current state, complete, with prices but never a card number', async () => {
    const start = await currentCursor();
    const placed = await order([[product, 3]], {
      poNumber: 'PO-FEED-1',
      paymentMethod: 'card',
      cardNumber: '4242 4242 4242 4242',
    });
    await settled();
    const { orders: handed } = await walk(start);
    expect(handed.map((o) => o.number)).toEqual([placed.number]);
    expect(handed[0]).toEqual({
      id: placed.id,
      number: placed.number,
      status: 'payment_authorized',
      statusCode: 'C',
      version: placed.version,
      customer: { organizationId: customer.id, name: customer.name, erpCustomerCode: customer.erpCustomerCode },
      requester: { name: buyer.user.name, email: buyer.user.email },
      unit: { id: customer.id, name: customer.name },
      submittedAt: placed.submittedAt.toISOString(),
      updatedAt: placed.updatedAt.toISOString(),
      releasedAt: null,
      shippedAt: null,
      depositedAt: null,
      canceledAt: null,
      poNumber: 'PO-FEED-1',
      buyerNote: null,
      shipTo: placed.shipTo,
      shippingMethod: { code: placed.shippingMethodCode, name: placed.shippingMethodName },
      payment: { method: 'card', status: 'authorized', cardLast4: '4242', reference: placed.paymentReference },
      currency: 'USD',
      subtotalMinor: 7_500,
      shippingMinor: placed.shippingMinor,
      totalMinor: 7_500 + placed.shippingMinor,
      lines: [
        {
          lineNumber: 1,
          sku: product.sku,
          name: product.name,
          unit: 'each',
          quantity: 3,
          unitPriceMinor: 2_500,
          lineTotalMinor: 7_500,
          shippedQuantity: 0,
        },
      ],
      shipments: [],
      authorizations: [],
    });
    expect(JSON.stringify(handed)).not.toContain('4242424242424242');
  });

  /** A buyer whose every order waits for `approver`, and that approver's API. */
  async function approvalTeam() {
    const limited = await createMember(database.db, customer, {
      roles: ['buyer'],
      mayOrder: true,
      maySeePrices: true,
      hasLimitedBudget: true,
    });
    const approver = await createMember(database.db, customer, { roles: ['authorizer'], mayAuthorizeOrders: true });
    const [limit] = await database.db
      .insert(spendingLimits)
      .values({
        organizationId: customer.id,
        membershipId: limited.membership.id,
        limitMinor: 1,
        createdAt: new Date(),
      })
      .returning();
    await database.db
      .insert(spendingLimitAuthorizers)
      .values({ limitId: limit?.id ?? '', membershipId: approver.membership.id });
    return {
      order: () => placeOrder(database.db, limited, { lines: [[product, 2]], addressId }),
      authorizations: createCaller(await signIn(database.db, approver.membership)).authorizations,
    };
  }

  it('never hands out an order waiting for its first approval, or declined before it was ever approved', async () => {
    const start = await currentCursor();
    const team = await approvalTeam();
    const waiting = await team.order();
    const declined = await team.order();
    await team.authorizations.decline({ number: declined.number, feedback: 'Not this quarter.' });
    const confirmed = await order();
    await settled();
    expect(waiting.status).toBe('pending_approval');

    const { orders: handed, cursor } = await walk(start);
    expect(handed.map((o) => o.number)).toEqual([confirmed.number]);
    const { orders: fromTheStart } = await walk(null);
    expect(fromTheStart.map((o) => o.number)).not.toContain(waiting.number);
    expect(fromTheStart.map((o) => o.number)).not.toContain(declined.number);
    // Nothing more is handed out from where the walk ended.
    expect((await page(cursor)).orders).toEqual([]);
  });

  it('hands an approved order out again when its approval is reversed, and when it is then declined, so the ERP holds or drops it', async () => {
    const team = await approvalTeam();
    const placed = await team.order();
    await team.authorizations.approve({ number: placed.number });
    const start = await currentCursor();
    const statusOf = async (cursor: string) => {
      await settled();
      const { orders: handed, cursor: next } = await walk(cursor);
      return { seen: handed.filter((o) => o.number === placed.number).map((o) => [o.status, o.statusCode]), next };
    };

    await team.authorizations.cancelDecision({ number: placed.number });
    const reversed = await statusOf(start);
    expect(reversed.seen).toEqual([['pending_approval', 'W']]);

    await team.authorizations.decline({ number: placed.number, feedback: 'Over budget after all.' });
    const declined = await statusOf(reversed.next);
    expect(declined.seen).toEqual([['declined', 'N']]);
  });

  it('hands an order out again after a later change, with its new status', async () => {
    const start = await currentCursor();
    const canceled = await order();
    const released = await order();
    await settled();
    const first = await walk(start);
    expect(first.orders.map((o) => [o.number, o.status])).toEqual([
      [canceled.number, 'payment_authorized'],
      [released.number, 'payment_authorized'],
    ]);

    await change(released, (tx, locked) =>
      moveOrder(tx, locked, 'release', note('Released to fulfillment.'), { releasedAt: new Date() }),
    );
    await change(canceled, (tx, locked) =>
      cancelLockedOrder(tx, locked, { userId: buyer.user.id, name: buyer.user.name }, 'Ordered twice', new Date()),
    );
    await settled();
    const second = await walk(first.cursor);
    expect(second.orders.map((o) => [o.number, o.status, o.statusCode])).toEqual([
      [released.number, 'released', 'R'],
      [canceled.number, 'canceled', 'X'],
    ]);
    expect(second.orders[1]).toMatchObject({ canceledAt: expect.any(String), version: canceled.version + 1 });
  });

  it('walks every order exactly once with limit=1, in the same order as bigger pages', async () => {
    const start = await currentCursor();
    const placed: Order[] = [];
    for (let i = 0; i < 4; i++) placed.push(await order());
    await settled();
    const single = await walk(start, 1);
    expect(single.orders.map((o) => o.number)).toEqual(placed.map((o) => o.number));
    expect(new Set(single.orders.map((o) => o.id)).size).toBe(4);

    const everything = await walk(null, 1);
    const ids = everything.orders.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual((await walk(null, 500)).orders.map((o) => o.id));
  });

  it('holds back a change whose transaction is still open, and does not move past it; it appears once committed', async () => {
    const start = await currentCursor();
    const early = await order();
    await settled();
    const before = await walk(start);
    expect(before.orders.map((o) => o.number)).toEqual([early.number]);

    let commit = () => {};
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let changed = () => {};
    const changedNow = new Promise<void>((resolve) => (changed = resolve));
    const open = database.db.transaction(async (tx) => {
      await moveOrder(tx, await lockOrder(tx, early.id), 'release', note('Released, committed late.'), {
        releasedAt: new Date(),
      });
      changed();
      await committed;
    });
    await changedNow;
    const later = await order(); // commits while the release is still open

    const during = await page(before.cursor);
    expect(during.orders).toEqual([]);
    expect(during.hasMore).toBe(false);
    expect(decodeFeedCursor(during.nextCursor)).toEqual(decodeFeedCursor(before.cursor));

    commit();
    await open;
    await settled();
    const after = await walk(during.nextCursor);
    expect(after.orders.map((o) => [o.number, o.status])).toEqual([
      [early.number, 'released'],
      [later.number, 'payment_authorized'],
    ]);
  });

  it('lists approval decisions with who decided, when and why', async () => {
    const start = await currentCursor();
    const approver = await createMember(database.db, customer, { roles: ['authorizer'], mayAuthorizeOrders: true });
    const approved = await order();
    const at = new Date('2026-11-23T09:30:00Z');
    await recordOrderEvent(database.db, approved, 'approve', {
      now: at,
      actorUserId: approver.user.id,
      message: 'Approved.',
      data: { feedback: 'Fine for Q4.' },
    });
    await settled();
    const { orders: handed } = await walk(start);
    expect(handed[0]?.authorizations).toEqual([
      {
        decision: 'approved',
        at: at.toISOString(),
        authorizer: { name: approver.user.name, email: approver.user.email },
        feedback: 'Fine for Q4.',
      },
    ]);
  });
});
