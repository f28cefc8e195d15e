import { EmailLayout, Paragraph } from './layout';

export type JoinRequestedProps = {
  organizationName: string;
  requesterName: string;
  requesterEmail: string;
  reviewUrl: string;
};

export const joinRequested = {
  subject: (props: JoinRequestedProps) => `${props.requesterName} asks to join ${props.organizationName}`,
  Body: (props: JoinRequestedProps) => (
    <EmailLayout
      reason={`You receive this because you manage the members of ${props.organizationName}.`}
      preview="A request to join your organization"
      action={{ label: 'Review the request', url: props.reviewUrl }}
    >
      <Paragraph>
        {props.requesterName} ({props.requesterEmail}) used your organization&apos;s invitation code to ask to join{' '}
        {props.organizationName} as a buyer.
      </Paragraph>
      <Paragraph>Approve or decline the request from the administration pages. Nothing changes until you do.</Paragraph>
    </EmailLayout>
  ),
};
