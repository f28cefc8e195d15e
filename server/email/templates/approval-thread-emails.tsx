import { EmailLayout, Paragraph } from './layout';
import { requesterReason } from './order-emails';
import { OrderSummaryBlock, type OrderSummary } from './order-summary';

/** A question or answer as the email quotes it: its own paragraphs, as the person wrote them. */
function Quoted({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((part) => part.trim())
        .map((part, index) => (
          <Paragraph key={index}>“{part.trim()}”</Paragraph>
        ))}
    </>
  );
}

/** To the requester: an authorizer asks a question about their order before deciding. */
export type ApprovalQuestionAskedProps = {
  name: string;
  orderNumber: string;
  orderUrl: string;
  askedBy: string;
  question: string;
  summary?: OrderSummary;
};

export const approvalQuestionAsked = {
  subject: (props: ApprovalQuestionAskedProps) => `${props.askedBy} has a question about order ${props.orderNumber}`,
  Body: (props: ApprovalQuestionAskedProps) => (
    <EmailLayout
      reason={requesterReason(props)}
      preview={`${props.askedBy} asks before deciding`}
      action={{ label: 'Answer on the order page', url: props.orderUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.askedBy} asks a question about order {props.orderNumber} before deciding on it. The order waits for your
        answer:
      </Paragraph>
      <Quoted text={props.question} />
      {props.summary && <OrderSummaryBlock summary={props.summary} />}
    </EmailLayout>
  ),
};

/** To the authorizers of the steps still waiting: the requester answered. */
export type ApprovalQuestionAnsweredProps = {
  name: string;
  orderNumber: string;
  answeredBy: string;
  answer: string;
  approvalUrl: string;
};

export const approvalQuestionAnswered = {
  subject: (props: ApprovalQuestionAnsweredProps) => `${props.answeredBy} answered about order ${props.orderNumber}`,
  Body: (props: ApprovalQuestionAnsweredProps) => (
    <EmailLayout
      reason="You receive this because you authorize this order and a question about it was asked."
      preview={`The answer about order ${props.orderNumber}`}
      action={{ label: 'Review the order', url: props.approvalUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.answeredBy} answered the question about order {props.orderNumber}. It waits for your decision:
      </Paragraph>
      <Quoted text={props.answer} />
    </EmailLayout>
  ),
};

/** To the member an authorizer handed their step on to. */
export type ApprovalHandedOnProps = {
  name: string;
  orderNumber: string;
  handedOnBy: string;
  note: string;
  approvalUrl: string;
  total?: string;
  summary?: OrderSummary;
};

export const approvalHandedOn = {
  subject: (props: ApprovalHandedOnProps) => `${props.handedOnBy} handed you order ${props.orderNumber} to approve`,
  Body: (props: ApprovalHandedOnProps) => (
    <EmailLayout
      reason={`You receive this because ${props.handedOnBy} handed you their place as authorizer of this order.`}
      preview={props.note}
      action={{ label: 'Review the order', url: props.approvalUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.handedOnBy} handed order {props.orderNumber}
        {props.total ? ` for ${props.total}` : ''} on to you: it now waits for your decision.
      </Paragraph>
      <Quoted text={props.note} />
      {props.summary && <OrderSummaryBlock summary={props.summary} />}
    </EmailLayout>
  ),
};
