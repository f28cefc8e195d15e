import { EmailLayout, Paragraph } from './layout';
import { OrderSummaryBlock, type OrderSummary } from './order-summary';

/**
 * The emails of an order's life, each carrying the order's summary. Amounts are formatted by the
 * sender and only present when the recipient may see prices, so an email never carries a price the
 * store would hide.
 */
type OrderEmailBase = { name: string; orderNumber: string; orderUrl: string; summary: OrderSummary };
type EmailLine = { sku: string; name: string; quantity: number };

/** The footer's sentence for the requester of an order. */
export function requesterReason(props: { orderNumber: string; summary?: OrderSummary }): string {
  const organization = props.summary ? ` for ${props.summary.organizationName}` : '';
  return `You receive this because you placed order ${props.orderNumber}${organization}.`;
}

function Lines({ lines }: { lines: EmailLine[] }) {
  return (
    <>
      {lines.map((line) => (
        <Paragraph key={line.sku}>
          {line.quantity} × {line.name} ({line.sku})
        </Paragraph>
      ))}
    </>
  );
}

export type OrderReceivedProps = OrderEmailBase & { statusLabel: string; nextStep: string };

export const orderReceived = {
  subject: (props: OrderReceivedProps) => `We received your order ${props.orderNumber}`,
  Body: (props: OrderReceivedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={`Order ${props.orderNumber}: ${props.statusLabel}`}
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Thank you for order {props.orderNumber}. Its status: {props.statusLabel}. {props.nextStep}
      </Paragraph>
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

export type PaymentReviewedProps = OrderEmailBase & { approved: boolean; reason?: string };

export const paymentReviewed = {
  subject: (props: PaymentReviewedProps) =>
    props.approved
      ? `Payment accepted for order ${props.orderNumber}`
      : `Order ${props.orderNumber} was canceled: payment not accepted`,
  Body: (props: PaymentReviewedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={props.approved ? 'Your payment was accepted' : 'Your payment was not accepted'}
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.approved
          ? `We reviewed the payment of order ${props.orderNumber} and accepted it. The order goes on to fulfillment.`
          : `We reviewed the payment of order ${props.orderNumber} and could not accept it, so the order was canceled.`}
      </Paragraph>
      {props.reason && <Paragraph>Reason: {props.reason}</Paragraph>}
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

export type OrderBackorderedProps = OrderEmailBase & { shortLines: EmailLine[] };

export const orderBackordered = {
  subject: (props: OrderBackorderedProps) => `Order ${props.orderNumber} is backordered`,
  Body: (props: OrderBackorderedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview="Some items are not in stock yet"
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Order {props.orderNumber} is accepted, but we do not have enough of these in stock yet. We ship the whole order
        as soon as they arrive; you can cancel it until then.
      </Paragraph>
      <Lines lines={props.shortLines} />
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

export type OrderAllocatedProps = OrderEmailBase;

export const orderAllocated = {
  subject: (props: OrderAllocatedProps) => `Order ${props.orderNumber} is in stock and confirmed`,
  Body: (props: OrderAllocatedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview="The missing items have arrived"
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        The items order {props.orderNumber} was waiting for have arrived, and the whole order is now confirmed. We
        prepare it for shipping and email you the tracking number.
      </Paragraph>
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

export type OrderShippedProps = OrderEmailBase & {
  carrier: string;
  trackingNumber: string;
  complete: boolean;
  lines: EmailLine[];
};

export const orderShipped = {
  subject: (props: OrderShippedProps) =>
    props.complete ? `Order ${props.orderNumber} has shipped` : `Part of order ${props.orderNumber} has shipped`,
  Body: (props: OrderShippedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={`Tracking number ${props.trackingNumber}`}
      action={{ label: 'Track the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.complete
          ? `The last package of order ${props.orderNumber} is on its way`
          : `A package of order ${props.orderNumber} is on its way; the rest follows`}{' '}
        with {props.carrier}, tracking number {props.trackingNumber}.
      </Paragraph>
      <Paragraph>In this package:</Paragraph>
      <Lines lines={props.lines} />
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};

export type OrderCanceledProps = OrderEmailBase & { canceledBy: string; reason?: string };

export const orderCanceled = {
  subject: (props: OrderCanceledProps) => `Order ${props.orderNumber} was canceled`,
  Body: (props: OrderCanceledProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={`Canceled by ${props.canceledBy}`}
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Order {props.orderNumber} was canceled by {props.canceledBy}. Nothing will be shipped or charged for it.
      </Paragraph>
      {props.reason && <Paragraph>Reason: {props.reason}</Paragraph>}
      <OrderSummaryBlock summary={props.summary} />
    </EmailLayout>
  ),
};
