import { EmailLayout, Paragraph } from './layout';

export type OrganizationApprovedProps = { name: string; organizationName: string; signInUrl: string };

export const organizationApproved = {
  subject: (props: OrganizationApprovedProps) => `${props.organizationName} is approved`,
  Body: (props: OrganizationApprovedProps) => (
    <EmailLayout
      reason={`You receive this because you registered ${props.organizationName}.`}
      preview="Your organization is approved"
      action={{ label: 'Sign in', url: props.signInUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Good news: {props.organizationName} is approved and its account is ready. Sign in with the email address and
        password you registered with. A short checklist will help you add departments, buyers and spending limits.
      </Paragraph>
    </EmailLayout>
  ),
};
