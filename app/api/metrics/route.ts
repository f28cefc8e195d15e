import { getDb } from '@/db/client';
import { serverEnv } from '@/server/env';
import { metricsHandler } from '@/server/observability/metrics-route';

export const dynamic = 'force-dynamic';

/** Prometheus metrics, behind `Authorization: Bearer $METRICS_TOKEN` (404 while no token is set). */
export const GET = metricsHandler({ token: () => serverEnv().METRICS_TOKEN, db: getDb });
