import { escalateOverdueSteps, sendReminders } from '@/server/services/approvals/reminders';
import type { ReminderSettings } from '@/server/domain/approvals/reminders';
import { serverEnv } from '@/server/env';
import type { Job, JobContext } from './types';

export { remindDue } from '@/server/services/approvals/reminders';

/** The reminder interval and escalation period from the environment. */
export function reminderSettings(): ReminderSettings {
  const env = serverEnv();
  return { reminderHours: env.AUTHORIZATION_REMINDER_HOURS, escalationDays: env.AUTHORIZATION_ESCALATION_DAYS };
}

/**
 * Reminds authorizers of orders waiting for them too long, then offers steps waiting longer than
 * the escalation period to the organization's account managers (server/services/approvals/reminders.ts).
 * Two runs at once never email anyone twice.
 */
export async function runAuthorizationReminders({ db, now }: JobContext, settings: ReminderSettings) {
  const reminders = await sendReminders(db, now, settings);
  const escalations = await escalateOverdueSteps(db, now, settings);
  return { ...reminders, ...escalations };
}

export const authorizationRemindersJob: Job = (context) => runAuthorizationReminders(context, reminderSettings());
