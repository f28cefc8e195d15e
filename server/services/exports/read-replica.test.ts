import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { connectDatabase, getReportDb, type DatabaseHandle } from '@/db/client';
import { userSessions } from '@/db/schema';
import { sql } from 'drizzle-orm';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { csvTable, exportRequest, insertOrders, testExportRoutes } from '@/server/testing/exports';
import { databaseUrl, TEMPLATE_DATABASE } from '@/server/testing/test-database-names';

/**
 * The report path against a real second database standing in for a streaming replica: a copy of
 * the primary taken at one moment (so it lags everything written after), read-only as a hot standby
 * is. With DATABASE_READ_URL pointing at it, getReportDb() reads there; exports and insights show
 * the replica's rows, and still check the session on the primary.
 */
const adminUrl = inject('adminDatabaseUrl');
const suffix = randomBytes(6).toString('hex');
const PRIMARY = `t_primary_${suffix}`;
const REPLICA = `t_replica_${suffix}`;
let admin: postgres.Sql;
let primary: DatabaseHandle;
let manager: Member;
let sessionId: string;
const savedReadUrl = process.env.DATABASE_READ_URL;

beforeAll(async () => {
  admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${PRIMARY}" template "${TEMPLATE_DATABASE}"`);
  primary = connectDatabase(databaseUrl(adminUrl, PRIMARY), { max: 3 });
  const organization = await createOrganization(primary.db, { name: `Replica Holdings ${suffix}` });
  manager = await createMember(primary.db, organization, ACCOUNT_MANAGER);
  sessionId = (await signIn(primary.db, manager.membership)).sessionId ?? '';
  await insertOrders(primary.db, manager, { count: 3, prefix: 'SHIPPED-' });

  // The replica as of now: a copy needs the primary free of connections for a moment.
  await primary.close();
  await admin.unsafe(`create database "${REPLICA}" template "${PRIMARY}"`);
  await admin.unsafe(`alter database "${REPLICA}" set default_transaction_read_only = on`);
  primary = connectDatabase(databaseUrl(adminUrl, PRIMARY), { max: 3 });
  // Written after the copy: the replica has not caught up with these yet.
  await insertOrders(primary.db, manager, { count: 2, prefix: 'LAGGING-' });

  process.env.DATABASE_READ_URL = databaseUrl(adminUrl, REPLICA);
});

afterAll(async () => {
  process.env.DATABASE_READ_URL = savedReadUrl;
  await primary.close();
  for (const name of [PRIMARY, REPLICA]) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe('with DATABASE_READ_URL set', () => {
  it('getReportDb() reads from the replica, which refuses writes as a standby does', async () => {
    const report = getReportDb();
    const [where] = await report.execute<{ database: string; readOnly: string }>(
      sql`select current_database() as database, current_setting('transaction_read_only') as "readOnly"`,
    );
    expect(where).toEqual({ database: REPLICA, readOnly: 'on' });
    await expect(report.delete(userSessions)).rejects.toMatchObject({ cause: { code: '25006' } }); // read_only_sql_transaction
  });

  it('exports read the replica: its rows, not those written since', async () => {
    const routes = testExportRoutes(() => primary.db, getReportDb);
    const response = await routes.GET(...exportRequest('orders', sessionId));
    expect(response.status).toBe(200);
    const { rows } = csvTable(await response.text());
    expect(rows.map((row) => row[0])).toEqual(['SHIPPED-1', 'SHIPPED-2', 'SHIPPED-3']);
  });

  it('insights read the replica too', async () => {
    const context = await signIn(primary.db, manager.membership);
    const insights = await createCaller({ ...context, reportDb: getReportDb() }).insights.organization({});
    expect(insights.topRequesters.map((row) => row.orders)).toEqual([3]);
  });

  it('the session is checked on the primary: signing out ends exports at once, whatever the replica lags', async () => {
    const routes = testExportRoutes(() => primary.db, getReportDb);
    await primary.db.delete(userSessions);
    const response = await routes.GET(...exportRequest('orders', sessionId));
    expect(response.status).toBe(401);
  });
});
