import { pgEnum } from 'drizzle-orm/pg-core';
import { EMAIL_TOKEN_PURPOSES } from '@/server/domain/auth/tokens';
import {
  MEMBERSHIP_STATUSES,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  PAYMENT_METHODS,
  SHOP_ACCOUNT_ROLES,
  USER_STATUSES,
} from '@/server/domain/organizations/status';
import { APPROVAL_STEP_STATUSES, INBOX_STATES, LIMIT_PERIODS } from '@/server/domain/approvals/evaluate';
import { PAYMENT_STATUSES } from '@/server/domain/orders/payment';
import { QUOTE_STATUSES } from '@/server/domain/quotes/status';
import { ORDER_STATUSES } from '@/server/domain/orders/state-machine';

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS);
export const organizationStatus = pgEnum('organization_status', ORGANIZATION_STATUSES);
export const userStatus = pgEnum('user_status', USER_STATUSES);
export const shopAccountRole = pgEnum('shop_account_role', SHOP_ACCOUNT_ROLES);
export const emailTokenPurpose = pgEnum('email_token_purpose', EMAIL_TOKEN_PURPOSES);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);
export const jobRunStatus = pgEnum('job_run_status', ['running', 'succeeded', 'failed']);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);
export const packageStatus = pgEnum('package_status', ['packed', 'shipped']);
export const limitPeriod = pgEnum('limit_period', LIMIT_PERIODS);
export const approvalStepStatus = pgEnum('approval_step_status', APPROVAL_STEP_STATUSES);
export const inboxState = pgEnum('inbox_state', INBOX_STATES);
export const quoteStatus = pgEnum('quote_status', QUOTE_STATUSES);
