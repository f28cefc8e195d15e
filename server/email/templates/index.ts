import type { ReactElement } from 'react';
import { passwordChanged } from './password-changed';
import { passwordReset } from './password-reset';

type Template<P> = { subject: (props: P) => string; Body: (props: P) => ReactElement };

/** One entry per kind of email; the outbox stores the kind and its props, rendered at send time. */
export const emailTemplates = {
  'password-reset': passwordReset,
  'password-changed': passwordChanged,
} satisfies Record<string, Template<never>>;

export type EmailKind = keyof typeof emailTemplates;
export type EmailProps<K extends EmailKind> = Parameters<(typeof emailTemplates)[K]['Body']>[0];

export function isEmailKind(kind: string): kind is EmailKind {
  return Object.hasOwn(emailTemplates, kind);
}
