'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { approversInWords, audienceInWords, conditionsInWords } from './words';

type Rule = RouterOutputs['approvalRules']['list']['rows'][number];

/** The organization's rules in words, each with edit, activate or deactivate, and delete (confirmed). */
export function RulesTable({ rules, currency, filtered }: { rules: Rule[]; currency: string; filtered: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const setActive = useMutation(
    trpc.approvalRules.setActive.mutationOptions({
      onMutate: () => setDone(null),
      onSuccess: (_data, input) => {
        setDone(
          `${input.active ? 'Activated' : 'Deactivated'} “${rules.find((rule) => rule.id === input.ruleId)?.name ?? 'the rule'}”.`,
        );
        router.refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.approvalRules.delete.mutationOptions({
      onMutate: () => setDone(null),
      onSuccess: (_data, input) => {
        setDone(`Deleted “${rules.find((rule) => rule.id === input.ruleId)?.name ?? 'the rule'}”.`);
        router.refresh();
      },
      onSettled: () => setConfirming(null),
    }),
  );
  const error = setActive.error ?? remove.error;
  const pending = setActive.isPending || remove.isPending;

  const columns: Column<Rule>[] = [
    {
      header: 'Rule',
      cell: (rule) => (
        <div>
          <strong>{rule.name}</strong>{' '}
          <span className={rule.active ? 'badge badge-good' : 'badge'}>{rule.active ? 'active' : 'inactive'}</span>
        </div>
      ),
    },
    { header: 'Tier', cell: (rule) => rule.tier },
    { header: 'When', cell: (rule) => conditionsInWords(rule.conditions, currency) },
    { header: 'Applies to', cell: (rule) => audienceInWords(rule.appliesTo) },
    {
      header: 'Approved by',
      cell: (rule) =>
        `${approversInWords(rule.approvers)}${rule.approvers.kind === 'members' ? ' — any one of them' : ''}`,
    },
    {
      header: 'Actions',
      cell: (rule) => (
        <div className="actions">
          <Link
            href={`/admin/approvals/rules/${rule.id}`}
            className="button button-small"
            aria-label={`Edit ${rule.name}`}
          >
            Edit
          </Link>
          <Button
            className="button button-small"
            disabled={pending}
            onClick={() => setActive.mutate({ ruleId: rule.id, active: !rule.active })}
            aria-label={`${rule.active ? 'Deactivate' : 'Activate'} ${rule.name}`}
          >
            {rule.active ? 'Deactivate' : 'Activate'}
          </Button>
          {confirming === rule.id ? (
            <>
              <span>Delete “{rule.name}”?</span>
              <Button
                className="button button-small button-primary"
                disabled={pending}
                onClick={() => remove.mutate({ ruleId: rule.id })}
              >
                Yes, delete it
              </Button>
              <Button className="button button-small" onClick={() => setConfirming(null)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button
              className="button button-small"
              aria-label={`Delete ${rule.name}`}
              onClick={() => setConfirming(rule.id)}
            >
              Delete
            </Button>
          )}
        </div>
      ),
    },
  ];
  return (
    <>
      {error && <Alert tone="error">{error.message}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
      <DataTable
        caption="Approval rules"
        rows={rules}
        rowKey={(rule) => rule.id}
        columns={columns}
        empty={
          filtered
            ? 'No rule matches. Try another name or status.'
            : 'No approval rules yet: orders need approval only for spending limits.'
        }
      />
    </>
  );
}
