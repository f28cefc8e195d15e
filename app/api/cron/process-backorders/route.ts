import { cronRoute } from '@/server/jobs/cron-route';

export const dynamic = 'force-dynamic';
export const GET = cronRoute('process-backorders');
export const POST = GET;
