/** Command-line options of `npm run bench` (see bench/README.md). */
export type BenchOptions = {
  /** Drop the bench database and seed it again even if the data set is there. */
  reseed: boolean;
  /** Reuse the production build from an earlier run instead of building again. */
  skipBuild: boolean;
  /** Seed (or check the seed) and measure order history at the database only: no build, no HTTP load. */
  dbOnly: boolean;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /**
   * `hold`: outbox rows accumulate and the in-process dispatcher finds nothing due (what the
   * target is about). `deliver`: the app renders each email into the dev mailbox right after the
   * submit, as it would send it through Resend in production.
   */
  email: 'hold' | 'deliver';
  /** The app's DATABASE_POOL_SIZE (db/client.ts, default 10). */
  poolSize: number;
  /** Profile the app's CPU per phase (node --cpu-prof, one app per phase; slows it somewhat). */
  cpuProfile: boolean;
};

const HELP = `Usage: npm run bench -- [options]
  --reseed              drop the bench database and seed the data set again
  --skip-build          reuse the previous production build (.data/next-bench)
  --db-only             only seed and measure order history at the database
  --connections=N       concurrent connections (default 50)
  --warmup=S            warm-up seconds per phase (default 10)
  --duration=S          measured seconds per phase (default 20)
  --email=hold|deliver  hold queued emails (default) or let the app render them into the dev mailbox
  --pool=N              the app's DATABASE_POOL_SIZE (default 10, the app's default)
  --cpu-profile         profile the app's CPU per phase and show where it goes (slows the app somewhat)
Environment: BENCH_DATABASE_URL uses that database instead of the embedded PostgreSQL in .data/bench-postgres.`;

function numberOption(value: string, name: string, min: number): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) throw new Error(`--${name} needs a number ≥ ${min}`);
  return parsed;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    reseed: false,
    skipBuild: false,
    dbOnly: false,
    connections: 50,
    // Long enough for V8 to have compiled the hot paths: after 3 s the submit phase still spent a
    // fifth of the app's CPU in the JIT compiler's and garbage collector's threads (perf, 2026-12-06),
    // so a 3 s warm-up measured a process still warming up rather than a running server.
    warmupSeconds: 10,
    durationSeconds: 20,
    email: 'hold',
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    cpuProfile: false,
  };
  for (const arg of argv) {
    const [name, value = ''] = arg.replace(/^--/, '').split('=', 2) as [string, string?];
    switch (name) {
      case 'reseed':
        options.reseed = true;
        break;
      case 'skip-build':
        options.skipBuild = true;
        break;
      case 'db-only':
        options.dbOnly = true;
        break;
      case 'cpu-profile':
        options.cpuProfile = true;
        break;
      case 'connections':
        options.connections = numberOption(value, name, 1);
        break;
      case 'warmup':
        options.warmupSeconds = numberOption(value, name, 0);
        break;
      case 'duration':
        options.durationSeconds = numberOption(value, name, 1);
        break;
      case 'pool':
        options.poolSize = numberOption(value, name, 1);
        break;
      case 'email':
        if (value !== 'hold' && value !== 'deliver') throw new Error('--email is hold or deliver');
        options.email = value;
        break;
      case 'help':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}\n${HELP}`);
    }
  }
  return options;
}
