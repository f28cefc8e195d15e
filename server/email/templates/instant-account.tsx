import { EmailLayout, Paragraph } from './layout';

export type InstantAccountProps = { name: string; customerNames: string[]; completeUrl: string };

export const instantAccount = {
  subject: () => 'Finish setting up your Countersign account',
  Body: (props: InstantAccountProps) => (
    <EmailLayout
      reason={`You receive this because you are a contact of ${props.customerNames.join(' and ')} in our customer records.`}
      preview="Confirm your email to get your account"
      action={{ label: 'Confirm and choose a password', url: props.completeUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        We found you as a contact of {props.customerNames.join(' and ')}. Confirm your email address and choose a
        password to start ordering online. The link works once, for 24 hours.
      </Paragraph>
    </EmailLayout>
  ),
};
