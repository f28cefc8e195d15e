import { cronRoute } from '@/server/jobs/cron-route';

export const dynamic = 'force-dynamic';
export const GET = cronRoute('balance-payments');
export const POST = GET;
