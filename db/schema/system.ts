import { index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { jobRunStatus } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/** Who did what to which organization's data, for administrators' history pages. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().references(() => organizations.id),
    actorUserId: uuid().references(() => users.id),
    action: varchar({ length: 100 }).notNull(),
    targetType: varchar({ length: 50 }).notNull(),
    targetId: uuid(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.createdAt), index().on(t.targetId)],
);

/** One row per run of a scheduled job, whoever triggered it. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    job: varchar({ length: 64 }).notNull(),
    trigger: varchar({ length: 16 }).notNull(),
    status: jobRunStatus().notNull().default('running'),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    result: jsonb().$type<Record<string, number>>(),
    error: text(),
  },
  (t) => [index().on(t.job, t.startedAt), index().on(t.startedAt)],
);

export type JobRun = typeof jobRuns.$inferSelect;
