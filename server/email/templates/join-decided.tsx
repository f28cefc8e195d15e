import { EmailLayout, Paragraph } from './layout';

export type JoinDecidedProps = { name: string; organizationName: string; approved: boolean; signInUrl: string };

export const joinDecided = {
  subject: (props: JoinDecidedProps) =>
    props.approved
      ? `You can now order for ${props.organizationName}`
      : `Your request to join ${props.organizationName}`,
  Body: (props: JoinDecidedProps) => (
    <EmailLayout
      reason={`You receive this because you asked to join ${props.organizationName}.`}
      preview={props.approved ? 'Your request was approved' : 'Your request was declined'}
      action={props.approved ? { label: 'Sign in', url: props.signInUrl } : undefined}
    >
      <Paragraph>Hello {props.name},</Paragraph>
      <Paragraph>
        {props.approved
          ? `The administrator of ${props.organizationName} approved your request. Sign in with the email address and password you chose.`
          : `The administrator of ${props.organizationName} declined your request to join. Ask them directly if you think this is a mistake.`}
      </Paragraph>
    </EmailLayout>
  ),
};
