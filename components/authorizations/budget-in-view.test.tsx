import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describeBudget } from '@/server/domain/approvals/budget';
import { BudgetInView } from './budget-in-view';

const input = {
  spentMinor: 120_000,
  orderMinor: 67_500,
  limits: [
    { limitMinor: 500_000, period: 'month' as const },
    { limitMinor: 50_000, period: 'order' as const },
  ],
  currency: 'USD',
  month: 'this month',
};

describe('the budget on the approval page', () => {
  it('draws a bar hidden from screen readers beside the same facts in words', () => {
    const html = renderToStaticMarkup(<BudgetInView budget={describeBudget(input, { prices: true })} />);
    expect(html).toContain('Spent $1,200.00 of $5,000.00 this month; this order adds $675.00 (37 %).');
    expect(html).toContain('This order is $675.00; the limit per order is $500.00 — $175.00 over.');
    // Two bars, each aria-hidden: spent up to 24 %, this order from there, the limit mark.
    const bars = [
      ...html.matchAll(/<span class="[^"]*bar[^"]*" aria-hidden="true">(.*?)<\/span><span class="[^"]*words/g),
    ];
    expect(bars).toHaveLength(2);
    expect(bars[0]?.[1]).toContain('width:24%');
    expect(bars[0]?.[1]).toContain('left:24%;width:13.5%');
    expect(bars[1]?.[1]).toContain('left:74.1%');
    expect(html).toMatch(/<li[^>]*data-over="true"[^>]*>.*\$175\.00 over/);
  });

  it('gives someone who may not see prices words only: no bar, no amount', () => {
    const html = renderToStaticMarkup(<BudgetInView budget={describeBudget(input, { prices: false })} />);
    expect(html).toContain('Within the monthly limit this month, with this order.');
    expect(html).toContain('Over the limit per order.');
    expect(html).not.toContain('aria-hidden');
    expect(html).not.toContain('$');
  });

  it('shows nothing for an order no longer waiting', () => {
    expect(renderToStaticMarkup(<BudgetInView budget={null} />)).toBe('');
  });
});
