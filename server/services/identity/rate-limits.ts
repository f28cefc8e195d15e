import { inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rateLimitBuckets } from '@/db/schema';
import { rateLimitVerdict, type RateLimitRule, type RateLimitVerdict } from '@/server/domain/auth/rate-limit';

export type LimitedKey = { key: string; rule: RateLimitRule };

/** The first refusal among the keys, or allowed. Reading does not count as an attempt. */
export async function checkRateLimits(db: Executor, keys: LimitedKey[], now: Date): Promise<RateLimitVerdict> {
  const buckets = await db
    .select()
    .from(rateLimitBuckets)
    .where(
      inArray(
        rateLimitBuckets.key,
        keys.map((k) => k.key),
      ),
    );
  for (const { key, rule } of keys) {
    const verdict = rateLimitVerdict(
      buckets.find((bucket) => bucket.key === key),
      rule,
      now,
    );
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

/** Counts one event against each key; a window that has passed starts again at one. */
export async function countRateLimitedEvent(db: Executor, keys: LimitedKey[], now: Date): Promise<void> {
  for (const { key, rule } of keys) {
    // Dates only through column-bound operators or `excluded`: raw Dates in sql`` do not reach postgres-js encoded.
    const windowPassed = lte(rateLimitBuckets.windowStartedAt, new Date(now.getTime() - rule.windowMs));
    await db
      .insert(rateLimitBuckets)
      .values({ key, windowStartedAt: now, count: 1 })
      .onConflictDoUpdate({
        target: rateLimitBuckets.key,
        set: {
          count: sql`case when ${windowPassed} then 1 else ${rateLimitBuckets.count} + 1 end`,
          windowStartedAt: sql`case when ${windowPassed} then excluded.window_started_at else ${rateLimitBuckets.windowStartedAt} end`,
        },
      });
  }
}

export async function clearRateLimit(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(inArray(rateLimitBuckets.key, [key]));
}
