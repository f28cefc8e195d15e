'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  createUnitSchema,
  moveUnitSchema,
  renameUnitSchema,
  type CreateUnitInput,
  type MoveUnitInput,
  type RenameUnitInput,
} from '@/server/schemas/units';
import { Heading } from './heading';

type Named = { id: string; name: string };

/** A new unit directly below `parent`. */
export function AddUnitForm({ parent, title, level }: { parent: Named; title: string; level: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const { form, formError, setFormError, onServerError } = useServerForm<CreateUnitInput>({
    schema: createUnitSchema,
    fields: ['name'],
    defaultValues: { parentId: parent.id, name: '' },
  });
  const create = useMutation(
    trpc.units.create.mutationOptions({
      onMutate: () => {
        setFormError(null);
        setAdded(null);
      },
      onSuccess: (_data, values) => {
        setAdded(values.name);
        form.reset({ parentId: parent.id, name: '' });
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      aria-label={`Add a unit below ${parent.name}`}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <Heading level={level}>{title}</Heading>
      {formError && <Alert tone="error">{formError}</Alert>}
      {added && (
        <Alert tone="success">
          Added “{added}” below “{parent.name}”.
        </Alert>
      )}
      <Field
        label="Name of the new unit"
        autoComplete="off"
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <SubmitButton pending={create.isPending}>Add unit</SubmitButton>
    </form>
  );
}

/** A new name for a unit; names differ among units under the same parent. */
export function RenameUnitForm({ unit, level }: { unit: Named; level: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<RenameUnitInput>({
    schema: renameUnitSchema,
    fields: ['name'],
    defaultValues: { unitId: unit.id, name: unit.name },
  });
  const rename = useMutation(
    trpc.units.rename.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      aria-label={`Rename ${unit.name}`}
      onSubmit={form.handleSubmit((values) => rename.mutate(values))}
    >
      <Heading level={level}>Rename</Heading>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="New name"
        autoComplete="off"
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <SubmitButton pending={rename.isPending}>Rename</SubmitButton>
    </form>
  );
}

/** Moves the unit and its branch; `targets` are the places the tree rules accept. */
export function MoveUnitForm({
  unit,
  targets,
  level,
}: {
  unit: Named;
  targets: { id: string; label: string }[];
  level: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<MoveUnitInput>({
    schema: moveUnitSchema,
    fields: ['parentId'],
    defaultValues: { unitId: unit.id, parentId: '' },
  });
  const move = useMutation(
    trpc.units.move.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  if (targets.length === 0) {
    return (
      <div>
        <Heading level={level}>Move</Heading>
        <p className="field-hint">
          There is nowhere “{unit.name}” can move: every other place is below it, already holds a unit of that name, or
          would be too deep.
        </p>
      </div>
    );
  }
  return (
    <form
      className="form"
      noValidate
      aria-label={`Move ${unit.name}`}
      onSubmit={form.handleSubmit((values) => move.mutate(values))}
    >
      <Heading level={level}>Move, with the units below it</Heading>
      {formError && <Alert tone="error">{formError}</Alert>}
      <SelectField
        label="Move under"
        placeholder="Choose a unit"
        options={targets.map((target) => ({ value: target.id, label: target.label }))}
        error={form.formState.errors.parentId?.message}
        {...form.register('parentId')}
      />
      <p className="field-hint">Only the places it can go are listed: not below itself, and no deeper than level 5.</p>
      <SubmitButton pending={move.isPending}>Move</SubmitButton>
    </form>
  );
}

/** Deactivates an active unit or reactivates a deactivated one; refusals say what to do first. */
export function UnitStatusAction({ unit, active, level }: { unit: Named; active: boolean; level: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = { onSuccess: () => router.refresh() };
  const deactivate = useMutation(trpc.units.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.units.reactivate.mutationOptions(options));
  const mutation = active ? deactivate : reactivate;
  return (
    <div>
      <Heading level={level}>{active ? 'Deactivate' : 'Reactivate'}</Heading>
      {mutation.error && <Alert tone="error">{mutation.error.message}</Alert>}
      <p className="field-hint">
        {active
          ? 'Only a unit without activated members and without active units below it can be deactivated. It stays in the tree, marked deactivated.'
          : 'It becomes active again; the unit above it must be active.'}
      </p>
      <Button
        type="button"
        className="button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ unitId: unit.id })}
      >
        {active ? 'Deactivate' : 'Reactivate'} “{unit.name}”
      </Button>
    </div>
  );
}
