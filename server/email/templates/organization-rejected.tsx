import { EmailLayout, Paragraph } from './layout';

export type OrganizationRejectedProps = { name: string; organizationName: string; reason: string };

export const organizationRejected = {
  subject: (props: OrganizationRejectedProps) => `About the registration of ${props.organizationName}`,
  Body: (props: OrganizationRejectedProps) => (
    <EmailLayout
      reason={`You receive this because you registered ${props.organizationName}.`}
      preview="Your registration was not approved"
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        We are sorry: we could not approve the registration of {props.organizationName}. The reason we gave:
      </Paragraph>
      <Paragraph>“{props.reason}”</Paragraph>
      <Paragraph>Reply to this email if you would like to talk about it.</Paragraph>
    </EmailLayout>
  ),
};
