/** A fixed-window counter: at most `max` events per `windowMs`, counted from the first event. */
export type RateLimitRule = { max: number; windowMs: number };

export type RateLimitBucket = { windowStartedAt: Date; count: number };

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export function rateLimitVerdict(
  bucket: RateLimitBucket | undefined,
  rule: RateLimitRule,
  now: Date,
): RateLimitVerdict {
  if (!bucket) return { allowed: true };
  const windowEndsAt = bucket.windowStartedAt.getTime() + rule.windowMs;
  if (now.getTime() >= windowEndsAt) return { allowed: true };
  if (bucket.count < rule.max) return { allowed: true };
  return { allowed: false, retryAfterMs: windowEndsAt - now.getTime() };
}

/** Failed sign-ins per account and per client address. */
export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export function describeRetryAfter(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
