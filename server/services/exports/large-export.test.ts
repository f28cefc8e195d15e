import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { ACCOUNT_MANAGER, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { exportRequest, insertOrders, testExportRoutes } from '@/server/testing/exports';

const database = setupTestDatabase();
const routes = testExportRoutes(() => database.db);
const ROWS = 100_000;

// A full collection before each sample, so the heap shows what is held, not garbage not yet swept.
// Encoded chunks live outside the JavaScript heap, in array buffers: counted too.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapUsed = () => {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

let manager: Member;

beforeAll(async () => {
  const organization = await createOrganization(database.db);
  manager = await createMember(database.db, organization, ACCOUNT_MANAGER);
  await insertOrders(database.db, manager, { count: ROWS, prefix: 'CS-L', poNumber: 'PO-LARGE-EXPORT' });
}, 120_000);

describe('a 100,000-row export', () => {
  it('starts within a second and streams in constant memory', { timeout: 180_000 }, async () => {
    const session = (await signIn(database.db, manager.membership)).sessionId;
    let baseline = heapUsed();
    const started = performance.now();
    const response = await routes.GET(...exportRequest('orders', session));
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');

    let bytes = 0;
    let lineBreaks = 0;
    let firstBytesAfter = Number.NaN;
    let firstRowsAfter = Number.NaN;
    let peakGrowth = 0;
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (chunks === 0) firstBytesAfter = performance.now() - started;
      if (chunks === 1) firstRowsAfter = performance.now() - started;
      chunks += 1;
      // From the first page on: what the first query sets up once (a connection, its statement
      // cache) is not growth; anything kept per row or per page is.
      if (chunks === 2) baseline = heapUsed();
      // A slow reader (a phone on a bad network): the export must wait for it, not read ahead into memory.
      if (chunks === 3) await new Promise((resolve) => setTimeout(resolve, 3_000));
      bytes += value.byteLength;
      for (const byte of value) if (byte === 0x0a) lineBreaks += 1;
      // Every tenth page: what the export holds now beyond what the process held before it began.
      if (chunks % 10 === 3) peakGrowth = Math.max(peakGrowth, heapUsed() - baseline);
    }

    expect(lineBreaks).toBe(ROWS + 1); // the header and every order
    expect(firstBytesAfter).toBeLessThan(1_000);
    expect(firstRowsAfter).toBeLessThan(1_000);
    // The whole file is several megabytes; holding it (as text or bytes) would show here.
    expect(bytes).toBeGreaterThan(6_000_000);
    expect(peakGrowth).toBeLessThan(bytes / 4);
    console.info(
      `export of ${ROWS} rows: ${(bytes / 1e6).toFixed(1)} MB, first bytes after ${firstBytesAfter.toFixed(0)} ms, ` +
        `first rows after ${firstRowsAfter.toFixed(0)} ms, peak heap growth ${(peakGrowth / 1e6).toFixed(2)} MB`,
    );
  });
});
