import { rm } from 'node:fs/promises';
import { connectDatabase, type DatabaseHandle } from '@/db/client';
import { ensureDatabase, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { syncPredefinedRoles } from '@/db/predefined-roles';
import { seedDemoOrders } from '@/server/launch/seed/demo-orders';
import { seedDemoPictures } from '@/server/launch/seed/demo-pictures';
import { demoLoginTable, isEmpty, seedDemoData } from '@/server/launch/seed/seed';

export type PreparedDatabase = { url: string; embedded: boolean; handle: DatabaseHandle; stop: () => Promise<void> };

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL with its data in EMBEDDED_PG_DIR
 * (default .data/postgres). Either way the schema is migrated and the predefined roles synced.
 */
export async function prepareDatabase(options: {
  fresh?: boolean;
  log: (line: string) => void;
}): Promise<PreparedDatabase> {
  let url = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (!url) {
    const dataDir = process.env.EMBEDDED_PG_DIR ?? '.data/postgres';
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    if (options.fresh) await rm(dataDir, { recursive: true, force: true });
    options.log(`Starting embedded PostgreSQL (data in ${dataDir}, port ${port}) …`);
    const server = await startEmbeddedPostgres({ dataDir, port, log: options.log });
    await ensureDatabase(server.url('postgres'), 'countersign');
    url = server.url('countersign');
    stopServer = server.stop;
  }
  await migrateDatabase(url);
  const handle = connectDatabase(url, { max: 4 });
  await syncPredefinedRoles(handle.db);
  return {
    url,
    embedded: !process.env.DATABASE_URL,
    handle,
    stop: async () => {
      await handle.close();
      await stopServer();
    },
  };
}

/** Seeds demo data into an empty database and prints the logins. */
export async function seedIfEmpty(prepared: PreparedDatabase, log: (line: string) => void): Promise<void> {
  if (await isEmpty(prepared.handle.db)) {
    log('Empty database: loading demo data …');
    await seedDemoData(prepared.handle.db);
    await seedDemoOrders(prepared.handle.db);
    log('Drawing the demo product pictures …');
    await seedDemoPictures(prepared.handle.db);
  }
  log(demoLoginTable());
}
