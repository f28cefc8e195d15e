import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { connectDatabase, type Database } from '@/db/client';
import { ensureDatabase, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { syncPredefinedRoles } from '@/db/predefined-roles';
import { organizations } from '@/db/schema';
import { seedDemoOrders } from '@/server/launch/seed/demo-orders';
import { seedDemoData } from '@/server/launch/seed/seed';
import { createProduct } from '@/server/testing/catalog';
import { createMember, DEFAULT_PASSWORD } from '@/server/testing/factories';
import { jobEffects, seedJobWork } from '@/server/testing/job-work';
import { orderingOrganization } from '@/server/testing/staff-orders';
import { buildApp } from './app-server';
import { cron, health, mutate, query, signIn, type Client } from './instances-client';

/**
 * `npm run proof:instances [-- --skip-build] [--quick]`: two production instances (`npm start`
 * each, on ports 3301 and 3302) on one fresh embedded PostgreSQL, and what a deployment relies
 * on: a session from one works on the other; jobs triggered on both at once do everything once;
 * SIGKILL of one under load loses nothing; SIGTERM drains. Prints the counts; exits 1 on a failed check.
 */
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const DIST_DIR = '.data/next-proof';
const PG_DIR = '.data/proof-postgres';
const PG_PORT = 54359;
const PORTS = [3301, 3302] as const;
/** Both instances stand behind one public address, as behind a balancer; the first instance's will do. */
const APP_URL = `http://127.0.0.1:${PORTS[0]}`;
const DRAIN_SECONDS = 3;
const client: Client = { appUrl: APP_URL, cronSecret: 'proof-cron-secret-0123456789abcdef' };
const JOBS = ['process-backorders', 'release-to-fulfillment', 'balance-payments', 'authorization-reminders'] as const;
const sizes = QUICK ? { work: 4, buyers: 4, submits: 4 } : { work: 20, buyers: 9, submits: 8 };

const log = (line: string) => console.log(`[proof] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const base = (port: number) => `http://127.0.0.1:${port}`;

type Row = { check: string; figure: string; ok: boolean };
const rows: Row[] = [];
const record = (check: string, figure: string, ok: boolean) => {
  rows.push({ check, figure, ok });
  log(`${ok ? 'ok  ' : 'FAIL'} ${check}: ${figure}`);
};

function appEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL,
    NEXTAUTH_URL: APP_URL,
    AUTH_SECRET: 'proof-auth-secret-0123456789abcdef0123456789',
    CRON_SECRET: client.cronSecret,
    DEV_MAILBOX: 'on',
    DRAIN_SECONDS: String(DRAIN_SECONDS),
    // A killed instance's claimed emails go to the survivor after this; the default 120 s is longer than the proof.
    EMAIL_LEASE_SECONDS: '8',
  };
  // Production with several instances triggers jobs from one outside scheduler (README), never in-process.
  delete env.RUN_SCHEDULER;
  delete env.RESEND_API_KEY;
  return env;
}

type Instance = { name: string; url: string; child: ChildProcess; exited: Promise<number | null> };

/** `npm start` (the launcher, which migrates and spawns `next start`) in a process group of its own. */
async function startInstance(name: string, databaseUrl: string, port: number): Promise<Instance> {
  const out = createWriteStream(`.data/proof-${name}.log`);
  // As `npm start` runs it: tsx as a loader in the launcher's own process, so SIGTERM reaches the launcher itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/launch/main.ts', 'start'], {
    env: appEnv(databaseUrl, port),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      log(`instance ${name} exited: code ${code}, signal ${signal} at ${new Date().toISOString()}`);
      resolve(code);
    }),
  );
  const url = base(port);
  for (let i = 0; i < 300; i++) {
    if ((await health(url)) === 200) return { name, url, child, exited };
    await sleep(300);
  }
  throw new Error(`instance ${name} did not answer /api/health; see .data/proof-${name}.log`);
}

const killGroup = (instance: Instance, signal: NodeJS.Signals) => {
  try {
    process.kill(-(instance.child.pid ?? 0), signal);
  } catch {
    // already gone
  }
};

async function prepareDatabase() {
  await rm(PG_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: PG_DIR, port: PG_PORT, log });
  await ensureDatabase(server.url('postgres'), 'countersign');
  const url = server.url('countersign');
  await migrateDatabase(url);
  const handle = connectDatabase(url, { max: 4 });
  await syncPredefinedRoles(handle.db);
  await seedDemoData(handle.db);
  await seedDemoOrders(handle.db);
  return { url, handle, stopServer: server.stop };
}

type Buyer = { email: string; organizationId: string; addressId: string; sku: string };

/** Buyers in three organizations, a product each can order; they sign in with the default password. */
async function makeBuyers(db: Database, count: number): Promise<Buyer[]> {
  const buyers: Buyer[] = [];
  for (let org = 0; org < 3; org++) {
    const ordering = await orderingOrganization(db);
    const product = await createProduct(db, { prices: [[ordering.list, 2_500]], onHand: 1_000_000 });
    const members = [ordering.buyer];
    while (members.length < Math.ceil(count / 3))
      members.push(
        await createMember(db, ordering.organization, { roles: ['buyer'], mayOrder: true, maySeePrices: true }),
      );
    for (const member of members)
      buyers.push({
        email: member.user.email,
        organizationId: ordering.organization.id,
        addressId: ordering.addressId,
        sku: product.sku,
      });
  }
  return buyers.slice(0, count);
}

/** (a) A session made on A is valid on B. */
async function sessionCheck(a: Instance, b: Instance) {
  const cookie = await signIn(client, a.url, 'alice@northwind.test', 'countersign-demo');
  const me = await query(b.url, cookie, 'session.me');
  const email = me.status === 200 ? (me.data as { user?: { email?: string } }).user?.email : undefined;
  record(
    '(a) session from A used on B',
    `sign-in on A, session.me on B → ${me.status} ${email ?? ''}`,
    email === 'alice@northwind.test',
  );
}

/** Triggers dispatch-email on the given instances at once until nothing is due, waiting out leases. */
async function dispatchAll(db: Database, instances: Instance[], emailsSince: Date, maxSeconds: number) {
  const deadline = Date.now() + maxSeconds * 1000;
  for (;;) {
    await Promise.all(instances.map((instance) => cron(client, instance.url, 'dispatch-email')));
    if ((await jobEffects(db, emailsSince, emailsSince)).emailsPending === 0 || Date.now() > deadline) return;
    await sleep(1000);
  }
}

/** (b) Each job triggered on both instances at once. */
async function jobsCheck(db: Database, a: Instance, b: Instance) {
  const seededAt = new Date();
  const work = await seedJobWork(db, sizes.work);
  const since = new Date();
  const reported: Record<string, number> = {};
  for (const job of JOBS) {
    const answers = await Promise.all([cron(client, a.url, job), cron(client, b.url, job)]);
    for (const answer of answers) {
      const result = (answer.status === 200 ? (answer.data as { result?: Record<string, number> }).result : {}) ?? {};
      for (const [key, value] of Object.entries(result)) reported[key] = (reported[key] ?? 0) + value;
    }
  }
  await dispatchAll(db, [a, b], seededAt, 20);
  const effects = await jobEffects(db, since, seededAt);
  const ok = (done: number, said: number | undefined, least: number) => done === (said ?? 0) && done >= least;
  record(
    '(b) backorders allocated',
    `${effects.allocated} (runs said ${reported.allocated ?? 0}; work ${work.backordered})`,
    ok(effects.allocated, reported.allocated, work.backordered),
  );
  record(
    '(b) orders released',
    `${effects.released} (runs said ${reported.released ?? 0})`,
    ok(effects.released, reported.released, work.confirmed + work.backordered),
  );
  record(
    '(b) payments captured',
    `${effects.deposited} (runs said ${(reported.captured ?? 0) + (reported.invoiced ?? 0) + (reported.collected ?? 0)})`,
    ok(
      effects.deposited,
      (reported.captured ?? 0) + (reported.invoiced ?? 0) + (reported.collected ?? 0),
      work.shipped,
    ),
  );
  record(
    '(b) reminders',
    `${effects.reminders} (runs said ${reported.authorizersReminded ?? 0})`,
    ok(effects.reminders, reported.authorizersReminded, work.authorizersDue),
  );
  record(
    '(b) emails queued / delivered / pending',
    `${effects.emailsQueued} / ${effects.emailsDelivered} / ${effects.emailsPending}`,
    effects.emailsDelivered === effects.emailsQueued && effects.emailsPending === 0,
  );
  const duplicates =
    effects.duplicateTransitions + effects.duplicateReminders + effects.duplicateEmails + effects.duplicateDeliveries;
  record(
    '(b) duplicates (transitions, reminders, emails, deliveries)',
    `${effects.duplicateTransitions}, ${effects.duplicateReminders}, ${effects.duplicateEmails}, ${effects.duplicateDeliveries}`,
    duplicates === 0,
  );
}

type Submit = { key: string; buyer: Buyer; status: number; number?: string; retried: boolean };

/** (c) Submits spread over A and B; B is killed with SIGKILL part-way; a failed call is retried on A. */
async function killCheck(db: Database, a: Instance, b: Instance, buyers: Buyer[]) {
  const startedAt = new Date();
  const sessions = await Promise.all(
    buyers.map((buyer, i) => signIn(client, (i % 2 ? b : a).url, buyer.email, DEFAULT_PASSWORD)),
  );
  let bAlive = true;
  const submits: Submit[] = [];
  const total = buyers.length * sizes.submits;
  /** One call on A or B; when B is dead (or dies under it) the same call goes to A, as a client retries. */
  const call = async (useB: boolean, send: (url: string) => ReturnType<typeof mutate>) => {
    if (useB && bAlive) {
      const first = await send(b.url);
      if (first.status !== 0) return { answer: first, retried: false };
    }
    return { answer: await send(a.url), retried: useB };
  };
  await Promise.all(
    buyers.map(async (buyer, i) => {
      const cookie = sessions[i] ?? '';
      for (let n = 0; n < sizes.submits; n++) {
        const useB = (i + n) % 2 === 1;
        await call(useB, (url) => mutate(client, url, cookie, 'cart.add', { sku: buyer.sku, quantity: 1 }));
        const key = randomBytes(18).toString('base64url');
        const input = {
          idempotencyKey: key,
          addressId: buyer.addressId,
          shippingMethodCode: 'TEST-GROUND',
          paymentMethod: 'on_account',
        };
        const { answer, retried } = await call(useB, (url) => mutate(client, url, cookie, 'checkout.submit', input));
        const number = answer.status === 200 ? (answer.data as { number?: string }).number : undefined;
        submits.push({ key, buyer, status: answer.status, number, retried });
        if (bAlive && submits.length >= total * 0.4) {
          bAlive = false;
          killGroup(b, 'SIGKILL');
          log(`SIGKILL to instance B after ${submits.length} of ${total} submits`);
        }
      }
    }),
  );
  const answered = submits.filter((submit) => submit.status === 200);
  const keys = answered.map((submit) => submit.key);
  const [orders] = await db.execute<{ found: number; distinct: number; duplicated: number }>(sql`
    select count(*)::int as found, count(distinct idempotency_key)::int as distinct,
      (select count(*)::int from (select 1 from orders where idempotency_key in ${keysList(keys)} group by membership_id, idempotency_key having count(*) > 1) d) as duplicated
    from orders where idempotency_key in ${keysList(keys)}`);
  record(
    '(c) submits answered 200 / retried on A after the kill',
    `${answered.length} of ${total} / ${submits.filter((s) => s.retried).length}`,
    answered.length === total,
  );
  record(
    '(c) orders of those submits (found, duplicated)',
    `${orders?.found ?? 0}, ${orders?.duplicated ?? 0}`,
    orders?.found === answered.length && orders.duplicated === 0,
  );
  await dispatchAll(db, [a], startedAt, 30);
  const effects = await jobEffects(db, startedAt, startedAt);
  record(
    '(c) emails queued / delivered by the survivor / pending',
    `${effects.emailsQueued} / ${effects.emailsDelivered} / ${effects.emailsPending}`,
    effects.emailsQueued > 0 && effects.emailsDelivered === effects.emailsQueued && effects.emailsPending === 0,
  );
  record(
    '(c) duplicate emails, deliveries',
    `${effects.duplicateEmails}, ${effects.duplicateDeliveries}`,
    effects.duplicateEmails + effects.duplicateDeliveries === 0,
  );
}

const keysList = (keys: string[]) =>
  sql`(${sql.join(keys.length > 0 ? keys.map((key) => sql`${key}`) : [sql`''`], sql`, `)})`;

/** (d) SIGTERM to A's launcher while a submit waits on a lock the proof holds past the drain period. */
async function drainCheck(db: Database, a: Instance, buyer: Buyer) {
  const cookie = await signIn(client, a.url, buyer.email, DEFAULT_PASSWORD);
  await mutate(client, a.url, cookie, 'cart.add', { sku: buyer.sku, quantity: 1 });
  const input = {
    idempotencyKey: randomBytes(18).toString('base64url'),
    addressId: buyer.addressId,
    shippingMethodCode: 'TEST-GROUND',
    paymentMethod: 'on_account',
  };
  const probes: number[] = [];
  let sentAt = 0;
  const outcome = await db.transaction(async (tx) => {
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`${organizations.id} = ${buyer.organizationId}`)
      .for('update');
    const inFlight = mutate(client, a.url, cookie, 'checkout.submit', input);
    await sleep(500);
    sentAt = Date.now();
    a.child.kill('SIGTERM');
    // Hold the submit past the drain period: the instance must wait for it before exiting.
    while (Date.now() - sentAt < (DRAIN_SECONDS + 1.5) * 1000) {
      probes.push(await health(a.url));
      await sleep(200);
    }
    return { inFlight };
  });
  const answer = await outcome.inFlight;
  const code = await Promise.race([a.exited, sleep(40_000).then(() => 'timeout' as const)]);
  const seconds = ((Date.now() - sentAt) / 1000).toFixed(1);
  const draining = probes.filter((status) => status === 503).length;
  const firstDrain = probes.indexOf(503);
  const servedAfter = firstDrain < 0 ? 0 : probes.slice(firstDrain).filter((status) => status === 200).length;
  record(
    '(d) health during the drain: 503 / 200 after the first 503 / refused',
    `${draining} / ${servedAfter} / ${probes.filter((s) => s === 0).length}`,
    draining > 0 && servedAfter === 0,
  );
  record('(d) submit in flight at SIGTERM', `HTTP ${answer.status}`, answer.status === 200);
  record(
    '(d) launcher exit after SIGTERM',
    `code ${String(code)} after ${seconds} s (drain ${DRAIN_SECONDS} s)`,
    code === 0,
  );
}

async function main() {
  const started = Date.now();
  await mkdir('.data', { recursive: true });
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
    if (args.has('--skip-build')) throw new Error(`--skip-build, but there is no build in ${DIST_DIR}`);
    log(`Building into ${DIST_DIR} …`);
    await buildApp(
      { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      log,
    );
  }
  log(`Fresh embedded PostgreSQL in ${PG_DIR} (port ${PG_PORT}): migrating, seeding …`);
  const database = await prepareDatabase();
  const db = database.handle.db;
  const instances: Instance[] = [];
  try {
    const buyers = await makeBuyers(db, sizes.buyers + 1);
    const drainBuyer = buyers.pop() as Buyer;
    log('Starting instances A and B (npm start each) …');
    const [a, b] = await Promise.all([
      startInstance('a', database.url, PORTS[0]),
      startInstance('b', database.url, PORTS[1]),
    ]);
    instances.push(a, b);
    log(`A on ${a.url}, B on ${b.url}; logs in .data/proof-a.log, .data/proof-b.log`);
    await sessionCheck(a, b);
    await jobsCheck(db, a, b);
    await killCheck(db, a, b, buyers);
    await drainCheck(db, a, drainBuyer);
  } finally {
    for (const instance of instances) killGroup(instance, 'SIGKILL');
    await database.handle.close();
    await database.stopServer();
  }
  const width = Math.max(...rows.map((row) => row.check.length));
  console.log(
    `\nTwo instances on one PostgreSQL (${((Date.now() - started) / 1000).toFixed(0)} s${QUICK ? ', --quick' : ''})`,
  );
  for (const row of rows) console.log(`${row.ok ? 'ok  ' : 'FAIL'}  ${row.check.padEnd(width)}  ${row.figure}`);
  const failed = rows.filter((row) => !row.ok).length;
  console.log(failed === 0 ? `\nAll ${rows.length} checks passed.` : `\n${failed} of ${rows.length} checks failed.`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
