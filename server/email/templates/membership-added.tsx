import { EmailLayout, Paragraph } from './layout';

export type MembershipAddedProps = { name: string; organizationName: string; addedBy: string; signInUrl: string };

/** For someone who already has a login: a new account to switch to, no new password. */
export const membershipAdded = {
  subject: (props: MembershipAddedProps) => `You now have access to ${props.organizationName}`,
  Body: (props: MembershipAddedProps) => (
    <EmailLayout
      reason={`You receive this because ${props.addedBy} added you to ${props.organizationName}.`}
      preview={`Access to ${props.organizationName}`}
      action={{ label: 'Sign in', url: props.signInUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.addedBy} added you to {props.organizationName}. Sign in with your usual password and choose{' '}
        {props.organizationName} in the account switcher at the top of the page.
      </Paragraph>
    </EmailLayout>
  ),
};
