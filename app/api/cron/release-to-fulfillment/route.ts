import { cronRoute } from '@/server/jobs/cron-route';

export const dynamic = 'force-dynamic';
export const GET = cronRoute('release-to-fulfillment');
export const POST = GET;
