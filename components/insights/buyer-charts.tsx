import { ChartBoard, ChartFigure } from '@/components/charts/chart-figure';
import { compactMoney, count, plural } from '@/components/charts/format';
import { HorizontalBarChart } from '@/components/charts/horizontal-bar-chart';
import { BACKDROP_COLOR, LIMIT_COLOR, seriesColor } from '@/components/charts/palette';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import type { BuyerInsights } from '@/server/services/insights/buyer';
import { periodLabel } from '@/server/domain/insights/calendar';
import type { DecisionSpread } from '@/server/domain/insights/decisions';
import { durationWords } from '@/server/domain/insights/percentiles';
import { formatMoney } from '@/server/domain/money';

const OUTCOME_COLORS: Record<string, string> = {
  not_needed: seriesColor(8),
  approved: seriesColor(2),
  waiting: seriesColor(1),
  declined: seriesColor(5),
  canceled: seriesColor(3),
};

function SpendChart({ data }: { data: BuyerInsights }) {
  const { spend, currency } = data;
  const money = (minor: number) => formatMoney(minor, currency);
  const series = spend.series.map((s, i) => ({ key: s.key, label: s.label, color: seriesColor(i) }));
  const total = spend.monthTotals.reduce((sum, v) => sum + v, 0);
  const peak = spend.monthTotals.reduce((best, v, i) => (v > (spend.monthTotals[best] ?? 0) ? i : best), 0);
  const first = periodLabel(spend.months[0] ?? '');
  const last = periodLabel(spend.months.at(-1) ?? '');
  const over = spend.monthTotals.filter((v) => spend.monthlyLimitMinor > 0 && v > spend.monthlyLimitMinor).length;
  const summary =
    total === 0
      ? `No spend from ${first} to ${last}.`
      : `${money(total)} spent from ${first} to ${last} by ${plural(series.length, 'unit')}; the most in ${periodLabel(spend.months[peak] ?? '')} (${money(spend.monthTotals[peak] ?? 0)}). ` +
        (spend.monthlyLimitMinor > 0
          ? `The units' monthly limits add up to ${money(spend.monthlyLimitMinor)} (the dashed line); ${plural(over, 'month')} went over.`
          : 'No one in these units has a monthly spending limit.');
  return (
    <ChartFigure
      id="spend"
      title="Spend per month by unit"
      summary={summary}
      legend={[
        ...series.map((s) => ({ label: s.label, color: s.color })),
        ...(spend.monthlyLimitMinor > 0
          ? [{ label: 'Sum of monthly limits', color: LIMIT_COLOR, kind: 'limit' as const }]
          : []),
      ]}
      table={{
        columns: ['Month', ...series.map((s) => s.label), 'Total', 'Sum of monthly limits'],
        rows: spend.months.map((month, i) => [
          periodLabel(month),
          ...series.map((s) => money(spend.values[i]?.[s.key] ?? 0)),
          money(spend.monthTotals[i] ?? 0),
          money(spend.monthlyLimitMinor),
        ]),
      }}
    >
      <StackedBarChart
        id="spend"
        categories={spend.months}
        categoryLabel={(month) => periodLabel(month).slice(0, 3)}
        series={series}
        values={spend.values}
        formatValue={(v) => compactMoney(v, currency)}
        level={spend.monthlyLimitMinor}
      />
    </ChartFigure>
  );
}

function TopRequesters({ data }: { data: BuyerInsights }) {
  const money = (minor: number) => formatMoney(minor, data.currency);
  const [top] = data.topRequesters;
  return (
    <ChartFigure
      id="requesters"
      title="Top requesters"
      summary={
        top
          ? `${top.name} spent the most: ${money(top.amountMinor)} in ${plural(top.orders, 'order')}. The ${plural(data.topRequesters.length, 'requester')} who spent most are shown.`
          : 'No orders were spent in this range.'
      }
      table={{
        columns: ['Requester', 'Orders', 'Spend'],
        rows: data.topRequesters.map((r) => [r.name, count(r.orders), money(r.amountMinor)]),
      }}
    >
      <HorizontalBarChart
        id="requesters"
        rows={data.topRequesters.map((r) => ({
          label: r.name,
          value: r.amountMinor,
          valueLabel: compactMoney(r.amountMinor, data.currency),
        }))}
      />
    </ChartFigure>
  );
}

function Outcomes({ data }: { data: BuyerInsights }) {
  const total = data.outcomes.reduce((sum, o) => sum + o.count, 0);
  return (
    <ChartFigure
      id="outcomes"
      title="Orders by approval outcome"
      summary={
        total === 0
          ? 'No orders were placed in this range.'
          : `${plural(total, 'order')} placed: ${data.outcomes.map((o) => `${count(o.count)} ${o.label.toLowerCase()}`).join(', ')}.`
      }
      table={{ columns: ['Outcome', 'Orders'], rows: data.outcomes.map((o) => [o.label, count(o.count)]) }}
    >
      <HorizontalBarChart
        id="outcomes"
        rows={data.outcomes.map((o) => ({
          label: o.label,
          value: o.count,
          valueLabel: count(o.count),
          color: OUTCOME_COLORS[o.key],
        }))}
      />
    </ChartFigure>
  );
}

function Waiting({ data }: { data: BuyerInsights }) {
  const total = data.waiting.reduce((sum, b) => sum + b.count, 0);
  const oldest = data.waiting.at(-1)?.count ?? 0;
  return (
    <ChartFigure
      id="waiting"
      title="Approval steps waiting, by age"
      summary={
        total === 0
          ? 'No approval step is waiting.'
          : `${plural(total, 'approval step')} waiting for a decision now; ${count(oldest)} for more than 7 days.`
      }
      table={{ columns: ['Waiting', 'Steps'], rows: data.waiting.map((b) => [b.label, count(b.count)]) }}
    >
      <HorizontalBarChart
        id="waiting"
        rows={data.waiting.map((b, i) => ({
          label: b.label,
          value: b.count,
          valueLabel: count(b.count),
          color: seriesColor([2, 0, 1, 5][i] ?? 0),
        }))}
      />
    </ChartFigure>
  );
}

function DecisionTimes({ id, title, who, rows }: { id: string; title: string; who: string; rows: DecisionSpread[] }) {
  const [slowest] = rows;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={
        slowest
          ? `Time from a step's turn to its decision. Slowest median: ${slowest.label}, ${durationWords(slowest.median)} (90th percentile ${durationWords(slowest.p90)}, ${plural(slowest.count, 'decision')}).`
          : 'No decisions were taken in this range.'
      }
      legend={
        rows.length > 0
          ? [
              { label: 'Median', color: seriesColor(0) },
              { label: '90th percentile', color: BACKDROP_COLOR },
            ]
          : []
      }
      table={{
        columns: [who, 'Decisions', 'Median', '90th percentile'],
        rows: rows.map((r) => [r.label, count(r.count), durationWords(r.median), durationWords(r.p90)]),
      }}
    >
      <HorizontalBarChart
        id={id}
        rows={rows.map((r) => ({
          label: r.label,
          value: r.median ?? 0,
          backdrop: r.p90 ?? 0,
          valueLabel: `${durationWords(r.median)} · ${durationWords(r.p90)}`,
        }))}
      />
    </ChartFigure>
  );
}

function Declines({ data }: { data: BuyerInsights }) {
  return (
    <section aria-labelledby="declines-title" data-testid="declines">
      <h2 id="declines-title">Latest declines and their feedback</h2>
      <DataTable
        caption="Latest declines and their feedback"
        rows={data.declines}
        rowKey={(row) => `${row.number}-${row.decidedAt.toISOString()}`}
        empty="No order was declined in this range."
        columns={[
          { header: 'Order', cell: (row) => row.number },
          { header: 'Declined', cell: (row) => <LocalTime at={row.decidedAt} /> },
          { header: 'By', cell: (row) => row.decidedBy ?? '—' },
          { header: 'Requester', cell: (row) => row.requester },
          { header: 'Feedback', cell: (row) => row.feedback || 'No feedback given.' },
        ]}
      />
    </section>
  );
}

/** The buyer administrator's charts, in the order the issue lists them. */
export function BuyerCharts({ data }: { data: BuyerInsights }) {
  return (
    <ChartBoard>
      <SpendChart data={data} />
      <TopRequesters data={data} />
      <Outcomes data={data} />
      <Waiting data={data} />
      <DecisionTimes
        id="authorizers"
        title="Time to decision per authorizer"
        who="Authorizer"
        rows={data.decisions.byAuthorizer}
      />
      <DecisionTimes id="rules" title="Time to decision per rule" who="Rule" rows={data.decisions.byRule} />
      <Declines data={data} />
    </ChartBoard>
  );
}
