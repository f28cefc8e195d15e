import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { countByAge } from '@/server/domain/insights/ages';
import type { StaffOverview } from '@/server/services/insights/staff';
import { StaffCharts } from './staff-charts';

const days = ['2026-03-14', '2026-03-15'];
const empty = (status: Partial<Record<string, number>> = {}) =>
  ({
    pending_approval: 0,
    declined: 0,
    payment_review: 0,
    backordered: 0,
    payment_authorized: 0,
    released: 0,
    shipped: 0,
    deposited: 0,
    canceled: 0,
    ...status,
  }) as StaffOverview['ordersPerDay'][number];

const overview: StaffOverview = {
  timeZone: 'UTC',
  days,
  ordersPerDay: [empty({ shipped: 2 }), empty({ payment_review: 1 })],
  paymentReview: countByAge([{ hours: 3, count: 1 }]),
  leadTimes: [{ center: 'East', packages: 2, median: 21_600, p90: 33_120 }],
  failures: [
    { captures: 2, emails: 0 },
    { captures: 0, emails: 1 },
  ],
  credit: [{ id: 'o1', name: 'Northwind', currency: 'USD', limitMinor: 100_000, usedMinor: 30_000 }],
};

describe('the staff overview’s charts', () => {
  it('say in words what each chart shows, and keep the figures in tables', () => {
    const html = renderToStaticMarkup(<StaffCharts data={overview} />);
    expect(html).toContain('3 orders submitted in the last 2 days');
    expect(html).toContain('1 order waiting for payment review');
    expect(html).toContain('Slowest median: East, 6 h (90th percentile 9 h 12 min, 2 packages)');
    expect(html).toContain('2 failed card captures and 1 email given up on');
    expect(html).toContain('Highest: Northwind, $300.00 of $1,000.00 (30 %)');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html.match(/<summary>Show as table<\/summary>/g)).toHaveLength(5);
  });

  it('reads sensibly with nothing to show', () => {
    const html = renderToStaticMarkup(
      <StaffCharts
        data={{
          ...overview,
          ordersPerDay: [empty(), empty()],
          paymentReview: countByAge([]),
          leadTimes: [],
          failures: [
            { captures: 0, emails: 0 },
            { captures: 0, emails: 0 },
          ],
          credit: [],
        }}
      />,
    );
    expect(html).toContain('No orders in the last 2 days.');
    expect(html).toContain('No order is waiting for payment review.');
    expect(html).toContain('No package shipped in the last 2 days.');
    expect(html).toContain('No organization has a customer account yet.');
  });
});
