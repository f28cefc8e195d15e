'use client';

import { zodResolver } from '@/components/ui/zod-resolver';
import { useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';

type FieldMessages = Record<string, string[] | undefined>;

/** A refusal as a form receives it: from a tRPC mutation (`data.fieldErrors`) or a server action (`fieldErrors`). */
export type ServerError = {
  message: string;
  fieldErrors?: FieldMessages | null;
  data?: { fieldErrors?: FieldMessages | null } | null;
};

/**
 * The fields a form shows the server's errors beside: their names, or the server's name for each
 * when it differs from the form's (a line the server knows by number, the form by position).
 */
export type ServerFields<T extends FieldValues> = readonly Path<T>[] | Readonly<Record<string, Path<T>>>;

/**
 * Where the server's field errors go: each one naming a field the form shows goes beside it, and
 * the message is for the form as a whole only when no field claimed it.
 */
export function placeServerErrors<T extends FieldValues>(
  error: ServerError,
  fields: ServerFields<T>,
): { fieldErrors: [Path<T>, string][]; message: string | null } {
  const messages = error.data?.fieldErrors ?? error.fieldErrors ?? {};
  const targets: [string, Path<T>][] = Array.isArray(fields)
    ? (fields as readonly Path<T>[]).map((field) => [field, field])
    : Object.entries(fields as Readonly<Record<string, Path<T>>>);
  const fieldErrors = targets.flatMap(([key, field]): [Path<T>, string][] => {
    const message = messages[key]?.[0];
    return message ? [[field, message]] : [];
  });
  return { fieldErrors, message: fieldErrors.length > 0 ? null : error.message };
}

type Options<T extends FieldValues> = Omit<UseFormProps<T>, 'resolver'> & {
  /** The zod schema the form validates with, usually picked from the request's. */
  schema: z.ZodType<T, FieldValues>;
  /** The fields that show the server's errors, or a function of the values when they vary (rows). */
  fields: ServerFields<T> | ((values: T) => ServerFields<T>);
};

/**
 * react-hook-form's `useForm` with the schema's resolver, and the server's refusals mapped onto it:
 * `onServerError` puts field errors beside their fields (type 'server') and keeps the rest as
 * `formError`, the message shown above the form.
 */
export function useServerForm<T extends FieldValues>({ schema, fields, ...options }: Options<T>) {
  // The schema's output is checked against the values; its input (defaults, coercions) may be looser.
  const form = useForm<T>({ ...options, resolver: zodResolver(schema) as Resolver<T> });
  const [formError, setFormError] = useState<string | null>(null);
  const onServerError = (error: ServerError) => {
    const placed = placeServerErrors(error, typeof fields === 'function' ? fields(form.getValues()) : fields);
    for (const [field, message] of placed.fieldErrors) form.setError(field, { type: 'server', message });
    setFormError(placed.message);
  };
  return { form, formError, setFormError, onServerError };
}
