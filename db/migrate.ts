import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { connectDatabase } from './client';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'db/migrations');

/** Applies drizzle-kit's committed migrations; safe to run on every start. */
export async function migrateDatabase(url: string): Promise<void> {
  const handle = connectDatabase(url, { max: 1 });
  try {
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.close();
  }
}
