import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { noDelaySocket } from '@/db/socket';
import type { Database } from '@/db/client';
import { sessionTimeouts } from '@/server/env';
import { actorFor } from '@/server/testing/actors';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn } from '@/server/testing/factories';
import { readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';
import { waitingCount } from '../approvals/inbox';
import { resolveViewer } from '../identity/viewer';
import { submitOrder } from './checkout';

/**
 * Round trips of a bill-me submit with no approval, BEGIN and COMMIT included: the read flight
 * (BEGIN, the organization's lock and the submit's read, pipelined) and the write flight (the write
 * and COMMIT, pipelined — `pipelinedTransaction`). A round trip is
 * the client sending and then waiting for the server's answer before it sends again — counted at a
 * proxy in front of the database as each time the client speaks after the server has. Every one of
 * them is spent while the organization's lock is held (but BEGIN), so the figure may go down, never up.
 */
const SUBMIT_ROUND_TRIPS = 2;
/** The statements in those round trips: BEGIN, the lock and the read (the lock must come first, see `readForSubmit`), the write, COMMIT. */
const SUBMIT_STATEMENTS = 5;

const database = setupTestDatabase();
/** One connection whose every statement is seen (`debug`), so its prepared statements are all on it. */
let observed: { db: Database; sql: postgres.Sql; statements: string[]; turns: { count: number } };
let proxy: net.Server;

/**
 * A proxy in front of the database that counts round trips: each time the client sends after the
 * server has answered (or first) is one. Pipelined statements go out in one write, so they count once.
 */
async function countingProxy(target: URL, turns: { count: number }): Promise<net.Server> {
  const server = net.createServer((client) => {
    let serverSpokeLast = true;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.on('data', (chunk) => {
      if (serverSpokeLast) turns.count++;
      serverSpokeLast = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      serverSpokeLast = true;
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  const statements: string[] = [];
  const turns = { count: 0 };
  const target = new URL(database.url);
  proxy = await countingProxy(target, turns);
  const address = proxy.address() as net.AddressInfo;
  const url = new URL(database.url);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  const client = postgres(url.toString(), {
    max: 1,
    onnotice: () => undefined,
    ...noDelaySocket, // as the app's connections (db/client.ts)
    debug: (_connection, query) => statements.push(query),
  });
  observed = { db: drizzle(client, { schema, casing: 'snake_case' }), sql: client, statements, turns };
});
afterAll(async () => {
  await observed.sql.end();
  proxy.close();
});

async function orderingMember() {
  const organization = await createOrganization(database.db);
  const list = await givePriceList(database.db, organization);
  const { address } = await readyToOrder(database.db, organization);
  const member = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
  const product = await createProduct(database.db, { prices: [[list, 2_500]], onHand: 100 });
  const caller = createCaller(await signIn(database.db, member.membership));
  const submit = async () => {
    await caller.cart.add({ sku: product.sku, quantity: 2 });
    observed.statements.length = 0;
    observed.turns.count = 0;
    await submitOrder(
      observed.db,
      await actorFor(database.db, member.membership.id),
      {
        idempotencyKey: randomUUID(),
        addressId: address.id,
        shippingMethodCode: TEST_SHIPPING.code,
        paymentMethod: 'on_account',
      },
      new Date(),
    );
    return {
      statements: observed.statements.filter((text) => !text.includes('pg_catalog.pg_type')),
      roundTrips: observed.turns.count,
    };
  };
  return { member, submit };
}

describe('the statements of the hot paths', () => {
  it(`submits a bill-me order in at most ${SUBMIT_ROUND_TRIPS} round trips and ${SUBMIT_STATEMENTS} statements`, async () => {
    const { submit } = await orderingMember();
    // The first submit on a connection also describes each statement (one more trip each); later ones do not.
    await submit();
    const { statements, roundTrips } = await submit();
    expect(statements.length).toBeLessThanOrEqual(SUBMIT_STATEMENTS);
    expect(roundTrips).toBeLessThanOrEqual(SUBMIT_ROUND_TRIPS);
  });

  it('sends the submit, the session check and the waiting count as named statements whose plans are reused, and their generic plans use indexes', async () => {
    const { member, submit } = await orderingMember();
    const session = await signIn(database.db, member.membership);
    const actor = await actorFor(database.db, member.membership.id);
    for (let n = 0; n < 3; n++) {
      await submit();
      await resolveViewer(observed.db, session.sessionId ?? '', new Date(), sessionTimeouts());
      await waitingCount(observed.db, actor);
    }
    const prepared = await observed.sql<{ name: string; statement: string; plans: number }[]>`
      select name, statement, (generic_plans + custom_plans)::int as plans from pg_prepared_statements`;
    const named = (pattern: RegExp) => prepared.find((row) => pattern.test(row.statement));
    for (const pattern of [
      /from "user_sessions"/, // the session check
      /from "approval_inbox"/, // the waiting count
      /json_build_object\('number'/, // the submit's read
      /insert into orders/, // the submit's write
    ]) {
      // Executed three times on this connection, parsed once: the same statement, planned from its cache.
      expect(named(pattern)?.plans ?? 0, String(pattern)).toBeGreaterThanOrEqual(3);
    }

    // A generic plan (what PostgreSQL settles on after five executions) must still reach rows by
    // index. The test tables are tiny, so sequential scans are priced out to see what the plan can use.
    const plan = async (pattern: RegExp, args: string[]) => {
      const statement = named(pattern);
      if (!statement) throw new Error(`no statement ${pattern}`);
      return observed.sql.begin(async (tx) => {
        await tx.unsafe('set local plan_cache_mode = force_generic_plan');
        await tx.unsafe('set local enable_seqscan = off');
        // The driver's statement names are random and may begin with a digit: quoted as an identifier.
        const rows = await tx.unsafe(
          `explain execute "${statement.name}"(${args.map((arg) => `'${arg}'`).join(', ')})`,
        );
        return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
      });
    };
    const waiting = await plan(/from "approval_inbox"/, [member.membership.id, 'pending']);
    expect(waiting).toMatch(/Index/);
    expect(waiting).not.toMatch(/Seq Scan/);
    const viewer = await plan(/from "user_sessions"/, [session.sessionId ?? '']);
    expect(viewer).toMatch(/Index/);
    expect(viewer).not.toMatch(/Seq Scan/);

    // The write takes the stock it allocates from rows the read locked: it must look them up by key.
    // A jsonb list is taken for 100 rows, and against a catalog's stock (10,000 rows here, as on the
    // bench) the planner would rather hash-join it with a scan of every stock row.
    await observed.sql.unsafe(`
      with made as (
        insert into products (sku, name, category) select 'BULK-' || n, 'Bulk ' || n, 'Bulk' from generate_series(1, 10000) n
        returning id)
      insert into inventory (product_id, fulfillment_center_id, on_hand)
      select made.id, (select id from fulfillment_centers limit 1), 5 from made`);
    await observed.sql.unsafe('analyze inventory');
    const write = named(/insert into orders/);
    if (!write) throw new Error('no write statement');
    const stockLookups = await observed.sql.begin(async (tx) => {
      await tx.unsafe('set local plan_cache_mode = force_generic_plan');
      const [described] = await tx<{ count: number }[]>`
        select cardinality(parameter_types)::int as count from pg_prepared_statements where name = ${write.name}`;
      const nulls = Array.from({ length: described?.count ?? 0 }, () => 'null').join(', ');
      const [row] = await tx.unsafe(`explain (format json) execute "${write.name}"(${nulls})`);
      type Node = { 'Index Name'?: string; 'Index Cond'?: string; Plans?: Node[] };
      const nodes = (node: Node): Node[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
      const root = (row?.['QUERY PLAN'] as { Plan: Node }[] | undefined)?.[0]?.Plan;
      if (!root) throw new Error('no plan');
      return nodes(root).filter((node) => node['Index Name']?.startsWith('inventory_'));
    });
    expect(stockLookups.length).toBeGreaterThan(0);
    for (const node of stockLookups) expect(node['Index Cond'], node['Index Name']).toMatch(/product_id/);
  });
});
