import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const BENCH_APP_PORT = 3200;
export const BENCH_APP_URL = `http://127.0.0.1:${BENCH_APP_PORT}`;
/**
 * The production build of the bench, apart from the `.next` build that tests and e2e use. Inside
 * .data/ because tsconfig.json and the ESLint config already leave .data out; a dist dir at the
 * top level would be type-checked and linted with the sources.
 */
export const BENCH_DIST_DIR = '.data/next-bench';
/** A fixed secret of the bench app; the bench signs its session cookies with it. */
export const BENCH_AUTH_SECRET = 'countersign-bench-auth-secret-0123456789abcdef';
const NEXT_BIN = 'node_modules/next/dist/bin/next';

/** The app's environment: production, the bench database, no email provider, no scheduler. */
export function appEnvironment(databaseUrl: string, options: { poolSize: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    AUTH_SECRET: BENCH_AUTH_SECRET,
    APP_URL: BENCH_APP_URL,
    NEXTAUTH_URL: BENCH_APP_URL,
    CRON_SECRET: 'countersign-bench-cron-secret-0123456789',
    // Production refuses to start without an email provider unless the dev mailbox is on.
    DEV_MAILBOX: 'on',
    PORT: String(BENCH_APP_PORT),
  };
  delete env.RESEND_API_KEY;
  delete env.RUN_SCHEDULER;
  delete env.BENCH_DATABASE_URL;
  return env;
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
}

/**
 * `next build` into .data/next-bench. Next rewrites tsconfig.json (and next-env.d.ts) to include
 * the types of the dist dir it builds; both are put back as they were, so the bench never leaves
 * a change in files others work on.
 */
export async function buildApp(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const kept = new Map<string, string | null>();
  for (const file of ['tsconfig.json', 'next-env.d.ts'])
    kept.set(file, existsSync(file) ? await readFile(file, 'utf8') : null);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [NEXT_BIN, 'build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      pipeLines(child, (line) => line.trim() && log(`  next build │ ${line}`));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
    });
  } finally {
    for (const [file, content] of kept) {
      if (content !== null && (await readFile(file, 'utf8').catch(() => null)) !== content)
        await writeFile(file, content);
    }
  }
}

export function hasBuild(): boolean {
  return existsSync(path.join(BENCH_DIST_DIR, 'BUILD_ID'));
}

export type AppServer = { pid: number; stop: () => Promise<void> };

/** `next start` on 127.0.0.1:3200, its output in a log file; resolves once /api/health answers 200. */
export async function startApp(
  env: NodeJS.ProcessEnv,
  logFile: string,
  log: (line: string) => void,
  nodeArgs: string[] = [],
): Promise<AppServer> {
  const out = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [...nodeArgs, NEXT_BIN, 'start', '--port', String(BENCH_APP_PORT), '--hostname', '127.0.0.1'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  pipeLines(child, (line) => out.write(`${line}\n`));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    out.end();
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) break;
    const status = await fetch(`${BENCH_APP_URL}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) {
      log(`App (next start, pid ${child.pid}) answers on ${BENCH_APP_URL}; its log: ${logFile}`);
      return { pid: child.pid ?? 0, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the app did not answer /api/health within 90 s; see ${logFile}`);
}
