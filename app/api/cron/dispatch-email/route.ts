import { cronRoute } from '@/server/jobs/cron-route';

export const dynamic = 'force-dynamic';
export const GET = cronRoute('dispatch-email');
export const POST = GET;
