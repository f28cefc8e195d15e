import { EmailLayout, Paragraph } from './layout';

export type RegistrationReceivedProps = {
  organizationName: string;
  contactName: string;
  contactEmail: string;
  reviewUrl: string;
};

export const registrationReceived = {
  subject: (props: RegistrationReceivedProps) => `New registration: ${props.organizationName}`,
  Body: (props: RegistrationReceivedProps) => (
    <EmailLayout
      reason={'You receive this because you review new registrations.'}
      preview={`${props.organizationName} registered`}
      action={{ label: 'Review the registration', url: props.reviewUrl }}
    >
      <Paragraph>
        {props.organizationName} registered and asks for an account. Their buyer administrator is {props.contactName} (
        {props.contactEmail}).
      </Paragraph>
      <Paragraph>
        Assign an account representative to set up the account and a contract; then approve or reject it.
      </Paragraph>
    </EmailLayout>
  ),
};
