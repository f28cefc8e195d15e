import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ThreadRole } from '@/server/domain/approvals/questions';
import { approvalSteps } from './approvals';
import { orders } from './orders';
import { organizations } from './organizations';
import { memberships, users } from './users';

/**
 * A question an authorizer of a pending step asks the requester. Open until the requester
 * answers (`answeredAt`); while open, the step is not reminded and the order shows "waiting for
 * the requester's answer". A question decides nothing: the step may be decided meanwhile.
 */
export const approvalQuestions = pgTable(
  'approval_questions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    stepId: uuid()
      .notNull()
      .references(() => approvalSteps.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    askedByMembershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    question: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredByMembershipId: uuid().references(() => memberships.id),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.stepId, t.answeredAt),
    // Open questions by order: the inbox's "Questions asked" filter and the reminders' skip read this small index.
    index('approval_questions_open_idx')
      .on(t.orderId)
      .where(sql`${t.answeredAt} is null`),
    // One open question per step: asking again while it is open adds to the same thread.
    uniqueIndex('approval_questions_open_step_key')
      .on(t.stepId)
      .where(sql`${t.answeredAt} is null`),
  ],
);

/**
 * The thread of an order's questions and answers, in the order they were written: `position` is
 * taken under the order's lock, so two answers written at once are both kept, one after the other.
 */
export const approvalThreadMessages = pgTable(
  'approval_thread_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    position: integer().notNull(),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: varchar({ length: 12 }).$type<ThreadRole>().notNull(),
    body: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('approval_thread_messages_position_key').on(t.orderId, t.position), index().on(t.organizationId)],
);

export type ApprovalQuestionRow = typeof approvalQuestions.$inferSelect;
export type ApprovalThreadMessageRow = typeof approvalThreadMessages.$inferSelect;
