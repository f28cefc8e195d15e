import { EmailLayout, Paragraph } from './layout';

export type AccountCreatedProps = { name: string; organizationName: string; setPasswordUrl: string; createdBy: string };

/** An account made for someone (by staff or an administrator): they choose their own password. */
export const accountCreated = {
  subject: (props: AccountCreatedProps) => `Your Countersign account for ${props.organizationName}`,
  Body: (props: AccountCreatedProps) => (
    <EmailLayout
      reason={`You receive this because ${props.createdBy} created an account for you at ${props.organizationName}.`}
      preview="Choose your password"
      action={{ label: 'Choose a password', url: props.setPasswordUrl }}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.createdBy} created a Countersign account for you at {props.organizationName}. Choose a password to start;
        the link works once, for 7 days.
      </Paragraph>
    </EmailLayout>
  ),
};
