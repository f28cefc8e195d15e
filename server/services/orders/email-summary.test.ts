import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { memberships, organizationAddresses, products, users, type Order, type Product } from '@/db/schema';
import { renderEmail } from '@/server/email/render';
import { approvalTeam, type ApprovalTeam } from '@/server/testing/approval-team';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

/** The newest email of `kind` to the member, rendered as the dispatcher would. */
async function emailTo(member: Member, kind: string) {
  const [email] = await emailsTo(db(), member.user.email, kind);
  if (!email) throw new Error(`no ${kind} email to ${member.user.name}`);
  return { props: email.props, ...(await renderEmail(kind, email.props)) };
}

let t: ApprovalTeam;
let order: Order;
let seven: Product[];

// Seven lines of 2 × 100.00 = 1,400.00 + 15.00 shipping: over Ann's and Ben's 1,000.00, under Cat's 5,000.00.
beforeEach(async () => {
  t = await approvalTeam(db());
  const list = await givePriceList(db(), t.organization);
  seven = [];
  for (let index = 0; index < 7; index++)
    seven.push(await createProduct(db(), { prices: [[list, 10_000]], onHand: 50 }));
  await db()
    .update(products)
    .set({ pictureKey: 'a'.repeat(64) })
    .where(eq(products.id, seven[0]?.id ?? ''));
  const [seattle] = await db()
    .insert(organizationAddresses)
    .values({
      organizationId: t.organization.id,
      label: 'Seattle dock',
      recipient: 'Receiving',
      addressLine1: '200 Harbor Way',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
    })
    .returning();
  // Ben may approve but not see prices: his email must carry no amount, whatever the requester sees.
  await db().update(memberships).set({ maySeePrices: false }).where(eq(memberships.id, t.b.membership.id));
  await db().update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, t.requester.user.id));
  order = await placeOrder(db(), t.requester, {
    lines: seven.map((product) => [product, 2]),
    addressId: seattle?.id ?? '',
    poNumber: 'PO-4711',
    note: 'Deliver to the back door.',
  });
});

describe('the order summary in emails', () => {
  it('shows an authorizer who may see prices the order: number, requester, PO, ship-to, 5 lines then "and 2 more", totals', async () => {
    const email = await emailTo(t.a, 'approval-requested');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(order.number);
      expect(part).toContain('Rob Requester');
      expect(part).toContain('PO-4711');
      expect(part).toContain('200 Harbor Way');
      expect(part).toContain('Seattle, WA 98101');
      expect(part).toContain('and 2 more');
      expect(part).toContain('$200.00');
      expect(part).toContain('$1,415.00');
      expect(part).toContain('Deliver to the back door.');
      // Amounts as the store writes them; the step's label ("Spending limit over $1,000.00 …") is stored at submit.
      expect(part).not.toMatch(/(1,415|1,400|200)\.00 USD/);
    }
    for (const product of seven.slice(0, 5)) expect(email.text).toContain(product.sku);
    for (const product of seven.slice(5)) expect(email.html).not.toContain(product.sku);
    expect(email.html).toContain(`http://localhost:3000/pictures/${'a'.repeat(64)}/thumb.webp`);
    expect(email.html).toContain(`You receive this because you authorize orders for ${t.organization.name}.`);
  });

  it('gives an authorizer without May see prices no amount of the order', async () => {
    const email = await emailTo(t.b, 'approval-requested');
    expect(email.props).not.toHaveProperty('total');
    // The step names the organization's limit, which is policy, not a price: every other amount is gone.
    const withoutStep = (text: string) => text.replaceAll('Spending limit over $1,000.00 per order', '');
    expect(withoutStep(JSON.stringify(email.props))).not.toContain('$');
    // React marks suspense boundaries with "<!--$-->": only what a reader sees counts.
    expect(withoutStep(email.html.replaceAll(/<!--[\s\S]*?-->/g, ''))).not.toContain('$');
    expect(withoutStep(email.text)).not.toContain('$');
    expect(email.text).toContain('and 2 more');
    expect(email.text).toContain(seven[0]?.sku);
  });

  it('tells the requester who decided at which step, when in their own zone, and the feedback', async () => {
    await (await as(t.a)).authorizations.approve({ number: order.number, feedback: 'Fine for the third quarter.' });
    const email = await emailTo(t.requester, 'approval-decided');
    const [step] = (email.props.summary as { steps: { at: string; by: string; outcome: string }[] }).steps;
    expect(step).toMatchObject({ outcome: 'approved', by: 'Ann Approver' });
    expect(step?.at).toMatch(/E[SD]T$/);
    expect(email.text).toContain(`Approved by Ann Approver, ${step?.at}`);
    expect(email.text).toContain('Feedback: “Fine for the third quarter.”');
    expect(email.text).toMatch(/Requested by Rob Requester \(.*\) on .* E[SD]T/);
  });

  it('puts the same summary in the requester’s order-received email', async () => {
    const email = await emailTo(t.requester, 'order-received');
    expect(email.text).toContain('Seattle, WA 98101');
    expect(email.text).toContain('$1,415.00');
    expect(email.text).toContain('and 2 more');
    expect(email.html).toContain(`You receive this because you placed order ${order.number}`);
  });
});
