import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { isDraining } from '@/server/launch/draining';

export const dynamic = 'force-dynamic';

/**
 * For load balancers: 200 with the database round trip when PostgreSQL answers, else 503; 503 also
 * while the instance drains before a shutdown, so the balancer stops sending it requests.
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: 'draining', database: null }, { status: 503 });
  const started = performance.now();
  let timeout: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => {
        timeout = setTimeout(() => reject(new Error('database timeout')), 2000);
      }),
    ]);
    return Response.json({ status: 'ok', database: { roundTripMs: Number((performance.now() - started).toFixed(2)) } });
  } catch {
    return Response.json({ status: 'unavailable', database: null }, { status: 503 });
  } finally {
    // A balancer probes often: an answered probe leaves no two-second timer behind.
    clearTimeout(timeout);
  }
}
