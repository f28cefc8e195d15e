import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { pushSubscriptions } from '@/db/schema';
import { claimDueRows as claimEmails } from '@/server/email/dispatcher';
import { claimDueRows as claimPushes } from '@/server/push/dispatcher';
import { setupTestDatabase } from '@/server/testing/database';
import { createUser } from '@/server/testing/factories';

const database = setupTestDatabase();
const BACKLOG = 3_000;

type PlanNode = { 'Node Type': string; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The claim's plan as run (EXPLAIN ANALYZE, rolled back): every node, with the rows each filtered away. */
async function claimPlan(statement: { toSQL: () => { sql: string; params: unknown[] } }): Promise<PlanNode[]> {
  const { sql: text, params } = statement.toSQL();
  const rolledBack = new Error('rolled back');
  let plan: PlanNode | undefined;
  const client = postgres(database.url, { max: 1, onnotice: () => undefined });
  await client
    .begin(async (tx) => {
      const [row] = await tx.unsafe(`explain (analyze, format json) ${text}`, params as never[]);
      plan = (row?.['QUERY PLAN'] as { Plan: PlanNode }[] | undefined)?.[0]?.Plan;
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    })
    .finally(() => client.end());
  if (!plan) throw new Error('no plan');
  return nodesOf(plan);
}

/**
 * Emails and pushes waiting for a later retry (a provider down for an hour) must not make every
 * claim read them all: the dispatcher runs after each change that queues one, on every instance.
 */
describe('the outbox claims, with a backlog of rows not yet due', () => {
  const now = new Date();
  const later = `now() + interval '1 hour'`;

  it('finds the due email by index, without reading the backlog', async () => {
    await database.db.execute(sql`
      insert into email_outbox (kind, to_address, props, next_attempt_at)
      select 'password-reset', 'waiting-' || n || '@example.test', '{}', ${sql.raw(later)}
      from generate_series(1, ${BACKLOG}) n`);
    await database.db.execute(sql`
      insert into email_outbox (kind, to_address, props, next_attempt_at)
      values ('password-reset', 'due@example.test', '{}', now() - interval '1 minute')`);
    await database.db.execute(sql`analyze email_outbox`);
    const plan = await claimPlan(claimEmails(database.db, now, 25, 60_000));
    expect(plan.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(plan.reduce((sum, node) => sum + (node['Rows Removed by Filter'] ?? 0), 0)).toBeLessThan(10);
    const claimed = await claimEmails(database.db, now, 25, 60_000);
    expect(claimed.map((row) => row.toAddress)).toEqual(['due@example.test']);
  });

  it('finds the due push by index, without reading the backlog', async () => {
    const user = await createUser(database.db);
    const [subscription] = await database.db
      .insert(pushSubscriptions)
      .values({ userId: user.id, endpoint: 'https://push.example.test/1', p256dh: 'key', auth: 'auth' })
      .returning();
    if (!subscription) throw new Error('no subscription');
    const ids = sql`${user.id}::uuid, ${subscription.id}::uuid`;
    await database.db.execute(sql`
      insert into push_outbox (user_id, subscription_id, title, body, url, next_attempt_at)
      select ${ids}, 'Waiting ' || n, 'body', '/', ${sql.raw(later)} from generate_series(1, ${BACKLOG}) n`);
    await database.db.execute(sql`
      insert into push_outbox (user_id, subscription_id, title, body, url, next_attempt_at)
      values (${ids}, 'Due', 'body', '/', now() - interval '1 minute')`);
    await database.db.execute(sql`analyze push_outbox`);
    const plan = await claimPlan(claimPushes(database.db, now, 25, 60_000));
    expect(plan.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(plan.reduce((sum, node) => sum + (node['Rows Removed by Filter'] ?? 0), 0)).toBeLessThan(10);
    const claimed = await claimPushes(database.db, now, 25, 60_000);
    expect(claimed.map((row) => row.title)).toEqual(['Due']);
  });
});
