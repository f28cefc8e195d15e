import { z } from 'zod';

/** A page's query parameters as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; an empty one is absent. */
export const firstParam = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** A page number from the address: anything that is not a whole number from 1 up reads as 1. */
export const pageParam = (value: string | string[] | undefined): number =>
  Math.max(1, Math.trunc(Number(firstParam(value))) || 1);

/**
 * A list's input from the address bar. Each malformed or unknown filter is left out on its own and
 * named in `problems`, so that `?q=smith&status=nonsense` still searches for smith; a shared or
 * hand-edited link never turns a list into an error page, nor quietly into the unfiltered list.
 */
export function listInputFrom<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, unknown>,
): { input: z.output<S>; problems: string[] } {
  const fields: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const field = schema.shape[key];
    const checked = field ? z.safeParse(field, value) : undefined;
    if (checked?.success) fields[key] = value;
    else problems.push(checked?.error.issues[0]?.message ?? `Unknown filter “${key}”.`);
  }
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { input: parsed.data, problems };
  // A rule across fields (a date range the wrong way round): leave out the fields it names.
  for (const issue of parsed.error.issues) {
    delete fields[String(issue.path[0])];
    problems.push(issue.message);
  }
  const retried = schema.safeParse(fields);
  return { input: retried.success ? retried.data : schema.parse({}), problems };
}
