import { TRPCError } from '@trpc/server';
import { BuyerCharts } from '@/components/insights/buyer-charts';
import { InsightsFilters } from '@/components/insights/insights-filters';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { insightsFilterSchema, type InsightsFilterInput } from '@/server/schemas/insights';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Insights' };

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The buyer administrator's insights: filters from the address (checked with the procedure's own
 * schema), then the charts. A bad filter is explained above the charts, which fall back to the
 * defaults, instead of failing the page.
 */
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const parsed = insightsFilterSchema.safeParse({
    from: first(params.from),
    to: first(params.to),
    unitId: first(params.unitId),
  });
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const api = await serverCaller();
  const load = (input: InsightsFilterInput) => orRefusalPage(api.insights.organization(input));
  let data;
  try {
    data = await load(parsed.success ? parsed.data : {});
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    problems.push(error.message);
    data = await load({});
  }
  const wholeLabel = data.units.some((unit) => unit.isOrganization) ? 'Whole organization' : 'All my units';
  return (
    <>
      <h1>Insights</h1>
      <p className="lede">
        Spend, requesters and approvals of{' '}
        {data.filters.unitId
          ? 'the chosen unit and the units below it'
          : wholeLabel === 'Whole organization'
            ? 'the whole organization'
            : 'your unit and the units below it'}
        , counted in the organization&apos;s time zone ({data.timeZone}).
      </p>
      {problems.length > 0 && (
        <Alert tone="error">{problems.join(' ')} The charts show the default range and units instead.</Alert>
      )}
      <InsightsFilters
        from={data.filters.from}
        to={data.filters.to}
        unitId={data.filters.unitId}
        units={data.units}
        wholeLabel={wholeLabel}
      />
      <p className="lede" data-testid="insights-range">
        Orders and decisions from {data.filters.from} to {data.filters.to}; spend over the twelve months to{' '}
        {data.filters.to}.
      </p>
      <BuyerCharts data={data} />
    </>
  );
}
