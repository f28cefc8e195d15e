import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Where a secret could sit in something logged: never printed, even if a caller passes it by
 * mistake. The first line of defence is not passing such values at all; this is the second.
 */
export const REDACTED_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'totpSecret',
  'code',
  'recoveryCode',
  'apiKey',
  'key',
  'sessionId',
  'cookie',
  'authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.totpSecret',
  '*.code',
  '*.recoveryCode',
  '*.apiKey',
  '*.key',
  '*.sessionId',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  'input',
  '*.input',
];

/** What every log line of a request carries (its id), without passing it down by hand. */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with `requestId` added to every line logged inside it. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run({ requestId }, work);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function level(): string {
  const wanted = process.env.LOG_LEVEL;
  if (wanted && (LEVELS as readonly string[]).includes(wanted)) return wanted;
  return process.env.NODE_ENV === 'test' ? 'silent' : 'info';
}

/** pino-pretty is a development dependency: used when present in development, never required otherwise. */
function prettyStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== 'development') return undefined;
  try {
    const load = createRequire(path.join(process.cwd(), 'package.json'));
    const pretty = load('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/**
 * Standard output, written in batches: a line per request written on its own cost a checkout
 * submit 4–5 % of its CPU in write calls (and woke whatever reads the logs each time). Lines go
 * out once 4 kB have gathered or half a second has passed, and all of them before the process
 * exits (pino flushes an asynchronous destination on exit); a process killed outright loses at
 * most that half second.
 */
function standardOutput(): DestinationStream {
  return pino.destination({ dest: 1, minLength: 4096, periodicFlush: 500 });
}

/** A logger writing JSON lines to `destination` (stdout by default). */
export function createLogger(options: { destination?: DestinationStream; level?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? level(),
      base: { service: process.env.OTEL_SERVICE_NAME ?? 'countersign' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination ?? prettyStream() ?? standardOutput(),
  );
}

const globalForLog = globalThis as unknown as { countersignLog?: Logger };

/** The server's logger: one per process (kept on globalThis across hot reloads in development). */
export function log(): Logger {
  globalForLog.countersignLog ??= createLogger();
  return globalForLog.countersignLog;
}

/** Tests: send the server's log lines to `destination` (at every level down to debug) from now on. */
export function captureLog(destination: DestinationStream): void {
  globalForLog.countersignLog = createLogger({ destination, level: 'debug' });
}

/** An error as a log field: its kind and message (and stack), never the objects it may hold. */
export function errorFields(error: unknown): { err: { type: string; message: string; stack?: string } } {
  if (error instanceof Error) return { err: { type: error.name, message: error.message, stack: error.stack } };
  return { err: { type: typeof error, message: String(error) } };
}
