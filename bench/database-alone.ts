import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { noDelaySocket } from '@/db/socket';
import { submitOrder } from '@/server/services/orders/checkout';
import { actorFor } from '@/server/testing/actors';
import { BENCH_PG_DIR, type BenchDatabase } from './database';
import { meterCpu, postmasterPid } from './diagnostics';
import type { BenchOptions } from './options';

export type DatabaseAloneReport = {
  submits: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  statementsPerSubmit: number;
  /** CPU milliseconds per submit: PostgreSQL, and this (bench) process building and sending the statements. */
  postgresMsPerSubmit: number;
  benchMsPerSubmit: number;
};

/**
 * What the database alone allows: the submit's statements sent straight from the bench process
 * with `postgres`, at the app's concurrency and pool size, with no HTTP, no tRPC and no session
 * check. It runs the service the app runs (`submitOrder`), so the statements are the same ones,
 * prepared the same way, for members whose carts the HTTP phase left full. The actors are loaded
 * before the clock starts. The gap to the HTTP submit is what the app's own work costs.
 */
export async function measureDatabaseAlone(db: BenchDatabase, options: BenchOptions): Promise<DatabaseAloneReport> {
  const members = await db.sql<{ membership_id: string; address_id: string }[]>`
    select m.membership_id, o.address_id from bench.members m join bench.orgs o on o.n = m.org_n
    where exists (select 1 from cart_lines c where c.membership_id = m.membership_id)
    order by m.n`;
  let statements = 0;
  const client = postgres(db.url, {
    max: options.poolSize,
    onnotice: () => undefined,
    connection: { application_name: 'countersign' },
    ...noDelaySocket, // as the app's connections (db/client.ts)
    debug: () => statements++,
  });
  const alone = drizzle(client, { schema, casing: 'snake_case' });
  try {
    const actors = await Promise.all(members.map((member) => actorFor(alone, member.membership_id)));
    statements = 0;
    let next = 0;
    let submits = 0;
    let errors = 0;
    const cpu = meterCpu({ postgres: db.embedded ? postmasterPid(BENCH_PG_DIR) : 0, bench: process.pid });
    const started = performance.now();
    const deadline = started + options.durationSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < deadline) {
          const index = next++;
          const actor = actors[index];
          const member = members[index];
          if (!actor || !member) return;
          const input = {
            idempotencyKey: randomBytes(18).toString('base64url'),
            addressId: member.address_id,
            shippingMethodCode: 'STANDARD',
            paymentMethod: 'on_account' as const,
          };
          try {
            await submitOrder(alone, actor, input, new Date());
            submits++;
          } catch {
            errors++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cores = cpu.stop();
    const done = Math.max(1, submits + errors);
    const perSubmit = (coresBusy: number | undefined) =>
      Math.round((((coresBusy ?? 0) * seconds * 1000) / done) * 100) / 100;
    return {
      submits,
      errors,
      seconds: Math.round(seconds * 10) / 10,
      requestsPerSecond: Math.round((submits / seconds) * 10) / 10,
      statementsPerSubmit: Math.round((statements / done) * 10) / 10,
      postgresMsPerSubmit: perSubmit(cores.postgres),
      benchMsPerSubmit: perSubmit(cores.bench),
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}
