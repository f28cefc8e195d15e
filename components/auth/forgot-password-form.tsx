'use client';

import { zodResolver } from '@/components/ui/zod-resolver';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestPasswordResetSchema } from '@/server/schemas/auth';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const form = useForm<z.infer<typeof requestPasswordResetSchema>>({
    resolver: zodResolver(requestPasswordResetSchema),
    defaultValues: { email: '' },
  });

  if (request.data) return <Alert tone="success">{request.data.message}</Alert>;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => request.mutate(values))}
      aria-label="Reset password"
    >
      {request.error && <Alert tone="error">{request.error.message}</Alert>}
      <Field
        label="Email address"
        type="email"
        autoComplete="email"
        error={form.formState.errors.email?.message}
        {...form.register('email')}
      />
      <SubmitButton pending={request.isPending}>Email me a link</SubmitButton>
    </form>
  );
}
