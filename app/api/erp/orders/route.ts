import { getDb } from '@/db/client';
import { observedRoute } from '@/server/observability/request-log';
import { erpOrdersHandler } from '@/server/services/erp/feed/handler';

export const dynamic = 'force-dynamic';

/** The ERP order feed: approved orders and their later changes, for the seller's ERP (see the README). */
export const GET = observedRoute('/api/erp/orders', erpOrdersHandler(getDb));
