'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Controller } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import type { Grant } from '@/server/domain/access/permissions';
import { roleSchema, type RoleInput } from '@/server/schemas/roles';
import { PermissionPicker } from './permission-picker';

const FIELDS = ['name', 'description', 'grants'] as const;

type EditedRole = { id: string; name: string; description: string; grants: Grant[] };

/** Creates a custom role, or edits `role`; back to the list once saved. */
export function RoleForm({ role, yourGrants }: { role?: EditedRole; yourGrants: Grant[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { form, formError, setFormError, onServerError } = useServerForm<RoleInput>({
    schema: roleSchema,
    fields: FIELDS,
    defaultValues: { name: role?.name ?? '', description: role?.description ?? '', grants: role?.grants ?? [] },
  });
  const handlers = {
    onMutate: () => setFormError(null),
    onSuccess: async ({ id }: { id: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.roles.pathKey() });
      router.push(`/admin/roles?saved=${id}`);
    },
    onError: onServerError,
  };
  const create = useMutation(trpc.roles.create.mutationOptions(handlers));
  const update = useMutation(trpc.roles.update.mutationOptions(handlers));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    role ? update.mutate({ roleId: role.id, ...values }) : create.mutate(values),
  );
  return (
    <form
      className="form"
      style={{ maxWidth: '36rem' }}
      noValidate
      onSubmit={submit}
      aria-label={role ? `Edit ${role.name}` : 'New role'}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Name" maxLength={100} autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <TextareaField
        label="Description (optional)"
        maxLength={500}
        hint="What the role is for, so others pick the right one."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <Controller
        control={form.control}
        name="grants"
        render={({ field, fieldState }) => (
          <PermissionPicker
            value={field.value}
            onChange={field.onChange}
            yourGrants={yourGrants}
            error={fieldState.error?.message ?? fieldState.error?.root?.message}
          />
        )}
      />
      <div className="actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {role ? 'Save changes' : 'Create role'}
        </SubmitButton>
        <Link className="button" href="/admin/roles">
          Cancel
        </Link>
      </div>
    </form>
  );
}
