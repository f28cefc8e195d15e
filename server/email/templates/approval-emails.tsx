import type { BudgetView } from '@/server/domain/approvals/budget';
import type { ReminderLine } from '@/server/domain/approvals/reminders';
import { BudgetBlock } from './budget-block';
import { EmailLayout, Paragraph, WrappingLink } from './layout';
import { requesterReason } from './order-emails';
import { OrderSummaryBlock, type OrderSummary } from './order-summary';

/** To an authorizer: an order waits for their decision (amounts only if they may see prices). */
export type ApprovalRequestedProps = {
  name: string;
  requesterName: string;
  orderNumber: string;
  approvalUrl: string;
  stepLabel: string;
  total?: string;
  onBehalfOf?: string;
  /** Why it reaches this person: they are an account manager standing in. */
  reason?: 'self' | 'none' | 'overdue';
  summary: OrderSummary;
  /** The requester's spend against their limits with this order's share, as this recipient may see it. */
  budget?: BudgetView;
};

const REASONS = {
  self: 'It comes to you as account manager: the requester is the only authorizer named for it, and nobody approves their own order.',
  none: 'It comes to you as account manager: none of the authorizers named for it can decide at the moment.',
  overdue: 'It comes to you as account manager because it has been waiting longer than your organization allows.',
};

export const approvalRequested = {
  subject: (props: ApprovalRequestedProps) =>
    `Order ${props.orderNumber} from ${props.requesterName} needs your approval`,
  Body: (props: ApprovalRequestedProps) => (
    <EmailLayout
      reason={
        props.reason
          ? `You receive this because you are an account manager of ${props.summary?.organizationName ?? 'your organization'}.`
          : `You receive this because you authorize orders for ${props.summary?.organizationName ?? 'your organization'}.`
      }
      preview={`${props.stepLabel}${props.total ? ` · ${props.total}` : ''}`}
      action={{ label: 'Review the order', url: props.approvalUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.requesterName} placed order {props.orderNumber}
        {props.total ? ` for ${props.total}` : ''}. It needs approval: {props.stepLabel}.
        {props.onBehalfOf ? ` You are asked as the stand-in for ${props.onBehalfOf}, who is away.` : ''}
      </Paragraph>
      {props.reason && <Paragraph>{REASONS[props.reason]}</Paragraph>}
      <BudgetBlock budget={props.budget} />
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

/** To the requester: the outcome, with the authorizer's feedback. */
export type ApprovalDecidedProps = {
  name: string;
  orderNumber: string;
  orderUrl: string;
  approved: boolean;
  decidedBy: string;
  feedback?: string;
  nextStep: string;
  summary: OrderSummary;
};

export const approvalDecided = {
  subject: (props: ApprovalDecidedProps) =>
    props.approved ? `Order ${props.orderNumber} is approved` : `Order ${props.orderNumber} was declined`,
  Body: (props: ApprovalDecidedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={`${props.approved ? 'Approved' : 'Declined'} by ${props.decidedBy}`}
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.decidedBy} {props.approved ? 'approved' : 'declined'} order {props.orderNumber}. {props.nextStep}
      </Paragraph>
      {props.feedback && <Paragraph>Feedback: “{props.feedback}”</Paragraph>}
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

/** To an authorizer: one reminder naming the orders waiting for them longest, and how many wait in all. */
export type ApprovalReminderProps = { name: string; inboxUrl: string; total: number; orders: ReminderLine[] };

const count = (n: number) => n.toLocaleString('en-US');

export const approvalReminder = {
  subject: (props: ApprovalReminderProps) =>
    `${count(props.total)} ${props.total === 1 ? 'order is' : 'orders are'} waiting for your approval`,
  Body: (props: ApprovalReminderProps) => {
    const unnamed = props.total - props.orders.length;
    return (
      <EmailLayout
        reason="You receive this because you authorize orders and these wait for your decision."
        preview="Orders waiting for your decision"
        action={{ label: 'Open your authorizations', url: props.inboxUrl }}
      >
        <Paragraph>Hello {props.name},</Paragraph>
        <Paragraph>
          {unnamed > 0
            ? `These are the ${props.orders.length} orders waiting longest for your decision:`
            : 'These orders have been waiting for your decision:'}
        </Paragraph>
        {props.orders.map((order) => (
          <Paragraph key={order.number}>
            <WrappingLink href={`${props.inboxUrl}/${encodeURIComponent(order.number)}`}>{order.number}</WrappingLink>{' '}
            from {order.requesterName}, waiting {order.waitingHours} hours
            {order.escalated ? ' — offered to you as account manager because it waited too long' : ''}
          </Paragraph>
        ))}
        {unnamed > 0 && <Paragraph>… and {count(unnamed)} more. Your authorizations list them all.</Paragraph>}
      </EmailLayout>
    );
  },
};
