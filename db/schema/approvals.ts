import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  Authorizer,
  Condition,
  RuleApprovers,
  RuleAudience,
  StepSource,
} from '@/server/domain/approvals/evaluate';
import { approvalStepStatus, inboxState, limitPeriod } from './enums';
import { orders } from './orders';
import { organizations } from './organizations';
import { memberships, users } from './users';

/** A sub-account's spending-limit entries (Sana: "spending limit per authorizer"). */
export const spendingLimits = pgTable(
  'spending_limits',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    limitMinor: bigint({ mode: 'number' }).notNull(),
    period: limitPeriod().notNull().default('order'),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.membershipId),
    index().on(t.organizationId),
    check('spending_limits_limit_check', sql`${t.limitMinor} >= 0`),
  ],
);

/** Who approves above a limit entry: any one of them. */
export const spendingLimitAuthorizers = pgTable(
  'spending_limit_authorizers',
  {
    limitId: uuid()
      .notNull()
      .references(() => spendingLimits.id, { onDelete: 'cascade' }),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [primaryKey({ columns: [t.limitId, t.membershipId] }), index().on(t.membershipId)],
);

/** The organization's approval rules; conditions, audience and approvers as the domain types describe them. */
export const approvalRules = pgTable(
  'approval_rules',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: varchar({ length: 100 }).notNull(),
    active: boolean().notNull().default(true),
    tier: integer().notNull().default(1),
    conditions: jsonb().$type<Condition[]>().notNull(),
    appliesTo: jsonb().$type<RuleAudience>().notNull(),
    approvers: jsonb().$type<RuleApprovers>().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('approval_rules_organization_name_key').on(t.organizationId, sql`lower(${t.name})`),
    index().on(t.organizationId),
  ],
);

/**
 * One approval an order needs. Steps of the first tier are `pending` at submit, later ones
 * `waiting` until the tier before is approved. A decision is taken under the step's row lock and
 * records who (and on whose behalf), when and the feedback.
 */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    tier: integer().notNull(),
    source: jsonb().$type<StepSource>().notNull(),
    label: varchar({ length: 200 }).notNull(),
    /** Who may decide it, fixed when the order was submitted (delegates marked on whose behalf). */
    authorizers: jsonb().$type<Authorizer[]>().notNull().default([]),
    /** Why the account managers decide it: 'self' or 'none' (see the approval policy). */
    escalated: varchar({ length: 10 }),
    status: approvalStepStatus().notNull(),
    /** When it became pending: reminders and escalation count from here. */
    pendingSince: timestamp({ withTimezone: true }),
    /** Set when the step was offered to the account managers for being pending too long. */
    escalatedAt: timestamp({ withTimezone: true }),
    decidedByMembershipId: uuid().references(() => memberships.id),
    decidedByUserId: uuid().references(() => users.id),
    onBehalfOfMembershipId: uuid().references(() => memberships.id),
    decidedAt: timestamp({ withTimezone: true }),
    feedback: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index().on(t.orderId, t.tier),
    // Pending steps by age, for the reminders and escalation job; with the order and the escalation
    // mark, so that finding every overdue order (100,000s) reads this index alone.
    index('approval_steps_pending_idx')
      .on(t.pendingSince, t.orderId, t.escalated)
      .where(sql`${t.status} = 'pending'`),
    // Steps the job may still escalate, oldest first: those it already escalated are not in it to be skipped again.
    index('approval_steps_escalation_idx')
      .on(t.pendingSince, t.id)
      .where(sql`${t.status} = 'pending' and ${t.escalatedAt} is null`),
    // Insights: an organization's waiting steps by age, and its decisions of a date range.
    index('approval_steps_insights_pending_idx')
      .on(t.organizationId, t.pendingSince, t.orderId)
      .where(sql`${t.status} = 'pending'`),
    index('approval_steps_insights_decided_idx')
      .on(t.organizationId, t.decidedAt, t.orderId, t.status, t.decidedByMembershipId, t.pendingSince)
      .where(sql`${t.decidedAt} is not null`),
  ],
);

/**
 * The authorizations inbox, one row per (authorizer, order): the order's state as that authorizer
 * sees it, kept in step with every decision in the same transaction. Denormalized so that an
 * inbox page and the "waiting for me" count are one index range each, even for an authorizer
 * with thousands of orders.
 */
export const approvalInbox = pgTable(
  'approval_inbox',
  {
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    state: inboxState().notNull(),
    /** Copied from the order for sorting and filtering without touching orders. */
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    orderNumber: varchar({ length: 20 }).notNull(),
    requesterMembershipId: uuid().notNull(),
    /** Set when the row exists because its authorizer is away and this member is the delegate. */
    onBehalfOfMembershipId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.membershipId, t.orderId] }),
    index('approval_inbox_page_idx').on(
      t.membershipId,
      t.state,
      t.submittedAt.desc().nullsFirst(),
      t.orderId.desc().nullsFirst(),
    ),
    // The requester filter's list: the distinct requesters of one authorizer, read from the index alone.
    index('approval_inbox_requesters_idx').on(t.membershipId, t.requesterMembershipId),
    index().on(t.orderId),
  ],
);

/** Out of office: steps arriving between `startsAt` and `endsAt` are also offered to the delegate. */
export const authorizerDelegations = pgTable(
  'authorizer_delegations',
  {
    membershipId: uuid()
      .primaryKey()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    delegateMembershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.delegateMembershipId),
    check('authorizer_delegations_range_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * When each authorizer was last reminded. The reminders job claims an authorizer with one
 * conditional UPDATE, so two runs at once never both email the same person.
 */
export const authorizerReminders = pgTable('authorizer_reminders', {
  membershipId: uuid()
    .primaryKey()
    .references(() => memberships.id, { onDelete: 'cascade' }),
  lastRemindedAt: timestamp({ withTimezone: true }).notNull(),
});

export type SpendingLimitRow = typeof spendingLimits.$inferSelect;
export type ApprovalRuleRow = typeof approvalRules.$inferSelect;
export type ApprovalStepRow = typeof approvalSteps.$inferSelect;
export type ApprovalInboxRow = typeof approvalInbox.$inferSelect;
