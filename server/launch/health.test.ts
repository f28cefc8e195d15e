import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { setupTestDatabase } from '@/server/testing/database';

const database = setupTestDatabase();

beforeAll(() => {
  // The route reads through the app's pool, which DATABASE_URL names.
  process.env.DATABASE_URL = database.url;
});
afterEach(() => vi.restoreAllMocks());

describe('GET /api/health', () => {
  it('answers ok with the round trip, and clears the timeout of every answered probe', async () => {
    expect((await health()).status).toBe(200);
    // The route's own two-second timeouts, and the timers cleared while it runs.
    const timeouts: unknown[] = [];
    const cleared = new Set<unknown>();
    const setTimer = globalThis.setTimeout;
    const clearTimer = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = setTimer(...args);
      if (args[1] === 2000) timeouts.push(timer);
      return timer;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((timer) => {
      cleared.add(timer);
      clearTimer(timer);
    });
    for (let probe = 0; probe < 20; probe++) {
      const answer = await health();
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ status: 'ok', database: { roundTripMs: expect.any(Number) } });
    }
    expect(timeouts).toHaveLength(20);
    expect(timeouts.filter((timer) => !cleared.has(timer))).toHaveLength(0);
  });
});
