import { EmailLayout, Paragraph } from './layout';

export type PasswordChangedProps = { name: string; changedAt: string; signInUrl: string };

export const passwordChanged = {
  subject: () => 'Your Countersign password was changed',
  Body: (props: PasswordChangedProps) => (
    <EmailLayout
      reason={'You receive this because the password of your Countersign account changed.'}
      preview="Your password was changed"
      action={{ label: 'Sign in', url: props.signInUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        The password of your Countersign account was changed on {props.changedAt}. Every other session was signed out.
        If you did not do this, reset your password now and tell your administrator.
      </Paragraph>
    </EmailLayout>
  ),
};
