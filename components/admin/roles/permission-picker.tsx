'use client';

import { useId } from 'react';
import { allowedScopes, SCOPE_CHOICES } from '@/server/domain/access/custom-roles';
import {
  PERMISSION_TABLE,
  scopeCovers,
  type Grant,
  type Permission,
  type Scope,
} from '@/server/domain/access/permissions';
import { FLAG_NOTES, PERMISSION_GROUPS } from './permission-groups';

const NOT_HELD = 'You do not hold this.';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type PickerProps = {
  value: readonly Grant[];
  onChange: (grants: Grant[]) => void;
  /** The editor's own grants: anything beyond them is shown disabled (the server refuses it anyway). */
  yourGrants: readonly Grant[];
  error?: string;
};

/**
 * The permission list of a role: a checkbox per permission, grouped, with a scope beside each
 * scoped one. What the editor does not hold is disabled, except where the role already has it, so
 * that it can still be taken away.
 */
export function PermissionPicker({ value, onChange, yourGrants, error }: PickerProps) {
  const errorId = useId();
  const held = new Map(yourGrants.map((grant) => [grant.permission, grant.scope]));
  const chosen = new Map(value.map((grant) => [grant.permission, grant.scope]));

  const set = (permission: Permission, scope: Scope | null) => {
    const next = new Map(chosen);
    if (scope) next.set(permission, scope);
    else next.delete(permission);
    onChange([...next].map(([p, s]) => ({ permission: p, scope: s })));
  };

  return (
    <fieldset
      className="fieldset"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Permissions</legend>
      <p className="field-hint">You can give only what you hold yourself, as far as it reaches for you.</p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {PERMISSION_GROUPS.map((group) => (
        <fieldset key={group.label} className="fieldset" style={{ gap: '0.75rem' }}>
          <legend>{group.label}</legend>
          {group.permissions.map((permission) => (
            <PermissionRow
              key={permission}
              permission={permission}
              scope={chosen.get(permission) ?? null}
              heldScope={held.get(permission) ?? null}
              onChange={(scope) => set(permission, scope)}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

function PermissionRow(props: {
  permission: Permission;
  scope: Scope | null;
  heldScope: Scope | null;
  onChange: (scope: Scope | null) => void;
}) {
  const { permission, scope, heldScope } = props;
  const id = useId();
  const definition = PERMISSION_TABLE[permission];
  const scopes = allowedScopes(permission);
  const checked = scope !== null;
  const canGive = heldScope !== null;
  const defaultScope = heldScope ?? scopes[scopes.length - 1] ?? 'org';
  const notes = [!canGive && NOT_HELD, definition.flag && FLAG_NOTES[definition.flag]].filter(Boolean).join(' ');
  return (
    <div style={{ display: 'grid', gap: '0.3rem' }}>
      <label className="checkbox" htmlFor={`${id}-check`}>
        <input
          id={`${id}-check`}
          type="checkbox"
          style={{ flex: 'none' }}
          checked={checked}
          disabled={!canGive && !checked}
          aria-describedby={notes ? `${id}-notes` : undefined}
          onChange={(event) => props.onChange(event.target.checked ? defaultScope : null)}
        />
        <span id={`${id}-label`}>{definition.label}</span>
      </label>
      {notes && (
        <p id={`${id}-notes`} className="field-hint" style={{ marginLeft: '1.65rem' }}>
          {notes}
        </p>
      )}
      {definition.scopes && (
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: '0.25rem 0.5rem',
            alignItems: 'center',
            marginLeft: '1.65rem',
          }}
        >
          <span id={`${id}-reaches`} className="field-hint">
            reaches
          </span>
          <select
            aria-labelledby={`${id}-label ${id}-reaches`}
            value={scope ?? defaultScope}
            disabled={!checked}
            onChange={(event) => props.onChange(event.target.value as Scope)}
            style={{
              font: 'inherit',
              minHeight: '2.75rem',
              padding: '0.4rem 0.5rem',
              border: '1px solid #9aa3b2',
              borderRadius: '6px',
              background: '#fff',
              maxWidth: '100%',
            }}
          >
            {scopes.map((option) => {
              const beyond = !heldScope || !scopeCovers(heldScope, option);
              return (
                <option key={option} value={option} disabled={beyond && option !== scope}>
                  {`${capitalized(SCOPE_CHOICES[option])}${beyond ? ' (you do not hold this)' : ''}`}
                </option>
              );
            })}
          </select>
        </div>
      )}
    </div>
  );
}
