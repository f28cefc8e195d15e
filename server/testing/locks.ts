import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';

const POLL_MS = 25;
const ATTEMPTS = 200;

async function waitingSessions(db: Database): Promise<number> {
  const [row] = await db.execute<{ waiting: number }>(
    sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return row?.waiting ?? 0;
}

/**
 * Resolves once `count` sessions of the test database are waiting for a lock; fails after about
 * five seconds. With `orSettled`, resolves `false` as soon as that promise settles instead (a
 * contender that finished without waiting), and `true` when the sessions were seen waiting.
 */
export async function lockWaiters(
  db: Database,
  count: number,
  options: { orSettled?: Promise<unknown> } = {},
): Promise<boolean> {
  let settled = false;
  void options.orSettled?.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if ((await waitingSessions(db)) >= count) return true;
    if (settled) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`fewer than ${count} sessions ended up waiting for a lock`);
}

/**
 * Proves that contenders overlap: a blocker transaction takes `lock` (the rows they race for),
 * starts every contender, waits until `waiting` sessions queue behind it, and only then commits.
 * Run one after the other, the first contender would wait for the blocker forever and the test
 * would fail; so a passing test saw them all in flight at once. Returns each contender's outcome.
 */
export async function raceBehindLock<T>(
  db: Database,
  lock: (blocker: Executor) => Promise<unknown>,
  contenders: readonly (() => Promise<T>)[],
  waiting: number = contenders.length,
): Promise<PromiseSettledResult<T>[]> {
  const { settled } = await db.transaction(async (blocker) => {
    await lock(blocker);
    const settled = Promise.allSettled(contenders.map((start) => start()));
    await lockWaiters(db, waiting);
    return { settled };
  });
  return settled;
}

/** The values of outcomes that must all have succeeded; rethrows the first failure. */
export function valuesOf<T>(outcomes: readonly PromiseSettledResult<T>[]): T[] {
  return outcomes.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}
