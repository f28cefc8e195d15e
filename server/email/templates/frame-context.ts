import { createContext } from 'react';

/** What every email's header and footer show around its template: who sends it, and its subject. */
export type EmailFrame = {
  storeName: string;
  /** Absolute: an email is read far from the app. */
  logoUrl: string;
  seller: { name: string; address: string | null };
  subject: string;
};

export const STORE_NAME = 'Countersign';

/** Set by `renderEmail` for each email; the default only serves a template rendered on its own. */
export const EmailFrameContext = createContext<EmailFrame>({
  storeName: STORE_NAME,
  logoUrl: '/brand/email-logo.png',
  seller: { name: STORE_NAME, address: null },
  subject: STORE_NAME,
});
