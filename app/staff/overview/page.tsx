import { StaffCharts } from '@/components/insights/staff-charts';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Operations overview' };

/** Orders, payments, fulfillment and failures at a glance, for staff who see every order. */
export default async function OperationsOverviewPage() {
  const data = await orRefusalPage((await serverCaller()).staff.overview());
  return (
    <>
      <h1>Operations overview</h1>
      <p className="lede">
        The last {data.days.length} days across every organization, counted in days of {data.timeZone}.
      </p>
      <StaffCharts data={data} />
    </>
  );
}
