import { z } from 'zod';

/** The longest range the insights read: two years, so no chart asks for the whole history at once. */
export const MAX_RANGE_DAYS = 731;

/** A form's empty field ("") means "not given". */
const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);

const dayField = (what: string) =>
  z.preprocess(blankIsAbsent, z.iso.date(`Enter the ${what} date as YYYY-MM-DD, like 2026-03-01.`).optional());

/**
 * The insights filters, from the page's GET form: a date range (calendar days in the
 * organization's zone, both included) and a unit. Absent fields take the defaults (the last twelve
 * months, the whole reach).
 */
export const insightsFilterSchema = z
  .object({
    from: dayField('first'),
    to: dayField('last'),
    unitId: z.preprocess(blankIsAbsent, z.uuid('That unit was not found.').optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The first date must not be after the last date.',
    path: ['from'],
  })
  .refine((f) => !f.from || !f.to || (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `Choose a range of at most ${MAX_RANGE_DAYS} days.`,
    path: ['to'],
  });
export type InsightsFilterInput = z.infer<typeof insightsFilterSchema>;
