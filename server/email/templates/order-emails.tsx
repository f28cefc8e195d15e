import { EmailLayout, Paragraph } from './layout';

/**
 * The emails of an order's life. Amounts are formatted by the sender and only present when the
 * recipient may see prices, so an email never carries a price the store would hide.
 */
type OrderEmailBase = { name: string; orderNumber: string; orderUrl: string };
type EmailLine = { sku: string; name: string; quantity: number };

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

export type OrderReceivedProps = OrderEmailBase & {
  statusLabel: string;
  nextStep: string;
  lines: EmailLine[];
  total?: string;
  poNumber?: string;
};

export const orderReceived = {
  subject: (props: OrderReceivedProps) => `We received your order ${props.orderNumber}`,
  Body: (props: OrderReceivedProps) => (
    <EmailLayout
      preview={`Order ${props.orderNumber}: ${props.statusLabel}`}
      action={{ label: 'View the order', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Thank you for order {props.orderNumber}
        {props.poNumber ? ` (your PO ${props.poNumber})` : ''}. Its status: {props.statusLabel}. {props.nextStep}
      </Paragraph>
      <Lines lines={props.lines} />
      {props.total && <Paragraph>Total: {props.total}</Paragraph>}
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
    </EmailLayout>
  ),
};

export type OrderBackorderedProps = OrderEmailBase & { shortLines: EmailLine[] };

export const orderBackordered = {
  subject: (props: OrderBackorderedProps) => `Order ${props.orderNumber} is backordered`,
  Body: (props: OrderBackorderedProps) => (
    <EmailLayout preview="Some items are not in stock yet" action={{ label: 'View the order', url: props.orderUrl }}>
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Order {props.orderNumber} is accepted, but we do not have enough of these in stock yet. We ship the whole order
        as soon as they arrive; you can cancel it until then.
      </Paragraph>
      <Lines lines={props.shortLines} />
    </EmailLayout>
  ),
};

export type OrderAllocatedProps = OrderEmailBase & { lines: EmailLine[] };

export const orderAllocated = {
  subject: (props: OrderAllocatedProps) => `Order ${props.orderNumber} is in stock and confirmed`,
  Body: (props: OrderAllocatedProps) => (
    <EmailLayout preview="The missing items have arrived" action={{ label: 'View the order', url: props.orderUrl }}>
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        The items order {props.orderNumber} was waiting for have arrived, and the whole order is now confirmed. We
        prepare it for shipping and email you the tracking number.
      </Paragraph>
      <Lines lines={props.lines} />
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
      <Lines lines={props.lines} />
    </EmailLayout>
  ),
};

export type OrderCanceledProps = OrderEmailBase & { canceledBy: string; reason?: string };

export const orderCanceled = {
  subject: (props: OrderCanceledProps) => `Order ${props.orderNumber} was canceled`,
  Body: (props: OrderCanceledProps) => (
    <EmailLayout preview={`Canceled by ${props.canceledBy}`} action={{ label: 'View the order', url: props.orderUrl }}>
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Order {props.orderNumber} was canceled by {props.canceledBy}. Nothing will be shipped or charged for it.
      </Paragraph>
      {props.reason && <Paragraph>Reason: {props.reason}</Paragraph>}
    </EmailLayout>
  ),
};
