import net from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { connectDatabase } from './client';

const database = setupTestDatabase();

/** A port nothing listens on: one the system just gave and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the app's connections (openSocket)", () => {
  it('answer statements', async () => {
    const handle = connectDatabase(database.url, { max: 1 });
    try {
      const [row] = await handle.db.execute<{ n: number }>(sql`select 41 + 1 as n`);
      expect(row?.n).toBe(42);
    } finally {
      await handle.close();
    }
  });

  it('refuse every statement while the server cannot be reached, each time trying again, never hanging', async () => {
    const port = await closedPort();
    const handle = connectDatabase(`postgres://nobody:secret@127.0.0.1:${port}/nothing`, { max: 1 });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const failure = await handle.db.execute(sql`select 1`).then(
          () => null,
          (error: unknown) => error as Error & { cause?: Error },
        );
        expect(failure?.cause?.message ?? failure?.message).toMatch(/ECONNREFUSED/);
      }
    } finally {
      await handle.close();
    }
  });
});
