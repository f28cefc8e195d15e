import { describe, expect, it } from 'vitest';
import { effectiveQuoteStatus, quoteActionAllowed, QUOTE_STATUSES } from './status';

const now = new Date('2026-11-23T12:00:00Z');

describe('quotes', () => {
  it('expires a priced quote at its date, and nothing else', () => {
    expect(effectiveQuoteStatus('priced', new Date('2026-11-23T12:00:00Z'), now)).toBe('expired');
    expect(effectiveQuoteStatus('priced', new Date('2026-11-23T12:00:01Z'), now)).toBe('priced');
    expect(effectiveQuoteStatus('requested', new Date('2026-01-01T00:00:00Z'), now)).toBe('requested');
  });

  it.each(QUOTE_STATUSES)('allows ordering only a priced quote (%s)', (status) => {
    const result = quoteActionAllowed('order', status);
    expect(result.ok).toBe(status === 'priced');
    if (!result.ok) expect(result.message).toMatch(/^You cannot order a quote that is /);
  });

  it('lets the representative price again until it is ordered, and the buyer withdraw it until then', () => {
    expect(quoteActionAllowed('price', 'priced').ok).toBe(true);
    expect(quoteActionAllowed('price', 'ordered').ok).toBe(false);
    expect(quoteActionAllowed('withdraw', 'requested').ok).toBe(true);
    expect(quoteActionAllowed('withdraw', 'expired').ok).toBe(false);
  });
});
