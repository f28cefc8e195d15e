import { describe, expect, it } from 'vitest';
import {
  isVisibleToFulfillment,
  ORDER_EVENTS,
  ORDER_STATUSES,
  orderTransition,
  type OrderEvent,
  type OrderStatus,
} from './state-machine';

/** Every allowed transition, written out by hand: the table test checks the machine against it. */
const ALLOWED: Record<OrderEvent, Partial<Record<OrderStatus, OrderStatus>>> = {
  decline: { pending_approval: 'declined' },
  resubmit: { declined: 'pending_approval' },
  cancel_decision: {
    declined: 'pending_approval',
    payment_review: 'pending_approval',
    backordered: 'pending_approval',
    payment_authorized: 'pending_approval',
  },
  needs_payment_review: { pending_approval: 'payment_review' },
  payment_approved: { payment_review: 'payment_authorized' },
  allocated: {
    pending_approval: 'payment_authorized',
    payment_review: 'payment_authorized',
    backordered: 'payment_authorized',
  },
  short_of_stock: { pending_approval: 'backordered', payment_review: 'backordered' },
  release: { payment_authorized: 'released' },
  ship_complete: { released: 'shipped' },
  deposit: { shipped: 'deposited' },
  cancel: {
    pending_approval: 'canceled',
    declined: 'canceled',
    payment_review: 'canceled',
    backordered: 'canceled',
    payment_authorized: 'canceled',
  },
};

describe('orderTransition', () => {
  for (const event of ORDER_EVENTS) {
    for (const status of ORDER_STATUSES) {
      const to = ALLOWED[event][status];
      it(`${event} from ${status}: ${to ? `→ ${to}` : 'refused'}`, () => {
        const result = orderTransition(status, event);
        if (to) expect(result).toEqual({ ok: true, to });
        else
          expect(result).toMatchObject({
            ok: false,
            message: expect.stringMatching(/^You cannot .+ an order that is .+\.$/),
          });
      });
    }
  }

  it('explains a refusal in words a buyer understands', () => {
    expect(orderTransition('released', 'cancel')).toEqual({
      ok: false,
      message: 'You cannot cancel an order that is released to fulfillment.',
    });
  });
});

it('keeps orders waiting for approval or declined out of fulfillment and the ERP feed', () => {
  expect(ORDER_STATUSES.filter((status) => !isVisibleToFulfillment(status))).toEqual(['pending_approval', 'declined']);
});
