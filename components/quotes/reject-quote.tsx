'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useServerForm } from '@/components/ui/use-server-form';
import { TextareaField } from '@/components/ui/textarea-field';
import { rejectQuoteSchema } from '@/server/schemas/quotes';

const reasonSchema = rejectQuoteSchema.pick({ reason: true });
type RejectForm = { reason: string };

/** Declines the request with a reason the buyer is emailed; the page then opens again with the outcome. */
export function RejectQuote({ number }: { number: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<RejectForm>({
    schema: reasonSchema,
    fields: ['reason'],
    defaultValues: { reason: '' },
  });
  const reject = useMutation(
    trpc.staffQuotes.reject.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => {
        router.replace(`/staff/quotes/${encodeURIComponent(number)}?rejected=1`);
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  const busy = reject.isPending || reject.isSuccess;
  return (
    <form
      className="form"
      noValidate
      aria-label={`Reject quote ${number}`}
      onSubmit={form.handleSubmit((values) => reject.mutate({ number, reason: values.reason }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextareaField
        label="Reason for the buyer"
        hint="Required. It is emailed to the buyer."
        maxLength={1000}
        error={form.formState.errors.reason?.message}
        {...form.register('reason')}
      />
      <div className="actions">
        <Button type="submit" className="button" disabled={busy} aria-busy={reject.isPending || undefined}>
          {busy ? 'Rejecting…' : 'Reject the quote'}
        </Button>
      </div>
    </form>
  );
}
