import { EmailLayout, Paragraph } from './layout';

export type RepresentativeAssignedProps = { name: string; organizationName: string; setupUrl: string };

export const representativeAssigned = {
  subject: (props: RepresentativeAssignedProps) => `You are the account representative of ${props.organizationName}`,
  Body: (props: RepresentativeAssignedProps) => (
    <EmailLayout
      reason={`You receive this because you are now the account representative of ${props.organizationName}.`}
      preview="Set up the account"
      action={{ label: 'Set up the account', url: props.setupUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        You were assigned to {props.organizationName}. Contact them to agree on terms, then set up their account
        (currency, credit limit, payment terms and methods) and at least one contract.
      </Paragraph>
    </EmailLayout>
  ),
};
