import { describe, expect, it } from 'vitest';
import { pushForEmail, sitePath } from './push-for-email';

const APP = 'http://localhost:3000';
const summary = { organizationName: 'Acme', totals: { total: '$6,750.00' }, lines: [{ name: 'Secret widget' }] };

describe('pushForEmail', () => {
  it('a step waiting for you: who asks, the number and the approval page, no amount', () => {
    const push = pushForEmail('approval-requested', {
      name: 'Ann',
      requesterName: 'Paula Requester',
      orderNumber: 'CS-100028',
      approvalUrl: `${APP}/authorizations/CS-100028`,
      stepLabel: 'Over $1,000.00',
      total: '$6,750.00',
      summary,
    });
    expect(push).toEqual({
      title: 'Approval needed: CS-100028',
      body: 'Paula Requester asks you to approve CS-100028.',
      url: '/authorizations/CS-100028',
      orderNumber: 'CS-100028',
    });
    expect(JSON.stringify(push)).not.toMatch(/\$|6,750|widget|1,000/);
  });

  it('a step offered to a stand-in names whom they stand in for', () => {
    const push = pushForEmail('approval-requested', {
      requesterName: 'Paula',
      orderNumber: 'CS-1',
      approvalUrl: `${APP}/authorizations/CS-1`,
      onBehalfOf: 'Dana',
    });
    expect(push?.body).toBe('Paula asks you to approve CS-1, standing in for Dana.');
  });

  it('an escalation says the order waited too long', () => {
    const push = pushForEmail('approval-requested', {
      requesterName: 'Paula',
      orderNumber: 'CS-2',
      approvalUrl: `${APP}/authorizations/CS-2`,
      reason: 'overdue',
    });
    expect(push).toMatchObject({ title: 'CS-2 has waited too long', url: '/authorizations/CS-2' });
  });

  it.each([
    [true, 'CS-3 is approved', 'Dana approved your order CS-3.'],
    [false, 'CS-3 was declined', 'Dana declined your order CS-3.'],
  ])('the requester’s outcome (approved: %s) opens their order', (approved, title, body) => {
    const push = pushForEmail('approval-decided', {
      orderNumber: 'CS-3',
      orderUrl: `${APP}/orders/CS-3`,
      approved,
      decidedBy: 'Dana',
      feedback: 'Too many chairs',
      summary,
    });
    expect(push).toEqual({ title, body, url: '/orders/CS-3', orderNumber: 'CS-3' });
  });

  it('a reminder of one order opens it; of several, the inbox', () => {
    const inboxUrl = `${APP}/authorizations`;
    const one = { number: 'CS-4', requesterName: 'P', waitingHours: 30, escalated: false };
    expect(pushForEmail('approval-reminder', { inboxUrl, total: 1, orders: [one] })).toEqual({
      title: 'Orders waiting for you',
      body: 'CS-4 is still waiting for your approval.',
      url: '/authorizations/CS-4',
      orderNumber: 'CS-4',
    });
    expect(pushForEmail('approval-reminder', { inboxUrl, total: 1200, orders: [one, one] })).toEqual({
      title: 'Orders waiting for you',
      body: '1,200 orders are waiting for your approval.',
      url: '/authorizations',
      orderNumber: null,
    });
  });

  it.each([
    [
      'approval-question-asked',
      { orderNumber: 'CS-5', askedBy: 'Ann', orderUrl: `${APP}/orders/CS-5` },
      { title: 'A question about CS-5', body: 'Ann asks you about your order CS-5.', url: '/orders/CS-5' },
    ],
    [
      'approval-question-answered',
      { orderNumber: 'CS-5', answeredBy: 'Paula', approvalUrl: `${APP}/authorizations/CS-5` },
      { title: 'Answer about CS-5', body: 'Paula answered the question about CS-5.', url: '/authorizations/CS-5' },
    ],
    [
      'approval-handed-on',
      { orderNumber: 'CS-6', handedOnBy: 'Paula', approvalUrl: `${APP}/authorizations/CS-6` },
      {
        title: 'Approval handed to you: CS-6',
        body: 'Paula handed you the approval of CS-6.',
        url: '/authorizations/CS-6',
      },
    ],
  ])('%s', (kind, props, expected) => {
    expect(pushForEmail(kind, props)).toMatchObject(expected);
  });

  it.each(['password-reset', 'order-shipped', 'quote-answered', 'a-kind-added-later', 'toString', '__proto__'])(
    '%s is not pushed',
    (kind) => {
      expect(pushForEmail(kind, { orderNumber: 'CS-7', orderUrl: `${APP}/orders/CS-7` })).toBeNull();
    },
  );

  it('gives nothing when the props lack the number or the link', () => {
    expect(pushForEmail('approval-requested', { requesterName: 'P', approvalUrl: `${APP}/a` })).toBeNull();
    expect(pushForEmail('approval-requested', { requesterName: 'P', orderNumber: 'CS-8' })).toBeNull();
    expect(pushForEmail('approval-decided', { orderNumber: 'CS-8', orderUrl: `${APP}/orders/CS-8` })).toBeNull();
    expect(pushForEmail('approval-reminder', { inboxUrl: `${APP}/authorizations`, total: 0, orders: [] })).toBeNull();
  });

  it('shortens a long name rather than overflowing the notification', () => {
    const push = pushForEmail('approval-requested', {
      requesterName: 'P'.repeat(500),
      orderNumber: 'CS-9',
      approvalUrl: `${APP}/authorizations/CS-9`,
    });
    expect(push?.body.length).toBe(180);
    expect(push?.body.endsWith('…')).toBe(true);
  });
});

describe('sitePath', () => {
  it.each([
    [`${APP}/authorizations/CS-1?x=1#top`, '/authorizations/CS-1?x=1#top'],
    ['https://elsewhere.example/orders/CS-1', '/orders/CS-1'],
    ['/orders/CS-1', '/orders/CS-1'],
    ['//evil.example/x', '/x'],
    [null, null],
  ])('%s → %s', (link, path) => {
    expect(sitePath(link)).toBe(path);
  });
});
