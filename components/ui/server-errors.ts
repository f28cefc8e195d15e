import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

type ErrorWithFields = { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

/**
 * Puts the server's field errors beside the fields they name, and returns the message for the
 * form as a whole when no field claimed it.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ErrorWithFields,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  const fieldErrors = error.data?.fieldErrors ?? {};
  let placed = false;
  for (const field of fields) {
    const message = fieldErrors[field]?.[0];
    if (message) {
      setError(field, { type: 'server', message });
      placed = true;
    }
  }
  return placed ? null : error.message;
}
