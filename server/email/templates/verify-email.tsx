import { EmailLayout, Paragraph } from './layout';

export type VerifyEmailProps = { name: string; organizationName: string; verifyUrl: string; nextStep: string };

export const verifyEmail = {
  subject: () => 'Confirm your email address for Countersign',
  Body: (props: VerifyEmailProps) => (
    <EmailLayout
      reason={`You receive this because this address was given for an account at ${props.organizationName}.`}
      preview="Confirm your email address"
      action={{ label: 'Confirm my email address', url: props.verifyUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        Please confirm that this is your email address for {props.organizationName}. The link works once, for 48 hours.
      </Paragraph>
      <Paragraph>{props.nextStep}</Paragraph>
    </EmailLayout>
  ),
};
