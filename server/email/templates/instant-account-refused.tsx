import { EmailLayout, Paragraph } from './layout';

export type InstantAccountRefusedProps = {
  name: string;
  reason: 'cash_account' | 'excluded';
  customerNames: string[];
};

/**
 * To a contact whose customer cannot have an online account: the request form answers everyone
 * alike, so the reason goes only to the address itself.
 */
export const instantAccountRefused = {
  subject: () => 'About your request for a Countersign account',
  Body: (props: InstantAccountRefusedProps) => {
    const customers = props.customerNames.join(' and ');
    return (
      <EmailLayout
        reason="You receive this because someone asked for an online account with this address on our website."
        preview="We cannot open an online account automatically"
      >
        <Paragraph>Hello {props.name},</Paragraph>
        <Paragraph>
          Someone, probably you, asked for an online account with this email address. You are a contact of {customers}{' '}
          in our customer records,{' '}
          {props.reason === 'cash_account'
            ? 'which is our cash-sale account: its contacts cannot get an online account automatically.'
            : 'and we cannot create an online account for it automatically.'}
        </Paragraph>
        <Paragraph>Reply to this email and we will set you up.</Paragraph>
        <Paragraph>If this was not you, you can ignore this email: nothing was created.</Paragraph>
      </EmailLayout>
    );
  },
};
