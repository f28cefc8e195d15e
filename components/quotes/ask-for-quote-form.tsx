'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { requestQuoteSchema } from '@/server/schemas/quotes';
import styles from './quotes.module.css';

type RequestQuoteForm = { note?: string };

/**
 * "Ask for a quote": the cart goes to the account representative as a request (and the cart is
 * emptied); the quote's page opens with a confirmation.
 */
export function AskForQuoteForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const { form, formError, setFormError, onServerError } = useServerForm<RequestQuoteForm>({
    schema: requestQuoteSchema,
    fields: ['note'],
    defaultValues: { note: '' },
  });
  const request = useMutation(
    trpc.quotes.request.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: async (quote) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        router.push(`/quotes/${encodeURIComponent(quote.number)}?requested=1`);
      },
      onError: onServerError,
    }),
  );
  // The cart may have been emptied by this request already: keep the form until the quote opens.
  if (!request.isSuccess && (!cart.data || cart.data.lines.length === 0)) return null;
  return (
    <section className={`card ${styles.ask}`} aria-labelledby="ask-for-quote">
      <details>
        <summary id="ask-for-quote">Ask for a quote</summary>
        <form
          className="form"
          noValidate
          aria-label="Ask for a quote"
          onSubmit={form.handleSubmit((values) => request.mutate({ note: values.note || undefined }))}
        >
          <p>
            Buying a larger quantity, or need a better price? Send this cart to your account representative: they price
            each line, you are emailed, and you order at those prices. Your cart is emptied.
          </p>
          {formError && <Alert tone="error">{formError}</Alert>}
          <TextareaField
            label="Note for your representative (optional)"
            hint="For example the delivery date or the yearly volume you expect."
            maxLength={1000}
            error={form.formState.errors.note?.message}
            {...form.register('note')}
          />
          <SubmitButton pending={request.isPending || request.isSuccess} pendingLabel="Sending…">
            Ask for a quote
          </SubmitButton>
        </form>
      </details>
    </section>
  );
}
