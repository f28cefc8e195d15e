import { ChartBoard, ChartFigure } from '@/components/charts/chart-figure';
import { count, plural, share } from '@/components/charts/format';
import { HorizontalBarChart } from '@/components/charts/horizontal-bar-chart';
import { BACKDROP_COLOR, seriesColor } from '@/components/charts/palette';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { periodLabel } from '@/server/domain/insights/calendar';
import { durationWords } from '@/server/domain/insights/percentiles';
import { formatMoney } from '@/server/domain/money';
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import type { StaffOverview } from '@/server/services/insights/staff';

const STATUS_SERIES = ORDER_STATUSES.map((status, i) => ({
  key: status,
  label: ORDER_STATUS_LABELS[status],
  color: seriesColor(i),
}));

function OrdersPerDay({ data }: { data: StaffOverview }) {
  const totals = data.ordersPerDay.map((day) => Object.values(day).reduce((sum, n) => sum + n, 0));
  const total = totals.reduce((sum, n) => sum + n, 0);
  const busiest = totals.reduce((best, n, i) => (n > (totals[best] ?? 0) ? i : best), 0);
  const used = STATUS_SERIES.filter((s) => data.ordersPerDay.some((day) => day[s.key] > 0));
  const series = used.length > 0 ? used : STATUS_SERIES.slice(0, 1);
  return (
    <ChartFigure
      id="orders-per-day"
      title="Orders per day by state"
      summary={
        total === 0
          ? `No orders in the last ${data.days.length} days.`
          : `${plural(total, 'order')} submitted in the last ${data.days.length} days, by the state they are in now; the busiest day was ${periodLabel(data.days[busiest] ?? '')} with ${count(totals[busiest] ?? 0)}.`
      }
      legend={series.map((s) => ({ label: s.label, color: s.color }))}
      table={{
        columns: ['Day', ...series.map((s) => s.label), 'Total'],
        rows: data.days.map((day, i) => [
          periodLabel(day),
          ...series.map((s) => count(data.ordersPerDay[i]?.[s.key] ?? 0)),
          count(totals[i] ?? 0),
        ]),
      }}
    >
      <StackedBarChart
        id="orders-per-day"
        categories={data.days}
        categoryLabel={periodLabel}
        series={series}
        values={data.ordersPerDay}
        formatValue={count}
        tickEvery={7}
      />
    </ChartFigure>
  );
}

function PaymentReview({ data }: { data: StaffOverview }) {
  const total = data.paymentReview.reduce((sum, b) => sum + b.count, 0);
  return (
    <ChartFigure
      id="payment-review"
      title="Payment-review backlog"
      summary={
        total === 0
          ? 'No order is waiting for payment review.'
          : `${plural(total, 'order')} waiting for payment review; ${count(data.paymentReview.at(-1)?.count ?? 0)} submitted more than 7 days ago.`
      }
      table={{
        columns: ['Waiting since submit', 'Orders'],
        rows: data.paymentReview.map((b) => [b.label, count(b.count)]),
      }}
    >
      <HorizontalBarChart
        id="payment-review"
        rows={data.paymentReview.map((b, i) => ({
          label: b.label,
          value: b.count,
          valueLabel: count(b.count),
          color: seriesColor([2, 0, 1, 5][i] ?? 0),
        }))}
      />
    </ChartFigure>
  );
}

function LeadTimes({ data }: { data: StaffOverview }) {
  const slowest = [...data.leadTimes].sort((a, b) => (b.median ?? 0) - (a.median ?? 0))[0];
  return (
    <ChartFigure
      id="lead-times"
      title="Release to shipment, per fulfillment center"
      summary={
        slowest
          ? `Packages shipped in the last ${data.days.length} days, from the order's release. Slowest median: ${slowest.center}, ${durationWords(slowest.median)} (90th percentile ${durationWords(slowest.p90)}, ${plural(slowest.packages, 'package')}).`
          : `No package shipped in the last ${data.days.length} days.`
      }
      legend={
        data.leadTimes.length > 0
          ? [
              { label: 'Median', color: seriesColor(0) },
              { label: '90th percentile', color: BACKDROP_COLOR },
            ]
          : []
      }
      table={{
        columns: ['Center', 'Packages', 'Median', '90th percentile'],
        rows: data.leadTimes.map((c) => [c.center, count(c.packages), durationWords(c.median), durationWords(c.p90)]),
      }}
    >
      <HorizontalBarChart
        id="lead-times"
        rows={data.leadTimes.map((c) => ({
          label: c.center,
          value: c.median ?? 0,
          backdrop: c.p90 ?? 0,
          valueLabel: `${durationWords(c.median)} · ${durationWords(c.p90)}`,
        }))}
      />
    </ChartFigure>
  );
}

function Failures({ data }: { data: StaffOverview }) {
  const captures = data.failures.reduce((sum, d) => sum + d.captures, 0);
  const emails = data.failures.reduce((sum, d) => sum + d.emails, 0);
  const series = [
    { key: 'captures', label: 'Failed card captures', color: seriesColor(5) },
    { key: 'emails', label: 'Failed emails', color: seriesColor(0) },
  ];
  return (
    <ChartFigure
      id="failures"
      title="Failed captures and emails"
      summary={`In the last ${data.days.length} days: ${plural(captures, 'failed card capture')} and ${plural(emails, 'email')} given up on.`}
      legend={series.map((s) => ({ label: s.label, color: s.color }))}
      table={{
        columns: ['Day', 'Failed card captures', 'Failed emails'],
        rows: data.days.map((day, i) => [
          periodLabel(day),
          count(data.failures[i]?.captures ?? 0),
          count(data.failures[i]?.emails ?? 0),
        ]),
      }}
    >
      <StackedBarChart
        id="failures"
        categories={data.days}
        categoryLabel={periodLabel}
        series={series}
        values={data.failures}
        formatValue={count}
        tickEvery={7}
      />
    </ChartFigure>
  );
}

function Credit({ data }: { data: StaffOverview }) {
  const [top] = data.credit;
  return (
    <ChartFigure
      id="credit"
      title="Credit used against the credit limit"
      summary={
        top
          ? `The ${plural(data.credit.length, 'organization')} using most of their credit limit. Highest: ${top.name}, ${formatMoney(top.usedMinor, top.currency)} of ${formatMoney(top.limitMinor, top.currency)} (${share(top.usedMinor, top.limitMinor)}).`
          : 'No organization has a customer account yet.'
      }
      legend={
        data.credit.length > 0
          ? [
              { label: 'Used', color: seriesColor(0) },
              { label: 'Credit limit', color: BACKDROP_COLOR },
            ]
          : []
      }
      table={{
        columns: ['Organization', 'Used', 'Credit limit', 'Share used'],
        rows: data.credit.map((c) => [
          c.name,
          formatMoney(c.usedMinor, c.currency),
          formatMoney(c.limitMinor, c.currency),
          share(c.usedMinor, c.limitMinor),
        ]),
      }}
    >
      {/* Shares, not amounts: organizations' limits differ by orders of magnitude (and currencies). */}
      <HorizontalBarChart
        id="credit"
        rows={data.credit.map((c) => ({
          label: c.name,
          value: c.limitMinor > 0 ? Math.min(1, c.usedMinor / c.limitMinor) : 0,
          backdrop: 1,
          valueLabel: share(c.usedMinor, c.limitMinor),
        }))}
      />
    </ChartFigure>
  );
}

/** The staff operations overview's charts. */
export function StaffCharts({ data }: { data: StaffOverview }) {
  return (
    <ChartBoard>
      <OrdersPerDay data={data} />
      <PaymentReview data={data} />
      <LeadTimes data={data} />
      <Failures data={data} />
      <Credit data={data} />
    </ChartBoard>
  );
}
