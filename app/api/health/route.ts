import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 with the database round trip when PostgreSQL answers, else 503. */
export async function GET() {
  const started = performance.now();
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
    ]);
    return Response.json({ status: 'ok', database: { roundTripMs: Number((performance.now() - started).toFixed(2)) } });
  } catch {
    return Response.json({ status: 'unavailable', database: null }, { status: 503 });
  }
}
