import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
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
 * Statements a bill-me submit with no approval sends, BEGIN and COMMIT included. The figure may go
 * down, never up: every statement is a round trip while the organization's lock is held.
 */
const SUBMIT_STATEMENTS = 24;

const database = setupTestDatabase();
/** One connection whose every statement is seen (`debug`), so its prepared statements are all on it. */
let observed: { db: Database; sql: postgres.Sql; statements: string[] };

beforeAll(() => {
  const statements: string[] = [];
  const client = postgres(database.url, {
    max: 1,
    onnotice: () => undefined,
    debug: (_connection, query) => statements.push(query),
  });
  observed = { db: drizzle(client, { schema, casing: 'snake_case' }), sql: client, statements };
});
afterAll(() => observed.sql.end());

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
    return observed.statements.filter((text) => !text.includes('pg_catalog.pg_type'));
  };
  return { member, submit };
}

describe('the statements of the hot paths', () => {
  it(`submits a bill-me order in at most ${SUBMIT_STATEMENTS} statements`, async () => {
    const { submit } = await orderingMember();
    await submit();
    expect((await submit()).length).toBeLessThanOrEqual(SUBMIT_STATEMENTS);
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
      /json_build_object\('number'/, // the submit's context
      /for update of "cart_lines"/, // the submit's cart
      /^insert into "orders"/, // the submit's order
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
  });
});
