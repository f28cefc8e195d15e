import type { SessionPolicy } from '@/server/domain/auth/session-policy';
import { z } from 'zod';

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_URL: z.url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: minutes(60),
  SESSION_MAX_HOURS: minutes(12),
  /** "Keep me signed in on this device": such a session ends this long after sign-in, and after this long unused. */
  TRUSTED_SESSION_MAX_DAYS: z.coerce.number().int().positive().max(400).default(30),
  TRUSTED_SESSION_IDLE_DAYS: z.coerce.number().int().positive().max(400).default(7),
  REVERIFY_AFTER_DAYS: minutes(90),
  CRON_SECRET: z.string().min(16).optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().default('Countersign <no-reply@countersign.local>'),
  DEV_MAILBOX: z.enum(['on', 'off']).optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Keep idle HTTP connections open this long: longer than any load balancer's idle timeout (often 60 s). */
  KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
  /** On SIGTERM, answer /api/health with 503 this long (serving as usual) before closing; see server/launch/draining.ts. */
  DRAIN_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** How long a dispatcher owns the emails it claimed; after that another instance may send them. */
  EMAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** Remind an authorizer of orders waiting for them longer than this, at most once per this interval. */
  AUTHORIZATION_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Offer a step to the organization's account managers once it has waited this many days. */
  AUTHORIZATION_ESCALATION_DAYS: z.coerce.number().int().positive().max(365).default(3),
  /** Web Push (VAPID) keys, base64url as `web-push generate-vapid-keys` prints them; without both, pushes are off. */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'a base64url P-256 public key (65 bytes)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url P-256 private key (32 bytes)')
    .optional(),
  /** Whom push services may contact about our pushes: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'a mailto: or https: URL')
    .optional(),
  /** Tests and e2e only: accept push endpoints on local and private hosts, over http too. */
  PUSH_ALLOW_LOCAL_ENDPOINTS: z.enum(['true', 'false']).default('false'),
  /** Bearer token Prometheus sends to /api/metrics; without it the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where traces go over OTLP/HTTP (e.g. http://collector:4318); without it nothing is traced. Read by instrumentation.ts. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('countersign'),
  /** pino's level; default info (silent under tests). Read by server/observability/log.ts. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** `always`: every staff member needs a second factor (the default in production); `setting`: as seller administrators choose. */
  STAFF_SECOND_FACTOR: z.enum(['always', 'setting']).optional(),
  /** Encrypts the authenticator-app secrets at rest; derived from AUTH_SECRET when unset. */
  SECOND_FACTOR_KEY: z.string().min(32).optional(),
});

export type ServerEnv = z.infer<typeof envSchema> & { AUTH_SECRET: string; devMailboxEnabled: boolean };

let cached: ServerEnv | undefined;

/** Server configuration, validated once. The README lists every variable. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.parse(process.env);
  const production = parsed.NODE_ENV === 'production';
  const devMailboxEnabled = parsed.DEV_MAILBOX ? parsed.DEV_MAILBOX === 'on' : !production;
  if (production && !parsed.RESEND_API_KEY && !devMailboxEnabled) {
    throw new Error('RESEND_API_KEY is required in production (or DEV_MAILBOX=on for a local production build).');
  }
  if (production && !parsed.AUTH_SECRET) throw new Error('AUTH_SECRET is required in production.');
  if (Boolean(parsed.VAPID_PUBLIC_KEY) !== Boolean(parsed.VAPID_PRIVATE_KEY)) {
    throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY for push notifications, or neither.');
  }
  cached = {
    ...parsed,
    // Development only: a fixed secret so that sessions survive restarts of `npm run dev`.
    AUTH_SECRET: parsed.AUTH_SECRET ?? 'countersign-development-secret-not-for-production',
    devMailboxEnabled,
  };
  return cached;
}

/** The lifetimes of standard and trusted-device sessions, from the environment. */
export function sessionTimeouts(): SessionPolicy {
  const env = serverEnv();
  const day = 24 * 3600_000;
  return {
    standard: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_MAX_HOURS * 3600_000 },
    trusted: { idleMs: env.TRUSTED_SESSION_IDLE_DAYS * day, absoluteMs: env.TRUSTED_SESSION_MAX_DAYS * day },
  };
}

/** The WebAuthn relying party: its id is APP_URL's host name, and answers must come from APP_URL's origin. */
export function relyingParty(): { id: string; origin: string; name: string } {
  const url = new URL(serverEnv().APP_URL);
  return { id: url.hostname, origin: url.origin, name: 'Countersign' };
}

/** Whether every seller staff member must use a second factor whatever the staff setting says. */
export function staffSecondFactorAlways(): boolean {
  const env = serverEnv();
  return env.STAFF_SECOND_FACTOR ? env.STAFF_SECOND_FACTOR === 'always' : env.NODE_ENV === 'production';
}

export function appUrl(pathname: string): string {
  return new URL(pathname, serverEnv().APP_URL).toString();
}
