import { aliasedTable, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { approvalSteps, memberships, orderLines, organizations, products, users, type Order } from '@/db/schema';
import { formatMoney } from '@/components/catalog/money';
import { formatAddressLines } from '@/server/domain/addresses/format-address';
import { productPicturePath } from '@/server/domain/catalog/picture-url';
import { formatTimestamp } from '@/server/domain/time';
import type { OrderSummary } from '@/server/email/templates/order-summary';
import { appUrl } from '@/server/env';
import { loadMembership } from '../identity/viewer';

/** An email shows this many lines of an order, then "and N more". */
export const EMAIL_LINE_LIMIT = 5;

/** Who an order email goes to, and the order as they may see it. */
export type OrderEmailRecipient = {
  membershipId: string;
  to: string;
  name: string;
  maySeePrices: boolean;
  summary: OrderSummary;
};

const decider = aliasedTable(users, 'decider');
const absentMember = aliasedTable(memberships, 'absent_member');
const absentUser = aliasedTable(users, 'absent_user');

/**
 * The order summary for each recipient membership, built in the transaction that queues the
 * emails: the order's part is read once, then amounts are kept only for a recipient who may see
 * prices (their membership decides, not the requester's) and times are written in their zone.
 */
export async function orderEmailSummaries(
  tx: Executor,
  order: Order,
  recipientMembershipIds: readonly string[],
): Promise<OrderEmailRecipient[]> {
  if (recipientMembershipIds.length === 0) return [];
  const [lines, steps, [requester], [organization], people] = await Promise.all([
    tx
      .select({
        name: orderLines.name,
        sku: orderLines.sku,
        quantity: orderLines.quantity,
        unit: orderLines.unit,
        lineTotalMinor: orderLines.lineTotalMinor,
        pictureKey: products.pictureKey,
        lineCount: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(orderLines)
      .leftJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.lineNumber))
      .limit(EMAIL_LINE_LIMIT),
    tx
      .select({
        label: approvalSteps.label,
        status: approvalSteps.status,
        decidedAt: approvalSteps.decidedAt,
        feedback: approvalSteps.feedback,
        deciderName: decider.name,
        absentName: absentUser.name,
      })
      .from(approvalSteps)
      .leftJoin(decider, eq(decider.id, approvalSteps.decidedByUserId))
      .leftJoin(absentMember, eq(absentMember.id, approvalSteps.onBehalfOfMembershipId))
      .leftJoin(absentUser, eq(absentUser.id, absentMember.userId))
      .where(eq(approvalSteps.orderId, order.id))
      .orderBy(asc(approvalSteps.tier), asc(approvalSteps.id)),
    tx.select({ name: users.name }).from(users).where(eq(users.id, order.userId)),
    tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, order.organizationId)),
    tx
      .select({
        membershipId: memberships.id,
        userId: users.id,
        email: users.email,
        name: users.name,
        timeZone: users.timeZone,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.id, [...recipientMembershipIds])),
  ]);
  const facts: OrderSummaryFacts = {
    lines,
    lineCount: lines[0]?.lineCount ?? 0,
    steps,
    requesterName: requester?.name ?? null,
    organizationName: organization?.name ?? '',
  };
  const recipients: OrderEmailRecipient[] = [];
  for (const person of people) {
    const loaded = await loadMembership(tx, person.membershipId, person.userId);
    const maySeePrices = 'membership' in loaded && loaded.membership.permissions.has('prices.view');
    const summary = orderSummaryFor(order, facts, { timeZone: person.timeZone, maySeePrices });
    recipients.push({ membershipId: person.membershipId, to: person.email, name: person.name, maySeePrices, summary });
  }
  return recipients;
}

/** What an order summary is made of besides the order: its first lines, its steps, who asked, and the organization. */
export type OrderSummaryFacts = {
  /** The first `EMAIL_LINE_LIMIT` lines in line order; `lineCount` counts them all. */
  lines: readonly {
    name: string;
    sku: string;
    quantity: number;
    unit: string;
    lineTotalMinor: number;
    pictureKey: string | null;
  }[];
  lineCount: number;
  steps: readonly {
    label: string;
    status: string;
    decidedAt: Date | null;
    feedback: string | null;
    deciderName: string | null;
    absentName: string | null;
  }[];
  requesterName: string | null;
  organizationName: string;
};

/**
 * The order as one recipient may see it: amounts only when they may see prices, times in their
 * zone. Made from facts read beforehand, so a caller that has them (the submit) builds it without
 * reading again.
 */
export function orderSummaryFor(
  order: Pick<
    Order,
    | 'number'
    | 'currency'
    | 'submittedAt'
    | 'poNumber'
    | 'shipTo'
    | 'shippingMethodName'
    | 'subtotalMinor'
    | 'shippingMinor'
    | 'totalMinor'
    | 'buyerNote'
  >,
  facts: OrderSummaryFacts,
  person: { timeZone: string | null; maySeePrices: boolean },
): OrderSummary {
  const { maySeePrices } = person;
  const money = (minor: number) => (maySeePrices ? formatMoney(minor, order.currency) : undefined);
  const at = (moment: Date) => formatTimestamp(moment, person.timeZone);
  return {
    orderNumber: order.number,
    organizationName: facts.organizationName,
    requesterName: facts.requesterName ?? 'A member',
    submittedAt: at(order.submittedAt),
    ...(order.poNumber ? { poNumber: order.poNumber } : {}),
    shipTo: formatAddressLines(order.shipTo),
    shippingMethod: order.shippingMethodName,
    lines: facts.lines.map((line) => ({
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      unit: line.unit,
      ...(maySeePrices ? { amount: money(line.lineTotalMinor) } : {}),
      ...(line.pictureKey ? { thumbnailUrl: appUrl(productPicturePath(line.pictureKey, 'thumb')) } : {}),
    })),
    moreLines: Math.max(0, facts.lineCount - facts.lines.length),
    ...(maySeePrices
      ? {
          totals: {
            subtotal: formatMoney(order.subtotalMinor, order.currency),
            shipping: formatMoney(order.shippingMinor, order.currency),
            total: formatMoney(order.totalMinor, order.currency),
          },
        }
      : {}),
    steps: facts.steps
      .filter((step) => step.status !== 'void')
      .map((step) => ({
        label: step.label,
        outcome: step.status as OrderSummary['steps'][number]['outcome'],
        ...(step.deciderName
          ? { by: step.absentName ? `${step.deciderName} for ${step.absentName}` : step.deciderName }
          : {}),
        ...(step.decidedAt ? { at: at(step.decidedAt) } : {}),
        ...(step.feedback ? { feedback: step.feedback } : {}),
      })),
    ...(order.buyerNote ? { note: order.buyerNote } : {}),
  };
}

/** The order summary for one recipient membership (see `orderEmailSummaries`). */
export async function orderEmailSummary(
  tx: Executor,
  order: Order,
  recipientMembershipId: string,
): Promise<OrderEmailRecipient> {
  const [recipient] = await orderEmailSummaries(tx, order, [recipientMembershipId]);
  if (!recipient) throw new Error(`order ${order.number}: the email's recipient membership is missing`);
  return recipient;
}
