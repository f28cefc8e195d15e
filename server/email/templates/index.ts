import type { ReactElement } from 'react';
import { accountCreated } from './account-created';
import { accountExists } from './account-exists';
import { approvalDecided, approvalReminder, approvalRequested } from './approval-emails';
import { approvalHandedOn, approvalQuestionAnswered, approvalQuestionAsked } from './approval-thread-emails';
import { instantAccount } from './instant-account';
import { instantAccountRefused } from './instant-account-refused';
import { joinDecided } from './join-decided';
import { joinRequested } from './join-requested';
import { membershipAdded } from './membership-added';
import {
  orderAllocated,
  orderBackordered,
  orderCanceled,
  orderReceived,
  orderShipped,
  paymentReviewed,
} from './order-emails';
import { organizationApproved } from './organization-approved';
import { organizationRejected } from './organization-rejected';
import { passwordChanged } from './password-changed';
import { quoteAnswered, quoteRequested } from './quote-emails';
import { passwordReset } from './password-reset';
import { registrationReceived } from './registration-received';
import { representativeAssigned } from './representative-assigned';
import { reverify } from './reverify';
import { verifyEmail } from './verify-email';

type Template<P> = { subject: (props: P) => string; Body: (props: P) => ReactElement };

/** One entry per kind of email; the outbox stores the kind and its props, rendered at send time. */
export const emailTemplates = {
  'password-reset': passwordReset,
  'password-changed': passwordChanged,
  'verify-email': verifyEmail,
  'account-exists': accountExists,
  'registration-received': registrationReceived,
  'representative-assigned': representativeAssigned,
  'organization-approved': organizationApproved,
  'organization-rejected': organizationRejected,
  'join-requested': joinRequested,
  'join-decided': joinDecided,
  'instant-account': instantAccount,
  'instant-account-refused': instantAccountRefused,
  'account-created': accountCreated,
  'membership-added': membershipAdded,
  reverify,
  'order-received': orderReceived,
  'payment-reviewed': paymentReviewed,
  'order-backordered': orderBackordered,
  'order-allocated': orderAllocated,
  'order-shipped': orderShipped,
  'order-canceled': orderCanceled,
  'approval-requested': approvalRequested,
  'approval-decided': approvalDecided,
  'approval-reminder': approvalReminder,
  'approval-question-asked': approvalQuestionAsked,
  'approval-question-answered': approvalQuestionAnswered,
  'approval-handed-on': approvalHandedOn,
  'quote-requested': quoteRequested,
  'quote-answered': quoteAnswered,
} satisfies Record<string, Template<never>>;

export type EmailKind = keyof typeof emailTemplates;
export type EmailProps<K extends EmailKind> = Parameters<(typeof emailTemplates)[K]['Body']>[0];

export function isEmailKind(kind: string): kind is EmailKind {
  return Object.hasOwn(emailTemplates, kind);
}
