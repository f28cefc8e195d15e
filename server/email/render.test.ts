import { describe, expect, it } from 'vitest';
import { renderEmail } from './render';
import { emailTemplates, type EmailKind, type EmailProps } from './templates';

const url = 'https://countersign.example/some/link?token=abc';

/** Realistic props for every kind; the type makes a new template fail here until it has some. */
const SAMPLES: { [K in EmailKind]: EmailProps<K> } = {
  'password-reset': { name: 'Ada', resetUrl: url, expiresInMinutes: 60 },
  'password-changed': { name: 'Ada', changedAt: '2026-11-23 10:42 UTC', signInUrl: url },
  'verify-email': { name: 'Ada', organizationName: 'Acme', verifyUrl: url, nextStep: 'Then we review it.' },
  'account-exists': { signInUrl: url, resetUrl: url, attempted: 'register an organization' },
  'registration-received': {
    organizationName: 'Acme',
    contactName: 'Ada',
    contactEmail: 'ada@acme.test',
    reviewUrl: url,
  },
  'representative-assigned': { name: 'Ravi', organizationName: 'Acme', setupUrl: url },
  'organization-approved': { name: 'Ada', organizationName: 'Acme', signInUrl: url },
  'organization-rejected': { name: 'Ada', organizationName: 'Acme', reason: 'Resellers only.' },
  'join-requested': { organizationName: 'Acme', requesterName: 'Bo', requesterEmail: 'bo@acme.test', reviewUrl: url },
  'join-decided': { name: 'Bo', organizationName: 'Acme', approved: true, signInUrl: url },
  'instant-account': { name: 'Tom', customerNames: ['Tailspin Toys', 'Wingtip Supplies'], completeUrl: url },
  'account-created': { name: 'Tom', organizationName: 'Acme', setPasswordUrl: url, createdBy: 'Sofia Seller' },
  'membership-added': { name: 'Tom', organizationName: 'Acme', addedBy: 'Alice Admin', signInUrl: url },
  reverify: { name: 'Ada', inactiveDays: 90, reverifyUrl: url },
  'order-received': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    statusLabel: 'Confirmed',
    nextStep: 'We ship it soon.',
    lines: [{ sku: 'PEN-1', name: 'Pen', quantity: 2 }],
    total: '$12.00',
    poNumber: 'PO-7',
  },
  'order-allocated': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    lines: [{ sku: 'PEN-1', name: 'Pen', quantity: 2 }],
  },
  'payment-reviewed': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    approved: false,
    reason: 'Card reported stolen.',
  },
  'order-backordered': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    shortLines: [{ sku: 'PEN-1', name: 'Pen', quantity: 2 }],
  },
  'order-shipped': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    carrier: 'UPS',
    trackingNumber: '1Z999',
    complete: true,
    lines: [{ sku: 'PEN-1', name: 'Pen', quantity: 2 }],
  },
  'approval-requested': {
    name: 'Carol',
    requesterName: 'Bo Buyer',
    orderNumber: 'CS-100001',
    approvalUrl: url,
    stepLabel: 'Purchasing',
    total: '$12,000.00',
    onBehalfOf: 'Dana',
    reason: 'overdue',
  },
  'approval-decided': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    approved: false,
    decidedBy: 'Carol',
    feedback: 'Split it by cost center.',
    nextStep: 'Edit and resubmit it, or cancel it.',
  },
  'approval-reminder': {
    name: 'Carol',
    inboxUrl: url,
    total: 1,
    orders: [{ number: 'CS-100001', requesterName: 'Bo', waitingHours: 30, escalated: true }],
  },
  'quote-requested': {
    name: 'Ravi',
    organizationName: 'Acme',
    requesterName: 'Bo Buyer',
    quoteNumber: 'Q-5001',
    lineCount: 3,
    quoteUrl: url,
  },
  'quote-answered': {
    name: 'Bo',
    quoteNumber: 'Q-5001',
    quoteUrl: url,
    priced: true,
    validUntil: '2026-12-23',
    total: '1,250.00 USD',
    note: 'Volume price.',
  },
  'order-canceled': {
    name: 'Bo',
    orderNumber: 'CS-100001',
    orderUrl: url,
    canceledBy: 'Bo Buyer',
    reason: 'Ordered twice.',
  },
};

describe('every email template', () => {
  it.each(Object.keys(emailTemplates) as EmailKind[])(
    '%s renders a subject, HTML and plain text carrying its content',
    async (kind) => {
      const email = await renderEmail(kind, SAMPLES[kind] as Record<string, unknown>);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toContain('<html');
      expect(email.text).toContain('Countersign');
      const link = Object.values(SAMPLES[kind]).find((value) => value === url);
      if (link) expect(email.html).toContain(url);
    },
  );

  it('refuses an unknown kind instead of sending an empty email', async () => {
    await expect(renderEmail('no-such-kind', {})).rejects.toThrow('Unknown email kind');
  });
});

describe('the approval reminder', () => {
  it('links each order it names and counts those it leaves out', async () => {
    const inboxUrl = 'https://countersign.example/authorizations';
    const email = await renderEmail('approval-reminder', {
      name: 'Carol',
      inboxUrl,
      total: 2_917,
      orders: [
        { number: 'NW-4511', requesterName: 'Bob', waitingHours: 80, escalated: false },
        { number: 'NW-4512', requesterName: 'Bob', waitingHours: 30, escalated: false },
      ],
    });
    expect(email.subject).toBe('2,917 orders are waiting for your approval');
    expect(email.html).toContain(`href="${inboxUrl}/NW-4511"`);
    expect(email.text).toContain('These are the 2 orders waiting longest for your decision:');
    expect(email.text).toContain('… and 2,915 more. Your authorizations list them all.');
  });
});
