import { useId, type ComponentPropsWithRef } from 'react';

type TextareaFieldProps = ComponentPropsWithRef<'textarea'> & { label: string; error?: string; hint?: string };

export function TextareaField({ label, error, hint, id, ...textarea }: TextareaFieldProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  const hintId = hint ? `${textareaId}-hint` : undefined;
  const errorId = error ? `${textareaId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={textareaId}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={textareaId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...textarea}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
