'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '@/components/catalog/money';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { parseAmountToMinor } from '@/server/domain/money';
import { priceQuoteSchema, type PriceQuoteInput } from '@/server/schemas/quotes';
import styles from './quotes.module.css';

export type PricingLine = {
  lineNumber: number;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceMinor?: number | null;
  contractPriceMinor: number | null;
};

type Props = {
  number: string;
  currency: string;
  requesterName: string;
  lines: PricingLine[];
  /** Each line's starting price as typed ("19.50"): its quoted price, else the contract price, else empty. */
  startingPrices: string[];
  validUntil: string;
  sellerNote: string;
  repricing: boolean;
};

/**
 * The representative's pricing form: one price per line in the quote's currency (the customer's
 * contract price beside it as a hint), how long the prices hold, a note. Saving emails the buyer;
 * pricing again before the quote is ordered replaces the prices.
 */
export function QuotePricingForm({
  number,
  currency,
  requesterName,
  lines,
  startingPrices,
  validUntil,
  sellerNote,
  repricing,
}: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<PriceQuoteInput>({
    schema: priceQuoteSchema,
    // The server names a line by its number ("lines.3"); the form knows it by position.
    fields: {
      ...Object.fromEntries(
        lines.map((line, index) => [`lines.${line.lineNumber}`, `lines.${index}.unitPrice` as const]),
      ),
      validUntil: 'validUntil',
      sellerNote: 'sellerNote',
    },
    defaultValues: {
      number,
      lines: lines.map((line, index) => ({ lineNumber: line.lineNumber, unitPrice: startingPrices[index] ?? '' })),
      validUntil,
      sellerNote,
    },
  });
  const save = useMutation(
    trpc.staffQuotes.price.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  const typed = useWatch({ control: form.control, name: 'lines' });
  const amounts = lines.map((line, index) => {
    const minor = parseAmountToMinor(typed?.[index]?.unitPrice ?? '', currency);
    return minor === null ? null : minor * line.quantity;
  });
  const total = amounts.every((amount) => amount !== null)
    ? amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0)
    : null;
  const { errors } = form.formState;

  return (
    <form
      className="form"
      noValidate
      aria-label={`Price quote ${number}`}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      {save.isSuccess && !save.isPending && (
        <Alert tone="success">
          Prices saved. {requesterName} is emailed that quote {number} is ready.
        </Alert>
      )}
      {formError && <Alert tone="error">{formError}</Alert>}
      <ol className={styles.priceLines} aria-label="Lines to price">
        {lines.map((line, index) => (
          <li key={line.lineNumber} className={styles.priceLine}>
            <div className={styles.lineWhat}>
              <strong>
                {line.lineNumber}. {line.name}
              </strong>
              <span className="field-hint">
                {line.sku} · {line.quantity} {line.unit}
              </span>
              <span className="field-hint">
                {line.contractPriceMinor === null
                  ? 'No contract price for this customer.'
                  : `Contract price ${formatMoney(line.contractPriceMinor, currency)} per ${line.unit}.`}
              </span>
            </div>
            <Field
              label={`Line ${line.lineNumber} unit price, ${currency}`}
              inputMode="decimal"
              autoComplete="off"
              maxLength={20}
              placeholder="12.50"
              error={errors.lines?.[index]?.unitPrice?.message}
              {...form.register(`lines.${index}.unitPrice`)}
            />
            <span className={styles.lineTotal}>
              {amounts[index] === null ? '' : `Line total ${formatMoney(amounts[index] ?? 0, currency)}`}
            </span>
          </li>
        ))}
      </ol>
      {total !== null && (
        <p>
          Total before shipping: <strong data-testid="pricing-total">{formatMoney(total, currency)}</strong>
        </p>
      )}
      <Field
        label="Prices hold until"
        type="date"
        hint="The buyer can order at these prices until the end of this day (UTC)."
        error={errors.validUntil?.message}
        {...form.register('validUntil')}
      />
      <TextareaField
        label="Note for the buyer (optional)"
        maxLength={1000}
        error={errors.sellerNote?.message}
        {...form.register('sellerNote')}
      />
      <SubmitButton pending={save.isPending} pendingLabel="Saving…">
        {repricing ? 'Save the new prices' : 'Save prices'}
      </SubmitButton>
    </form>
  );
}
