'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { MEMBER_FLAG_LABELS, MEMBER_FLAGS, updateMemberSchema, type UpdateMemberInput } from '@/server/schemas/members';

type Options = { units: { id: string; name: string }[]; roles: { id: string; name: string; grantable: boolean }[] };
type Values = Omit<UpdateMemberInput, 'membershipId'>;

const FIELDS = ['name', 'email', 'unitId', 'roleIds', ...MEMBER_FLAGS] as const;
// The create form validates with the same rules; the id is filled in for edits only.
const formSchema = updateMemberSchema.omit({ membershipId: true });

/** Sana's sub-account form: name, email, unit, roles and the flags. */
export function MemberForm({
  options,
  membershipId,
  initial,
  emailLocked,
}: {
  options: Options;
  membershipId?: string;
  initial: Values;
  emailLocked?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<Values>({
    schema: formSchema,
    fields: FIELDS,
    defaultValues: initial,
  });
  const create = useMutation(
    trpc.members.create.mutationOptions({
      onError: onServerError,
      onSuccess: (result) => router.push(`/admin/members/${result.membershipId}?created=1`),
    }),
  );
  const update = useMutation(
    trpc.members.update.mutationOptions({ onError: onServerError, onSuccess: () => router.refresh() }),
  );
  const pending = create.isPending || update.isPending;
  const errors = form.formState.errors;

  return (
    <form
      className="form"
      noValidate
      aria-label={membershipId ? 'Edit sub-account' : 'New sub-account'}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        if (membershipId) update.mutate({ ...values, membershipId });
        else create.mutate(values);
      })}
    >
      {update.isSuccess && <Alert tone="success">Saved.</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <Field
        label="E-mail address"
        type="email"
        autoComplete="off"
        readOnly={emailLocked}
        hint={emailLocked ? 'They sign in with it; it cannot change any more.' : undefined}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <SelectField
        label="Unit"
        options={options.units.map((unit) => ({ value: unit.id, label: unit.name }))}
        error={errors.unitId?.message}
        {...form.register('unitId')}
      />
      <fieldset className="fieldset" aria-describedby={errors.roleIds ? 'roles-error' : undefined}>
        <legend>Roles</legend>
        {options.roles.map((role) => (
          <label key={role.id} className="checkbox">
            <input type="checkbox" value={role.id} disabled={!role.grantable} {...form.register('roleIds')} />
            {role.name}
            {!role.grantable && <span className="field-hint"> (holds permissions you do not have)</span>}
          </label>
        ))}
        {errors.roleIds && (
          <p id="roles-error" className="field-error">
            {errors.roleIds.message}
          </p>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>May</legend>
        {MEMBER_FLAGS.map((flag) => (
          <label key={flag} className="checkbox">
            <input type="checkbox" {...form.register(flag)} /> {MEMBER_FLAG_LABELS[flag]}
            {errors[flag] && <span className="field-error"> {errors[flag]?.message}</span>}
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={pending}>{membershipId ? 'Save changes' : 'Create and send invitation'}</SubmitButton>
    </form>
  );
}
