import { render } from '@react-email/render';
import { createElement } from 'react';
import { emailTemplates, isEmailKind, type EmailKind } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail(kind: string, props: Record<string, unknown>): Promise<RenderedEmail> {
  if (!isEmailKind(kind)) throw new Error(`Unknown email kind "${kind}"`);
  const template = emailTemplates[kind as EmailKind] as unknown as {
    subject: (props: unknown) => string;
    Body: (props: unknown) => React.ReactElement;
  };
  const element = createElement(template.Body, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}
