import { cronRoute } from '@/server/jobs/cron-route';

export const dynamic = 'force-dynamic';
export const GET = cronRoute('dispatch-push');
export const POST = GET;
