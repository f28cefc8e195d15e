import { describe, expect, it } from 'vitest';
import { DISPLAY_STATUS_LABELS, DISPLAY_STATUSES, displayStatus, statusTone } from './display-status';

describe('order status words and tone', () => {
  it.each([
    ['pending_approval', 'Waiting for approval', 'warn'],
    ['payment_review', 'Payment under review', 'warn'],
    ['backordered', 'Backordered', 'warn'],
    ['payment_authorized', 'Confirmed', 'neutral'],
    ['partially_shipped', 'Partially shipped', 'neutral'],
    ['shipped', 'Shipped', 'good'],
    ['deposited', 'Paid', 'good'],
    ['declined', 'Declined', 'bad'],
    ['canceled', 'Canceled', 'bad'],
  ] as const)('%s reads “%s” (%s)', (status, label, tone) => {
    expect(DISPLAY_STATUS_LABELS[status]).toBe(label);
    expect(statusTone(status)).toBe(tone);
  });

  it('has words for every status, none of them a raw state name', () => {
    for (const status of DISPLAY_STATUSES) expect(DISPLAY_STATUS_LABELS[status]).not.toMatch(/_/);
  });

  it('says partially shipped only for a released order with shipped items', () => {
    expect(displayStatus('released', true)).toBe('partially_shipped');
    expect(displayStatus('released', false)).toBe('released');
    expect(displayStatus('shipped', true)).toBe('shipped');
  });
});
