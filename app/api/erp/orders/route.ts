import { getDb } from '@/db/client';
import { erpOrdersHandler } from '@/server/services/erp/feed/handler';

export const dynamic = 'force-dynamic';

/** The ERP order feed: approved orders and their later changes, for the seller's ERP (see the README). */
export const GET = erpOrdersHandler(getDb);
