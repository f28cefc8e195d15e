import { EmailLayout, Paragraph, WrappingLink } from './layout';

export type AccountExistsProps = { signInUrl: string; resetUrl: string; attempted: string };

/** Sent instead of a registration, so the form never tells a stranger that an address has an account. */
export const accountExists = {
  subject: () => 'You already have a Countersign account',
  Body: (props: AccountExistsProps) => (
    <EmailLayout
      reason={'You receive this because someone entered this address on a Countersign form.'}
      preview="Sign in instead"
      action={{ label: 'Sign in', url: props.signInUrl }}
    >
      <Paragraph>
        Someone, probably you, tried to {props.attempted} with this email address. It already has a Countersign login,
        so nothing new was created.
      </Paragraph>
      <Paragraph>
        Sign in with it. If you forgot the password, choose a new one here: <WrappingLink href={props.resetUrl} />
      </Paragraph>
      <Paragraph>If this was not you, you can ignore this email.</Paragraph>
    </EmailLayout>
  ),
};
