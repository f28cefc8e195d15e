import { EmailLayout, Paragraph } from './layout';

export type ReverifyProps = { name: string; inactiveDays: number; reverifyUrl: string };

export const reverify = {
  subject: () => 'Confirm it is you to use Countersign again',
  Body: (props: ReverifyProps) => (
    <EmailLayout
      reason={'You receive this because you tried to sign in to your Countersign account.'}
      preview="Confirm your account"
      action={{ label: 'Confirm it is me', url: props.reverifyUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        You tried to sign in after more than {props.inactiveDays} days away. To keep your account safe, please confirm
        it is you. Your password stays the same. The link works once, for 48 hours.
      </Paragraph>
    </EmailLayout>
  ),
};
