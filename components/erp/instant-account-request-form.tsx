'use client';

import { zodResolver } from '@/components/ui/zod-resolver';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestInstantAccountSchema, type RequestInstantAccountInput } from '@/server/schemas/erp';

/** "I already buy from you": the email address we know the person by in the ERP. */
export function InstantAccountRequestForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.erp.requestInstantAccount.mutationOptions());
  const form = useForm<RequestInstantAccountInput>({
    resolver: zodResolver(requestInstantAccountSchema),
    defaultValues: { email: '' },
  });
  const outcome = request.data;

  // One answer for every address: what happened goes to the address itself, by email.
  if (outcome)
    return (
      <>
        <Alert tone="success">{outcome.message}</Alert>
        <p>Nothing within a few minutes? If your organization does not buy from us yet, register it instead.</p>
        <p>
          <Link className="link-target" href="/register">
            Register your organization
          </Link>
        </p>
      </>
    );
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => request.mutate(values))}
      aria-label="Get an account"
    >
      {request.error && <Alert tone="error">{request.error.message}</Alert>}
      <Field
        label="Email address"
        type="email"
        autoComplete="email"
        hint="The address you use with us for orders and invoices."
        error={form.formState.errors.email?.message}
        {...form.register('email')}
      />
      <SubmitButton pending={request.isPending}>Email me a link</SubmitButton>
    </form>
  );
}
