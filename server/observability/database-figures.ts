import type { Database } from '@/db/client';
import {
  readOperationalFigures as readFigures,
  type OperationalFigures as DatabaseFigures,
} from '@/db/queries/operations';
import { metrics } from './metrics';
import { poolLoad } from './database';

const CACHE_MS = 5_000;
const globalForFigures = globalThis as unknown as {
  countersignFigures?: { at: number; figures: Promise<DatabaseFigures> };
};

/**
 * Brings the scrape-time gauges up to date: the pool load from the client wrapper, and the
 * database's figures, read at most every 5 s per process however often Prometheus (or several of
 * them) scrape.
 */
export async function refreshGauges(db: Database, nowMs: number = Date.now()): Promise<void> {
  const recorded = metrics();
  const load = poolLoad();
  recorded.databaseInUse.set(load.inUse);
  recorded.databaseWaiting.set(load.waiting);
  let cached = globalForFigures.countersignFigures;
  if (!cached || nowMs - cached.at >= CACHE_MS) {
    cached = { at: nowMs, figures: readFigures(db) };
    globalForFigures.countersignFigures = cached;
    // A failed read is not kept: the next scrape tries again.
    cached.figures.catch(() => {
      if (globalForFigures.countersignFigures === cached) globalForFigures.countersignFigures = undefined;
    });
  }
  const figures = await cached.figures;
  recorded.outboxBacklog.set({ channel: 'email' }, figures.emailBacklog);
  recorded.outboxBacklog.set({ channel: 'push' }, figures.pushBacklog);
  recorded.outboxOldestAge.set({ channel: 'email' }, figures.emailOldestAgeSeconds);
  recorded.outboxOldestAge.set({ channel: 'push' }, figures.pushOldestAgeSeconds);
  recorded.pendingApprovalSteps.set(figures.pendingApprovalSteps);
}

/** Tests: forget the cached figures. */
export function forgetFigures(): void {
  globalForFigures.countersignFigures = undefined;
}
