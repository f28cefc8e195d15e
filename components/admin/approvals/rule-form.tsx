'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { COMPARATORS, CONDITION_FIELDS } from '@/server/domain/approvals/evaluate';
import { isAmountField, MAX_CONDITIONS, MAX_TIER } from '@/server/domain/approvals/rule-input';
import { ruleFields, type RuleFields } from '@/server/schemas/approvals-admin';
import { COMPARATOR_LABELS, FIELD_LABELS } from './words';

type Options = RouterOutputs['approvalRules']['options'];
type EditedRule = RuleFields & { id: string; version: number };

const BASE_FIELDS = ['name', 'active', 'tier', 'conditions', 'appliesTo', 'approvers'] as const;

export const BLANK_RULE: RuleFields = {
  name: '',
  active: true,
  tier: 1,
  conditions: [{ field: 'order_total', comparator: '>', value: '' }],
  appliesTo: { kind: 'everyone', roleIds: [], unitIds: [] },
  approvers: { kind: 'role', roleId: '', membershipIds: [] },
};

/** Units depth-first from the organization down, each with its depth, for an indented list. */
function inTreeOrder(units: Options['units']) {
  const byParent = new Map<string | null, Options['units']>();
  for (const unit of units) byParent.set(unit.parentId, [...(byParent.get(unit.parentId) ?? []), unit]);
  const ids = new Set(units.map((unit) => unit.id));
  const roots = units.filter((unit) => !unit.parentId || !ids.has(unit.parentId));
  const ordered: { id: string; name: string; depth: number }[] = [];
  const visit = (unit: Options['units'][number], depth: number) => {
    ordered.push({ id: unit.id, name: unit.name, depth });
    for (const child of byParent.get(unit.id) ?? []) visit(child, depth + 1);
  };
  roots.forEach((root) => visit(root, 0));
  return ordered;
}

/** Creates a rule, or edits `rule`; back to the rules once saved. */
export function RuleForm({ options, rule }: { options: Options; rule?: EditedRule }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<RuleFields>({
    schema: ruleFields,
    defaultValues: rule ?? BLANK_RULE,
    // One value field per condition row, as many as the form holds when the answer comes.
    fields: (values) => [...BASE_FIELDS, ...values.conditions.map((_, index) => `conditions.${index}.value` as const)],
  });
  const conditions = useFieldArray({ control: form.control, name: 'conditions' });
  const handlers = {
    onMutate: () => setFormError(null),
    onSuccess: () => {
      router.push(`/admin/approvals?saved=${encodeURIComponent(form.getValues('name').trim())}`);
      router.refresh();
    },
    onError: onServerError,
  };
  const create = useMutation(trpc.approvalRules.create.mutationOptions(handlers));
  const update = useMutation(trpc.approvalRules.update.mutationOptions(handlers));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const errors = form.formState.errors;
  const audience = useWatch({ control: form.control, name: 'appliesTo.kind' });
  const approverKind = useWatch({ control: form.control, name: 'approvers.kind' });
  const fieldsWatched = useWatch({ control: form.control, name: 'conditions' });
  const submit = form.handleSubmit((values) =>
    rule ? update.mutate({ ...values, ruleId: rule.id, version: rule.version }) : create.mutate(values),
  );
  const units = inTreeOrder(options.units);

  return (
    <form
      className="form"
      style={{ maxWidth: '40rem' }}
      noValidate
      onSubmit={submit}
      aria-label={rule ? `Edit ${rule.name}` : 'New approval rule'}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Name"
        maxLength={100}
        autoComplete="off"
        hint="Shown to requesters and authorizers as the step's name, like “Purchasing”."
        error={errors.name?.message}
        {...form.register('name')}
      />
      <label className="checkbox">
        <input type="checkbox" {...form.register('active')} /> Active: new orders are checked against this rule
      </label>
      <SelectField
        label="Tier"
        options={Array.from({ length: MAX_TIER }, (_, index) => ({
          value: String(index + 1),
          label: String(index + 1),
        }))}
        error={errors.tier?.message}
        {...form.register('tier', { valueAsNumber: true })}
      />
      <p className="field-hint" style={{ marginTop: '-0.75rem' }}>
        Lower tiers decide first; rules of the same tier are decided side by side. A sub-account’s spending limits
        always come before the rules.
      </p>

      <fieldset
        className="fieldset"
        aria-describedby={errors.conditions?.message || errors.conditions?.root ? 'conditions-error' : undefined}
      >
        <legend>When (all of these hold)</legend>
        {conditions.fields.map((condition, index) => {
          const field = fieldsWatched[index]?.field ?? condition.field;
          return (
            <fieldset key={condition.id} className="fieldset" aria-label={`Condition ${index + 1}`}>
              <legend>Condition {index + 1}</legend>
              <SelectField
                label="What"
                options={CONDITION_FIELDS.map((value) => ({ value, label: FIELD_LABELS[value] }))}
                {...form.register(`conditions.${index}.field`)}
              />
              <SelectField
                label="Comparison"
                options={COMPARATORS.map((value) => ({ value, label: COMPARATOR_LABELS[value] }))}
                {...form.register(`conditions.${index}.comparator`)}
              />
              <Field
                label="Value"
                inputMode={isAmountField(field) ? 'decimal' : 'numeric'}
                autoComplete="off"
                hint={isAmountField(field) ? `An amount in ${options.currency}, like 10,000.00.` : 'A whole number.'}
                error={errors.conditions?.[index]?.value?.message}
                {...form.register(`conditions.${index}.value`)}
              />
              {conditions.fields.length > 1 && (
                <div className="actions">
                  <Button className="button button-small" onClick={() => conditions.remove(index)}>
                    Remove condition {index + 1}
                  </Button>
                </div>
              )}
            </fieldset>
          );
        })}
        {(errors.conditions?.message || errors.conditions?.root?.message) && (
          <p id="conditions-error" className="field-error">
            {errors.conditions.message ?? errors.conditions.root?.message}
          </p>
        )}
        <div className="actions">
          <Button
            className="button button-small"
            disabled={conditions.fields.length >= MAX_CONDITIONS}
            onClick={() => conditions.append({ field: 'item_quantity', comparator: '>', value: '' })}
          >
            Add a condition
          </Button>
          <span className="field-hint">At most {MAX_CONDITIONS}.</span>
        </div>
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.appliesTo ? 'applies-to-error' : undefined}>
        <legend>Applies to orders of</legend>
        <label className="checkbox">
          <input type="radio" value="everyone" {...form.register('appliesTo.kind')} /> Everyone in the organization
        </label>
        <label className="checkbox">
          <input type="radio" value="roles" {...form.register('appliesTo.kind')} /> Holders of some roles
        </label>
        <label className="checkbox">
          <input type="radio" value="units" {...form.register('appliesTo.kind')} /> Members of some units (and the units
          below them)
        </label>
        {audience === 'roles' && (
          <fieldset className="fieldset">
            <legend>Roles</legend>
            {options.roles.map((role) => (
              <label key={role.id} className="checkbox">
                <input type="checkbox" value={role.id} {...form.register('appliesTo.roleIds')} /> {role.name}
              </label>
            ))}
          </fieldset>
        )}
        {audience === 'units' && (
          <fieldset className="fieldset">
            <legend>Units</legend>
            {units.map((unit) => (
              <label key={unit.id} className="checkbox" style={{ paddingLeft: `${unit.depth * 1.25}rem` }}>
                <input type="checkbox" value={unit.id} {...form.register('appliesTo.unitIds')} /> {unit.name}
              </label>
            ))}
          </fieldset>
        )}
        {errors.appliesTo && (
          <p id="applies-to-error" className="field-error">
            {errors.appliesTo.message ?? errors.appliesTo.roleIds?.message ?? errors.appliesTo.unitIds?.message}
          </p>
        )}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.approvers ? 'approvers-error' : undefined}>
        <legend>Approved by (any one of them)</legend>
        <label className="checkbox">
          <input type="radio" value="role" {...form.register('approvers.kind')} /> Holders of a role
        </label>
        <label className="checkbox">
          <input type="radio" value="members" {...form.register('approvers.kind')} /> Named people who may authorize
          orders
        </label>
        {approverKind === 'role' && (
          <SelectField
            label="Approving role"
            placeholder="Choose a role"
            options={options.roles
              .filter((role) => role.mayApprove)
              .map((role) => ({ value: role.id, label: role.name }))}
            {...form.register('approvers.roleId')}
          />
        )}
        {approverKind === 'members' && (
          <fieldset className="fieldset">
            <legend>People</legend>
            {options.authorizers.length === 0 && (
              <p>Nobody may authorize orders yet. Tick “May authorize orders” on someone’s account first.</p>
            )}
            {options.authorizers.map((person) => (
              <label key={person.membershipId} className="checkbox">
                <input type="checkbox" value={person.membershipId} {...form.register('approvers.membershipIds')} />{' '}
                {person.name}
                <span className="field-hint"> · {person.unitName}</span>
              </label>
            ))}
          </fieldset>
        )}
        <p className="field-hint">
          Nobody approves their own order: when the requester is the only one who could, the account managers decide.
        </p>
        {errors.approvers && (
          <p id="approvers-error" className="field-error">
            {errors.approvers.message ?? errors.approvers.roleId?.message ?? errors.approvers.membershipIds?.message}
          </p>
        )}
      </fieldset>

      <div className="actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {rule ? 'Save rule' : 'Create rule'}
        </SubmitButton>
        <Link className="button" href="/admin/approvals">
          Cancel
        </Link>
      </div>
    </form>
  );
}
