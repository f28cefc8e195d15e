import { EmailLayout, Paragraph } from './layout';

export type PasswordResetProps = { name: string; resetUrl: string; expiresInMinutes: number };

export const passwordReset = {
  subject: () => 'Reset your Countersign password',
  Body: (props: PasswordResetProps) => (
    <EmailLayout
      reason={'You receive this because someone asked to reset the password of your Countersign account.'}
      preview="Choose a new password"
      action={{ label: 'Choose a new password', url: props.resetUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Someone asked to reset the password of your Countersign account. The link works once, for{' '}
        {props.expiresInMinutes} minutes. If it was not you, ignore this email: your password stays as it is.
      </Paragraph>
    </EmailLayout>
  ),
};
