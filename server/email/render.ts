import { render } from '@react-email/render';
import { createElement } from 'react';
import { defaultEmailSender } from './frame';
import { emailTemplates, isEmailKind, type EmailKind } from './templates';
import { emailFrameStorage, type EmailFrame } from './templates/frame-context';

export type RenderedEmail = { subject: string; html: string; text: string };

/** The email of `kind` with its props, framed by the sender (the seller, read by the dispatcher). */
export async function renderEmail(
  kind: string,
  props: Record<string, unknown>,
  sender: Omit<EmailFrame, 'subject'> = defaultEmailSender(),
): Promise<RenderedEmail> {
  if (!isEmailKind(kind)) throw new Error(`Unknown email kind "${kind}"`);
  const template = emailTemplates[kind as EmailKind] as unknown as {
    subject: (props: unknown) => string;
    Body: (props: unknown) => React.ReactElement;
  };
  const subject = template.subject(props);
  const element = createElement(template.Body, props);
  // The text part comes from the same HTML; what only helps in HTML (the address under a button) is
  // marked data-skip-in-text, so each link appears in it once.
  const [html, text] = await emailFrameStorage.run({ ...sender, subject }, () =>
    Promise.all([render(element), render(element, { plainText: true })]),
  );
  return { subject, html, text };
}
