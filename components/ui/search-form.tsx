import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/**
 * The search and filter form of a list page: a GET form, so the filters live in the address and
 * work before the page has hydrated (there is nothing secret to put in the address bar).
 */
export function SearchForm({
  label,
  action,
  submitLabel,
  children,
  after,
  more,
}: {
  /** The form's accessible name; without one it is the page's only search. */
  label?: string;
  action?: string;
  submitLabel: string;
  children: ReactNode;
  /** After the submit button, e.g. a "Clear filters" link. */
  after?: ReactNode;
  /**
   * Filters used now and then, folded under "More filters" so a phone's first screen reaches the
   * list; unfolded when one of them is in use, so a filtered list shows why.
   */
  more?: { active: boolean; children: ReactNode };
}) {
  return (
    <form className="search-form" role="search" aria-label={label} action={action}>
      {children}
      <button type="submit" className="button">
        {submitLabel}
      </button>
      {after}
      {more && (
        <details className="more-filters" open={more.active || undefined}>
          <summary>More filters</summary>
          <div className="search-form">{more.children}</div>
        </details>
      )}
    </form>
  );
}

type InputProps = Omit<ComponentPropsWithoutRef<'input'>, 'id' | 'name' | 'defaultValue'> & {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
};

/** A labelled text, search or date box of a search form. */
export function SearchField({ id, label, ...input }: InputProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

/** A labelled select of a search form whose empty first choice (`anyLabel`) filters nothing. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  anyLabel,
  options,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string | undefined | null;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? ''}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
