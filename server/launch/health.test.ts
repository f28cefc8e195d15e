import { beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { setupTestDatabase } from '@/server/testing/database';

const database = setupTestDatabase();

beforeAll(() => {
  // The route reads through the app's pool, which DATABASE_URL names.
  process.env.DATABASE_URL = database.url;
});

const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('GET /api/health', () => {
  it('answers ok with the round trip, and an answered probe leaves no timer behind', async () => {
    expect((await health()).status).toBe(200);
    const before = pendingTimers();
    for (let probe = 0; probe < 20; probe++) {
      const answer = await health();
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ status: 'ok', database: { roundTripMs: expect.any(Number) } });
    }
    expect(pendingTimers()).toBe(before);
  });
});
