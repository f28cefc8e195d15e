import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { approvalTeam, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { ACCOUNT_MANAGER, createCaller, createMember, signIn, type Member } from '@/server/testing/factories';
import { csvTable, exportRequest, insertOrders, testExportRoutes } from '@/server/testing/exports';
import { buildWorld, markersOf, type World } from '@/server/testing/world';

const database = setupTestDatabase();
const routes = testExportRoutes(
  () => database.db,
  () => database.db,
  { now: () => new Date('2026-12-06T09:00:00Z') },
);

const sessionOf = async (member: Member) => (await signIn(database.db, member.membership)).sessionId ?? '';

async function download(kind: string, member: Member | null, query = '') {
  const response = await routes.GET(...exportRequest(kind, member ? await sessionOf(member) : null, query));
  // Decoded keeping the byte-order mark (Response.text() drops it), to see what a spreadsheet gets.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { response, text, ...(response.status === 200 ? csvTable(text) : { header: [], rows: [] }) };
}

let world: World;
let team: ApprovalTeam;
let teamOrderNumber: string;

beforeAll(async () => {
  world = await buildWorld(database.db);
  team = await approvalTeam(database.db);
  const order = await teamOrder(database.db, team, 20); // 2,000.00: over Ann's and Ben's 1,000.00 limit
  teamOrderNumber = order.number;
  const ann = createCaller(await signIn(database.db, team.a.membership));
  await ann.authorizations.approve({ number: order.number, feedback: '=HYPERLINK("http://evil.test","ok")' });
});

describe('every export answers', () => {
  it('401 without a session, with no data', async () => {
    for (const kind of ['orders', 'approvals', 'statement', 'staff-orders']) {
      const { response, text } = await download(kind, null);
      expect(response.status).toBe(401);
      expect(text).not.toContain(world.a.order.number);
    }
  });

  it('404 for a kind that does not exist', async () => {
    expect((await download('users', world.a.manager)).response.status).toBe(404);
  });

  it('403 on the other side: buyers do not export staff orders, staff do not export buyer lists', async () => {
    expect((await download('staff-orders', world.a.manager)).response.status).toBe(403);
    for (const kind of ['orders', 'approvals', 'statement']) {
      expect((await download(kind, world.seller.admin)).response.status).toBe(403);
    }
  });
});

describe('the orders export', () => {
  it('streams the list as a UTF-8 CSV download with a byte-order mark', async () => {
    const { response, text, header, rows } = await download('orders', world.a.manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="orders-2026-12-06.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(header).toEqual(['Order', 'Placed at', 'Status', 'Ordered by', 'PO number', 'Items', 'Total', 'Currency']);
    const order = world.a.order;
    expect(rows).toEqual([
      [
        order.number,
        order.submittedAt.toISOString(),
        expect.any(String),
        world.a.buyer.user.name,
        order.poNumber,
        String(order.itemCount),
        (order.totalMinor / 100).toFixed(2),
        'USD',
      ],
    ]);
  });

  it('holds nothing of another organization', async () => {
    const { text } = await download('orders', world.b.manager);
    for (const marker of markersOf(world.a)) expect(text).not.toContain(marker);
    expect(text).toContain(world.b.order.number);
  });

  it('is scoped like the list: a buyer gets their own orders without the requester column', async () => {
    await insertOrders(database.db, world.a.manager, { count: 2, prefix: 'CS-MGR', newest: world.a.order.submittedAt });
    const { header, rows } = await download('orders', world.a.buyer);
    expect(header).toEqual(['Order', 'Placed at', 'Status', 'PO number', 'Items', 'Total', 'Currency']);
    expect(rows.map((row) => row[0])).toEqual([world.a.order.number]);
    const manager = await download('orders', world.a.manager);
    expect(manager.rows.map((row) => row[0])).toEqual([world.a.order.number, 'CS-MGR1', 'CS-MGR2']);
  });

  it('leaves the totals out for a member without “may see prices”', async () => {
    const blind = await createMember(database.db, world.a.organization, { ...ACCOUNT_MANAGER, maySeePrices: false });
    const { header, text } = await download('orders', blind);
    expect(header).toEqual(['Order', 'Placed at', 'Status', 'Ordered by', 'PO number', 'Items']);
    expect(text).not.toContain((world.a.order.totalMinor / 100).toFixed(2));
  });

  it('honours the list’s filters', async () => {
    const byNumber = await download('orders', world.a.manager, `q=${world.a.order.number}`);
    expect(byNumber.rows.map((row) => row[0])).toEqual([world.a.order.number]);
    const canceled = await download('orders', world.a.manager, 'status=canceled');
    expect(canceled.rows).toEqual([]);
  });

  it('answers a malformed filter with 400 naming it, never a 500', async () => {
    const { response, text } = await download('orders', world.a.manager, 'status=nonsense');
    expect(response.status).toBe(400);
    expect(JSON.parse(text).message).toMatch(/./);
    const long = await download('orders', world.a.manager, `q=${'x'.repeat(41)}`);
    expect(long.response.status).toBe(400);
    expect(JSON.parse(long.text).message).toBe('Search for at most 40 characters.');
  });

  it('refuses a member without permission to see orders', async () => {
    const nobody = await createMember(database.db, world.a.organization, { roles: [] });
    const { response, text } = await download('orders', nobody);
    expect(response.status).toBe(403);
    expect(text).not.toContain(world.a.order.number);
  });

  it('neutralises a PO number a spreadsheet would run as a formula', async () => {
    const [order] = await database.db
      .update(orders)
      .set({ poNumber: '@SUM(1+1)*cmd' })
      .where(eq(orders.id, world.b.order.id))
      .returning();
    const { text, rows } = await download('orders', world.b.manager);
    expect(rows[0]?.[4]).toBe("'@SUM(1+1)*cmd");
    expect(text).not.toMatch(/,@SUM/);
    await database.db
      .update(orders)
      .set({ poNumber: world.b.order.poNumber })
      .where(eq(orders.id, order?.id ?? ''));
  });
});

describe('the statement export', () => {
  beforeAll(async () => {
    await database.db
      .update(orders)
      .set({ status: 'deposited', paymentMethod: 'on_account', depositedAt: new Date('2026-11-30T12:00:00Z') })
      .where(eq(orders.id, world.a.order.id));
  });

  it('lists the invoiced orders with amounts in major units, open or paid as filtered', async () => {
    const { header, rows, response } = await download('statement', world.a.manager);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statement-2026-12-06.csv"');
    expect(header).toEqual([
      'Order',
      'Ordered at',
      'Invoiced at',
      'PO number',
      'Amount',
      'Currency',
      'State',
      'Paid at',
    ]);
    expect(rows).toEqual([
      [
        world.a.order.number,
        world.a.order.submittedAt.toISOString(),
        '2026-11-30T12:00:00.000Z',
        world.a.order.poNumber,
        (world.a.order.totalMinor / 100).toFixed(2),
        'USD',
        'open',
        '',
      ],
    ]);
    expect((await download('statement', world.a.manager, 'status=paid')).rows).toEqual([]);
    expect((await download('statement', world.a.manager, 'status=open')).rows).toHaveLength(1);
    expect((await download('statement', world.b.manager)).rows).toEqual([]);
  });

  it('is only for members who see prices and the whole organization’s orders', async () => {
    const { response, text } = await download('statement', world.a.buyer);
    expect(response.status).toBe(403);
    expect(text).not.toContain(world.a.order.number);
  });

  it('answers an unknown state with 400', async () => {
    expect((await download('statement', world.a.manager, 'status=overdue')).response.status).toBe(400);
  });
});

describe('the approvals export', () => {
  it('writes each step with who decided, when, on whose behalf and the feedback, neutralised', async () => {
    const { header, rows } = await download('approvals', team.a, 'state=approved');
    expect(header).toEqual([
      'Order',
      'Submitted at',
      'Ordered by',
      'PO number',
      'Total',
      'Currency',
      'Step',
      'Step status',
      'Decided by',
      'On behalf of',
      'Decided at',
      'Feedback',
    ]);
    const mine = rows.filter((row) => row[0] === teamOrderNumber);
    expect(mine).toHaveLength(1);
    const [row] = mine;
    expect(row?.[2]).toBe('Rob Requester');
    expect(row?.[4]).toBe('2015.00'); // 20 × 100.00 and 15.00 shipping
    expect(row?.[5]).toBe('USD');
    expect(row?.[7]).toBe('approved');
    expect(row?.[8]).toBe('Ann Approver');
    expect(row?.[9]).toBe('');
    expect(row?.[10]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row?.[11]).toBe('\'=HYPERLINK("http://evil.test","ok")');
  });

  it('follows the inbox tab: the approved order is not pending for Ann', async () => {
    const { rows } = await download('approvals', team.a);
    expect(rows.map((row) => row[0])).not.toContain(teamOrderNumber);
  });

  it('holds nothing of another organization’s approvals', async () => {
    for (const state of ['pending', 'waiting', 'approved', 'declined']) {
      const { text, rows } = await download('approvals', world.a.manager, `state=${state}`);
      expect(rows).toEqual([]);
      expect(text).not.toContain(teamOrderNumber);
    }
  });

  it('refuses a requester who does not authorize orders', async () => {
    expect((await download('approvals', team.requester, 'state=approved')).response.status).toBe(403);
  });

  it('answers malformed dates and states with 400', async () => {
    expect((await download('approvals', team.a, 'from=2026-13-45')).response.status).toBe(400);
    expect((await download('approvals', team.a, 'state=everything')).response.status).toBe(400);
  });
});

describe('the staff orders export', () => {
  it('lists every organization’s orders for staff, filtered by organization', async () => {
    const all = await download('staff-orders', world.seller.admin);
    expect(all.header).toEqual([
      'Order',
      'Placed at',
      'Status',
      'Organization',
      'Ordered by',
      'PO number',
      'Items',
      'Total',
      'Currency',
      'Payment method',
      'Payment status',
    ]);
    const numbers = all.rows.map((row) => row[0]);
    expect(numbers).toEqual(expect.arrayContaining([world.a.order.number, world.b.order.number, teamOrderNumber]));
    const onlyA = await download('staff-orders', world.seller.admin, `org=${world.a.organization.id}`);
    expect(onlyA.rows.map((row) => row[0])).toEqual([world.a.order.number, 'CS-MGR1', 'CS-MGR2']);
    expect(onlyA.rows[0]?.[3]).toBe(world.a.organization.name);
  });

  it('refuses staff without the orders permission, and malformed filters', async () => {
    const clerk = await createMember(database.db, world.seller.organization, { roles: [] });
    expect((await download('staff-orders', clerk)).response.status).toBe(403);
    expect((await download('staff-orders', world.seller.admin, 'org=not-an-id')).response.status).toBe(400);
    const backwards = await download('staff-orders', world.seller.admin, 'from=2026-12-01&to=2026-11-01');
    expect(backwards.response.status).toBe(400);
  });
});
