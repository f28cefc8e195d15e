import type { PaymentMethod } from '../organizations/status';
import type { PaymentStatus } from './payment';

/** How a state reads at a glance: done, needs someone's attention, stopped, or just on its way. */
export type StatusTone = 'good' | 'warn' | 'bad' | 'neutral';

export type StatusWords = { label: string; tone: StatusTone };

/** Who reads it: staff see a failed capture as such; a buyer only sees that the charge is under way. */
export type PaymentAudience = 'buyer' | 'staff';

// "Authorized" means a card hold; a bill-me order is not authorized anywhere, it goes on the account.
const WORDS: Record<PaymentMethod, Record<Exclude<PaymentStatus, 'pending' | 'review'>, StatusWords>> = {
  card: {
    authorized: { label: 'Card authorized', tone: 'neutral' },
    captured: { label: 'Paid by card', tone: 'good' },
    capture_failed: { label: 'Card charge failed, retrying', tone: 'bad' },
    voided: { label: 'Card hold released, nothing charged', tone: 'neutral' },
  },
  on_account: {
    authorized: { label: 'On account, to be invoiced', tone: 'neutral' },
    captured: { label: 'Invoiced (bill me)', tone: 'good' },
    capture_failed: { label: 'Invoicing failed, retrying', tone: 'bad' },
    voided: { label: 'Not invoiced (canceled)', tone: 'neutral' },
  },
  cod: {
    authorized: { label: 'To be paid on delivery', tone: 'neutral' },
    captured: { label: 'Paid on delivery', tone: 'good' },
    capture_failed: { label: 'Payment on delivery not recorded, retrying', tone: 'bad' },
    voided: { label: 'Nothing to pay (canceled)', tone: 'neutral' },
  },
};

/** An order's payment state in words that fit its method ("Invoiced (bill me)", "Paid by card"), with a tone. */
export function paymentWords(method: PaymentMethod, status: PaymentStatus, audience: PaymentAudience): StatusWords {
  if (status === 'pending') return { label: 'Waits for the order’s approval', tone: 'neutral' };
  if (status === 'review') return { label: 'Payment under review', tone: 'warn' };
  if (status === 'capture_failed' && audience === 'buyer') {
    return { label: method === 'card' ? 'Being charged to the card' : 'Being invoiced', tone: 'neutral' };
  }
  return WORDS[method][status];
}
