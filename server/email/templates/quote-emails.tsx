import { EmailLayout, Paragraph } from './layout';

export type QuoteRequestedProps = {
  name: string;
  organizationName: string;
  requesterName: string;
  quoteNumber: string;
  lineCount: number;
  quoteUrl: string;
};

export const quoteRequested = {
  subject: (props: QuoteRequestedProps) => `Quote ${props.quoteNumber} requested by ${props.organizationName}`,
  Body: (props: QuoteRequestedProps) => (
    <EmailLayout
      reason={`You receive this because you price quotes for ${props.organizationName}.`}
      preview={`${props.lineCount} lines to price`}
      action={{ label: 'Price the quote', url: props.quoteUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.requesterName} of {props.organizationName} asks for prices on {props.lineCount}{' '}
        {props.lineCount === 1 ? 'line' : 'lines'} (quote {props.quoteNumber}).
      </Paragraph>
    </EmailLayout>
  ),
};

export type QuoteAnsweredProps = {
  name: string;
  quoteNumber: string;
  quoteUrl: string;
  priced: boolean;
  validUntil?: string;
  total?: string;
  note?: string;
};

export const quoteAnswered = {
  subject: (props: QuoteAnsweredProps) =>
    props.priced ? `Your quote ${props.quoteNumber} is ready` : `Your quote ${props.quoteNumber} was declined`,
  Body: (props: QuoteAnsweredProps) => (
    <EmailLayout
      reason={`You receive this because you asked for quote ${props.quoteNumber}.`}
      preview={props.priced ? 'Prices are in' : 'The seller declined it'}
      action={{ label: 'Open the quote', url: props.quoteUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.priced
          ? `Quote ${props.quoteNumber} is priced${props.total ? ` at ${props.total}` : ''}. You can order it${props.validUntil ? ` until ${props.validUntil}` : ''}; the order then goes through your organization's approvals like any other.`
          : `The seller declined quote ${props.quoteNumber}.`}
      </Paragraph>
      {props.note && <Paragraph>Note from the seller: {props.note}</Paragraph>}
    </EmailLayout>
  ),
};
