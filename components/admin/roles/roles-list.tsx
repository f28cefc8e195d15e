'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { GrantList } from './grant-list';

type Role = RouterOutputs['roles']['list']['roles'][number];

const members = (count: number) => (count === 1 ? '1 member' : `${count} members`);

/** The predefined roles to read and the organization's own roles to edit or delete. */
export function RolesList({ savedId }: { savedId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.roles.list.queryOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useMutation(
    trpc.roles.delete.mutationOptions({
      onMutate: () => setDeleted(null),
      onSuccess: (_data, input) =>
        setDeleted(list.data?.roles.find((role) => role.id === input.roleId)?.name ?? 'the role'),
      onSettled: () => {
        setConfirming(null);
        return queryClient.invalidateQueries({ queryKey: trpc.roles.list.queryKey() });
      },
    }),
  );
  if (list.isPending) return <p role="status">Loading roles…</p>;
  if (list.error) return <Alert tone="error">{list.error.message}</Alert>;
  const predefined = list.data.roles.filter((role) => role.predefined);
  const custom = list.data.roles.filter((role) => !role.predefined);
  const saved = !deleted && !remove.error ? custom.find((role) => role.id === savedId) : undefined;
  return (
    <>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      {deleted && <Alert tone="success">Deleted “{deleted}”.</Alert>}
      {saved && <Alert tone="success">Saved “{saved.name}”.</Alert>}

      <section className="card" aria-labelledby="custom-roles">
        <h2 id="custom-roles">Your organization’s roles</h2>
        <p>
          Roles you make from the permission list. Edit one and everyone holding it gets the change on their next
          request.
        </p>
        <p>
          <Link href="/admin/roles/new" className="button button-primary">
            New role
          </Link>
        </p>
        {custom.length === 0 ? (
          <p>No custom roles yet.</p>
        ) : (
          <RoleTable roles={custom}>
            {(role) => (
              <div className="actions">
                <Link href={`/admin/roles/${role.id}`} className="button button-small" aria-label={`Edit ${role.name}`}>
                  Edit
                </Link>
                {confirming === role.id ? (
                  <>
                    <span>Delete “{role.name}”?</span>
                    <Button
                      type="button"
                      className="button button-small button-primary"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ roleId: role.id })}
                    >
                      Yes, delete it
                    </Button>
                    <Button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                      Keep it
                    </Button>
                  </>
                ) : (
                  <Button
                    type="button"
                    className="button button-small"
                    aria-label={`Delete ${role.name}`}
                    onClick={() => setConfirming(role.id)}
                  >
                    Delete
                  </Button>
                )}
              </div>
            )}
          </RoleTable>
        )}
      </section>

      <section className="card" aria-labelledby="predefined-roles">
        <h2 id="predefined-roles">Predefined roles</h2>
        <p>Every organization has these. They cannot be changed; make a custom role when you need something else.</p>
        <RoleTable roles={predefined} />
      </section>
    </>
  );
}

function RoleTable({ roles, children }: { roles: Role[]; children?: (role: Role) => ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th>Role</th>
            <th>Permissions</th>
            <th>Members</th>
            {children && <th>Actions</th>}
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.id} data-testid={`role-${role.id}`}>
              <td data-label="Role">
                <div>
                  <strong>{role.name}</strong> {role.predefined && <span className="badge">predefined</span>}
                  {role.description && <p className="field-hint">{role.description}</p>}
                </div>
              </td>
              <td data-label="Permissions">
                <GrantList grants={role.grants} />
              </td>
              <td data-label="Members">{members(role.memberCount)}</td>
              {children && <td data-label="Actions">{children(role)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
