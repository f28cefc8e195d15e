import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { databaseUrl, TEMPLATE_DATABASE } from './test-database-names';

export type TestDatabase = { readonly db: Database; readonly url: string };

/**
 * Gives the calling test file a database of its own, copied from the migrated template before
 * its tests and dropped after them. Read `db` and `url` inside tests or hooks, not at import time.
 */
export function setupTestDatabase(): TestDatabase {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    await withAdmin(adminUrl, (admin) => createFromTemplate(admin, name));
    handle = connectDatabase(url, { max: 5 });
  });

  afterAll(async () => {
    await handle?.close();
    await withAdmin(adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
  });

  return {
    get db() {
      if (!handle) throw new Error('The test database is only ready inside tests and hooks.');
      return handle.db;
    },
    url,
  };
}

async function withAdmin<T>(adminUrl: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Two files copying the template at the same moment can see it "being accessed"; wait and retry. */
async function createFromTemplate(admin: postgres.Sql, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
      return;
    } catch (error) {
      const busy = error instanceof postgres.PostgresError && error.code === '55006';
      if (!busy || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
