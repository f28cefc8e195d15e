import { AsyncLocalStorage } from 'node:async_hooks';

/** What every email's header and footer show around its template: who sends it, and its subject. */
export type EmailFrame = {
  storeName: string;
  /** Absolute: an email is read far from the app. */
  logoUrl: string;
  seller: { name: string; address: string | null };
  subject: string;
};

export const STORE_NAME = 'Countersign';

const DEFAULT_FRAME: EmailFrame = {
  storeName: STORE_NAME,
  logoUrl: '/brand/email-logo.png',
  seller: { name: STORE_NAME, address: null },
  subject: STORE_NAME,
};

/**
 * Set by `renderEmail` around each render. Not a React context: the app's server bundle has no
 * createContext, and emails are rendered from route handlers and server components alike.
 */
export const emailFrameStorage = new AsyncLocalStorage<EmailFrame>();

/** The frame of the email being rendered; the default only serves a template rendered on its own. */
export function currentEmailFrame(): EmailFrame {
  return emailFrameStorage.getStore() ?? DEFAULT_FRAME;
}
