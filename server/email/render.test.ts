import { describe, expect, it } from 'vitest';
import { renderEmail } from './render';
import { emailTemplates, type EmailKind, type EmailProps } from './templates';
import type { OrderSummary } from './templates/order-summary';

/** Each link prop gets its own address, so "each link once" can be counted per link. */
const link = (name: string) =>
  `https://countersign.example/${name}/a-rather-long-path?token=0123456789abcdef0123456789abcdef`;

const SENDER = {
  storeName: 'Countersign',
  logoUrl: 'https://countersign.example/brand/email-logo.png',
  seller: { name: 'Countersign Supply Co.', address: '400 SW Market Street, Portland, OR 97201, United States' },
};

const SUMMARY: OrderSummary = {
  orderNumber: 'CS-100001',
  organizationName: 'Acme Corp',
  requesterName: 'Bo Buyer',
  submittedAt: 'Nov 23, 2026, 9:42 AM EST',
  poNumber: 'PO-7',
  shipTo: ['Receiving', '200 Harbor Way', 'Seattle, WA 98101', 'United States of America'],
  shippingMethod: 'Ground',
  lines: [
    { name: 'Pen', sku: 'PEN-1', quantity: 2, unit: 'box', amount: '$12.00', thumbnailUrl: link('pictures') },
    { name: 'Paper', sku: 'PAP-1', quantity: 1, unit: 'ream', amount: '$5.00' },
  ],
  moreLines: 0,
  totals: { subtotal: '$17.00', shipping: '$15.00', total: '$32.00' },
  steps: [
    { label: 'Purchasing', outcome: 'approved', by: 'Carol', at: 'Nov 23, 2026, 10:00 AM EST', feedback: 'Fine.' },
    { label: 'Finance', outcome: 'pending' },
  ],
};

const orderBase = { name: 'Bo', orderNumber: 'CS-100001', orderUrl: link('order'), summary: SUMMARY };
const lines = [{ sku: 'PEN-1', name: 'Pen', quantity: 2 }];

/** Realistic props for every kind; the type makes a new template fail here until it has some. */
const SAMPLES: { [K in EmailKind]: EmailProps<K> } = {
  'password-reset': { name: 'Ada', resetUrl: link('reset'), expiresInMinutes: 60 },
  'password-changed': { name: 'Ada', changedAt: 'Nov 23, 2026, 5:42 AM EST', signInUrl: link('sign-in') },
  'verify-email': { name: 'Ada', organizationName: 'Acme', verifyUrl: link('verify'), nextStep: 'Then we review it.' },
  'account-exists': { signInUrl: link('sign-in'), resetUrl: link('reset'), attempted: 'register an organization' },
  'registration-received': {
    organizationName: 'Acme',
    contactName: 'Ada',
    contactEmail: 'ada@acme.test',
    reviewUrl: link('review'),
  },
  'representative-assigned': { name: 'Ravi', organizationName: 'Acme', setupUrl: link('setup') },
  'organization-approved': { name: 'Ada', organizationName: 'Acme', signInUrl: link('sign-in') },
  'organization-rejected': { name: 'Ada', organizationName: 'Acme', reason: 'Resellers only.' },
  'join-requested': {
    organizationName: 'Acme',
    requesterName: 'Bo',
    requesterEmail: 'bo@acme.test',
    reviewUrl: link('review'),
  },
  'join-decided': { name: 'Bo', organizationName: 'Acme', approved: true, signInUrl: link('sign-in') },
  'instant-account': {
    name: 'Tom',
    customerNames: ['Tailspin Toys', 'Wingtip Supplies'],
    completeUrl: link('complete'),
  },
  'instant-account-refused': { name: 'Tom', reason: 'cash_account', customerNames: ['Walk-in Sales'] },
  'account-created': {
    name: 'Tom',
    organizationName: 'Acme',
    setPasswordUrl: link('set-password'),
    createdBy: 'Sofia Seller',
  },
  'membership-added': { name: 'Tom', organizationName: 'Acme', addedBy: 'Alice Admin', signInUrl: link('sign-in') },
  reverify: { name: 'Ada', inactiveDays: 90, reverifyUrl: link('reverify') },
  'order-received': { ...orderBase, statusLabel: 'Confirmed', nextStep: 'We ship it soon.' },
  'order-allocated': orderBase,
  'payment-reviewed': { ...orderBase, approved: false, reason: 'Card reported stolen.' },
  'order-backordered': { ...orderBase, shortLines: lines },
  'order-shipped': { ...orderBase, carrier: 'UPS', trackingNumber: '1Z999', complete: true, lines },
  'approval-requested': {
    name: 'Carol',
    requesterName: 'Bo Buyer',
    orderNumber: 'CS-100001',
    approvalUrl: link('approve'),
    stepLabel: 'Purchasing',
    total: '$32.00',
    onBehalfOf: 'Dana',
    reason: 'overdue',
    summary: SUMMARY,
    budget: {
      lines: [
        {
          period: 'month',
          over: false,
          words: 'Spent $1,200.00 of $5,000.00 in November 2026; this order adds $32.00 (24 %).',
          amounts: { currency: 'USD', beforeMinor: 120_000, orderMinor: 3_200, limitMinor: 500_000, overMinor: 0 },
          bar: { before: 24, order: 0.6, limit: 100 },
        },
        {
          period: 'order',
          over: true,
          words: 'This order is $32.00; the limit per order is $5.00 — $27.00 over.',
          amounts: { currency: 'USD', beforeMinor: 0, orderMinor: 3_200, limitMinor: 500, overMinor: 2_700 },
          bar: { before: 0, order: 100, limit: 15.6 },
        },
      ],
      noLimit: null,
    },
  },
  'approval-decided': {
    ...orderBase,
    approved: false,
    decidedBy: 'Carol',
    feedback: 'Split it by cost center.',
    nextStep: 'Edit and resubmit it, or cancel it.',
  },
  'approval-reminder': {
    name: 'Carol',
    inboxUrl: link('authorizations'),
    total: 1,
    orders: [{ number: 'CS-100001', requesterName: 'Bo', waitingHours: 30, escalated: true }],
  },
  'approval-question-asked': {
    ...orderBase,
    askedBy: 'Carol',
    question: 'Is this for the Harbor site?\n\nIt ships there otherwise.',
  },
  'approval-question-answered': {
    name: 'Carol',
    orderNumber: 'CS-100001',
    answeredBy: 'Bo Buyer',
    answer: 'Yes, for Harbor.',
    approvalUrl: link('approval'),
  },
  'approval-handed-on': {
    name: 'Dana',
    orderNumber: 'CS-100001',
    handedOnBy: 'Paula',
    note: 'On leave until Monday',
    approvalUrl: link('approval'),
    total: '$32.00',
    summary: SUMMARY,
  },
  'quote-requested': {
    name: 'Ravi',
    organizationName: 'Acme',
    requesterName: 'Bo Buyer',
    quoteNumber: 'Q-5001',
    lineCount: 3,
    quoteUrl: link('quote'),
  },
  'quote-answered': {
    name: 'Bo',
    quoteNumber: 'Q-5001',
    quoteUrl: link('quote'),
    priced: true,
    validUntil: '2026-12-23',
    total: '$1,250.00',
    note: 'Volume price.',
  },
  'order-canceled': { ...orderBase, canceledBy: 'Bo Buyer', reason: 'Ordered twice.' },
};

const ORDER_KINDS = new Set<EmailKind>([
  'order-received',
  'order-allocated',
  'payment-reviewed',
  'order-backordered',
  'order-shipped',
  'order-canceled',
  'approval-requested',
  'approval-decided',
]);

const KINDS = Object.keys(emailTemplates) as EmailKind[];
const render = (kind: EmailKind) => renderEmail(kind, SAMPLES[kind] as Record<string, unknown>, SENDER);

/** The web links of an email's HTML, each once. */
const linksOf = (html: string) => [
  ...new Set([...html.matchAll(/href="(https?:[^"]+)"/g)].map((match) => match[1]?.replaceAll('&amp;', '&') ?? '')),
];
/** How often `href` stands in the text as a whole word (an address that only starts with it does not count). */
const occurrences = (text: string, href: string) => text.split(/\s+/).filter((word) => word === href).length;
/** The HTML without its comments: React marks suspense boundaries with "<!--$-->". */
const withoutComments = (html: string) => html.replaceAll(/<!--[\s\S]*?-->/g, '');
const px = (style: string, property: string) => Number(new RegExp(`(?:^|;)${property}:(\\d+)px`).exec(style)?.[1] ?? 0);

describe('every email template', () => {
  it.each(KINDS)('%s has a title, the logo, the seller and why it was sent', async (kind) => {
    const email = await render(kind);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain(`<title>${email.subject.replaceAll('&', '&amp;')}</title>`);
    expect(email.html).toMatch(
      /<img alt="Countersign logo" height="40" src="https:\/\/countersign\.example\/brand\/email-logo\.png"[^>]* width="40"/,
    );
    expect(email.html).toContain('Countersign Supply Co.');
    expect(email.html).toContain('400 SW Market Street, Portland, OR 97201');
    expect(email.text).toMatch(/You receive this because [^\n]+\./);
    expect(email.text).toContain('Countersign Supply Co.');
  });

  it.each(KINDS)('%s has buttons at least 44 px high and links that wrap', async (kind) => {
    const { html } = await render(kind);
    const buttons = [...html.matchAll(/<a [^>]*style="([^"]*background-color:#1f4fd1[^"]*)"/g)].map((m) => m[1] ?? '');
    for (const style of buttons) {
      // The label's line box is 120 % of the font size (React Email's Button); padding adds the rest.
      expect(
        px(style, 'padding-top') + px(style, 'padding-bottom') + 1.2 * px(style, 'font-size'),
      ).toBeGreaterThanOrEqual(44);
    }
    const textLinks = [...html.matchAll(/<a [^>]*style="([^"]*)"[^>]*>(https?:[^<]+)<\/a>/g)];
    for (const [, style] of textLinks) expect(style).toContain('overflow-wrap:anywhere');
    // Nothing in the frame is wider than a 390 px phone.
    for (const match of html.matchAll(/(?:^|[;"])width:(\d+)px/g)) expect(Number(match[1])).toBeLessThanOrEqual(390);
  });

  it.each(KINDS)(
    '%s has a text part with each link exactly once and amounts as the store writes them',
    async (kind) => {
      const email = await render(kind);
      const links = linksOf(email.html);
      if (Object.values(SAMPLES[kind]).some((value) => typeof value === 'string' && value.startsWith('https:'))) {
        expect(links.length).toBeGreaterThan(0);
      }
      for (const href of links) expect({ href, count: occurrences(email.text, href) }).toEqual({ href, count: 1 });
      for (const part of [email.html, email.text, email.subject]) expect(part).not.toMatch(/\d[\d,]*\.\d\d [A-Z]{3}\b/);
    },
  );

  it.each([...ORDER_KINDS])(
    '%s carries the order: number, requester, PO, ship-to, lines, totals, steps',
    async (kind) => {
      const { text } = await render(kind);
      for (const expected of [
        'CS-100001',
        'Bo Buyer',
        'PO-7',
        'Seattle, WA 98101',
        'Pen',
        'PAP-1',
        '$32.00',
        'Purchasing: Approved by Carol, Nov 23, 2026, 10:00 AM EST',
        'Feedback: “Fine.”',
        'Finance: Waiting for a decision',
      ]) {
        expect(text).toContain(expected);
      }
    },
  );

  it('refuses an unknown kind instead of sending an empty email', async () => {
    await expect(renderEmail('no-such-kind', {})).rejects.toThrow('Unknown email kind');
  });
});

describe('the order summary', () => {
  it('lists the first lines, says how many more, and shows no amount when the recipient may not see prices', async () => {
    const blind: OrderSummary = {
      ...SUMMARY,
      lines: Array.from({ length: 5 }, (_, index) => ({
        name: `Item ${index}`,
        sku: `SKU-${index}`,
        quantity: 1,
        unit: 'each',
      })),
      moreLines: 2,
      totals: undefined,
    };
    const { totals: _totals, ...summary } = blind;
    const email = await renderEmail(
      'approval-requested',
      { ...SAMPLES['approval-requested'], total: undefined, summary, budget: undefined },
      SENDER,
    );
    expect(email.text).toContain('and 2 more lines');
    expect(withoutComments(email.html)).not.toContain('$');
    expect(email.text).not.toContain('$');
  });

  it('still sends an order email queued before summaries existed', async () => {
    const { summary: _summary, ...old } = SAMPLES['order-canceled'];
    const email = await renderEmail('order-canceled', old, SENDER);
    expect(email.text).toContain('You receive this because you placed order CS-100001.');
  });
});

describe('the budget in the approval email', () => {
  it('writes the requester’s spend against each limit for a recipient who may see prices', async () => {
    const { text, html } = await render('approval-requested');
    expect(text).toContain('Budget');
    expect(text).toContain('Spent $1,200.00 of $5,000.00 in November 2026; this order adds $32.00 (24 %).');
    expect(text).toContain('This order is $32.00; the limit per order is $5.00 — $27.00 over.');
    expect(text).toContain('It needs approval: Purchasing.');
    expect(withoutComments(html)).toContain('$27.00 over');
  });

  it('says only within or over, with no amount, to a recipient who may not see prices', async () => {
    const { totals: _totals, ...summary } = { ...SUMMARY, lines: SUMMARY.lines.map(({ amount: _a, ...line }) => line) };
    const email = await renderEmail(
      'approval-requested',
      {
        ...SAMPLES['approval-requested'],
        total: undefined,
        summary,
        budget: {
          lines: [
            { period: 'month', over: false, words: 'Within the monthly limit in November 2026, with this order.' },
            { period: 'order', over: true, words: 'Over the limit per order.' },
          ],
          noLimit: null,
        },
      },
      SENDER,
    );
    expect(email.text).toContain('Within the monthly limit in November 2026, with this order.');
    expect(email.text).toContain('Over the limit per order.');
    expect(email.text).not.toContain('$');
    expect(withoutComments(email.html)).not.toContain('$');
  });

  it('leaves the block out of an email queued before budgets existed', async () => {
    const { budget: _budget, ...old } = SAMPLES['approval-requested'];
    const email = await renderEmail('approval-requested', old, SENDER);
    expect(email.text).not.toContain('Budget');
    expect(email.text).toContain('It needs approval: Purchasing.');
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
