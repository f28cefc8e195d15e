'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { Timestamp } from '@/components/ui/timestamp';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { planPackage } from '@/server/domain/fulfillment/packing';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { confirmShipmentSchema, type ConfirmShipmentInput } from '@/server/schemas/fulfillment';

type Batch = RouterOutputs['fulfillment']['batch'];
type BatchOrder = Batch['orders'][number];
type Parcel = BatchOrder['packages'][number];
type Center = Batch['center'];

/** The work of a pick batch: per order, pack what is left into packages, then confirm each shipment. */
/** timeZone: the viewer's, for the packing and shipping times. */
export function BatchWork({ batch, timeZone }: { batch: Batch; timeZone: string }) {
  return batch.orders.map((order) => (
    <OrderPart key={order.id} order={order} center={batch.center} timeZone={timeZone} />
  ));
}

function OrderPart({ order, center, timeZone }: { order: BatchOrder; center: Center; timeZone: string }) {
  const [done, setDone] = useState<string | null>(null);
  const onDone = setDone;
  const headingId = `order-${order.number}`;
  const toPack = order.lines.some((line) => line.toPack > 0);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Order {order.number}</h2>
      {done && <Alert tone="success">{done}</Alert>}
      <p>
        <span className={`badge ${order.progress.state === 'shipped' ? 'badge-good' : ''}`}>
          {order.progress.label}
        </span>{' '}
        <span data-testid={`status-${order.number}`}>Order status: {ORDER_STATUS_LABELS[order.status]}</span>
      </p>
      <dl className="definition-list">
        <dt>Organization</dt>
        <dd>{order.organizationName}</dd>
        <dt>PO number</dt>
        <dd>{order.poNumber || '—'}</dd>
        <dt>Ship to</dt>
        <dd>
          {order.shipTo.recipient}, {order.shipTo.city}, {order.shipTo.country} · {order.shippingMethodName}
        </dd>
        <dt>Units here</dt>
        <dd>
          {order.progress.allocated} allocated · {order.progress.packed} packed · {order.progress.shipped} shipped
        </dd>
      </dl>
      <p>
        <Link
          className="link-target"
          href={`/staff/fulfillment/packing-slips/${encodeURIComponent(order.number)}?center=${encodeURIComponent(center.code)}`}
        >
          Packing slip for {order.number}
        </Link>
      </p>
      {toPack ? (
        <PackForm key={order.progress.packed} order={order} center={center} onDone={onDone} />
      ) : (
        <p>
          {order.progress.state === 'shipped'
            ? `Everything of this order at ${center.code} has shipped.`
            : `Every line of this order at ${center.code} is packed.`}
        </p>
      )}
      {order.packages.length > 0 && (
        <>
          <h3>Packages</h3>
          <ol className="cart-lines">
            {order.packages.map((parcel, index) => (
              <PackageRow
                key={parcel.id}
                parcel={parcel}
                label={`package ${index + 1} of ${order.number}`}
                orderNumber={order.number}
                onDone={onDone}
                timeZone={timeZone}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Quantities per line, checked by the same rule as the server before anything is sent. */
function PackForm({ order, center, onDone }: { order: BatchOrder; center: Center; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.fulfillment.createPackage.mutationOptions());

  // The quantities are read from the form, not held in state: on a slow handheld the clerk may type
  // them before the page has hydrated.
  const submit = (form: HTMLFormElement) => {
    setFormError(null);
    const fields = new FormData(form);
    const entered = order.lines
      .map((line) => ({ line, text: String(fields.get(line.orderLineId) ?? '').trim() }))
      .filter(({ text }) => text !== '' && text !== '0');
    const requested = entered.map(({ line, text }) => ({ orderLineId: line.orderLineId, quantity: Number(text) }));
    const plan = planPackage(order.lines, requested);
    // Field errors are keyed by the request's index; show each beside its line.
    const byLine = (fieldErrors: Record<string, string[] | undefined>) =>
      Object.fromEntries(
        entered.flatMap(({ line }, index) =>
          fieldErrors[`lines.${index}.quantity`]?.[0]
            ? [[line.orderLineId, fieldErrors[`lines.${index}.quantity`]?.[0] ?? '']]
            : [],
        ),
      );
    if (!plan.ok) {
      setErrors(byLine(plan.fieldErrors));
      if (requested.length === 0) setFormError(plan.message);
      return;
    }
    setErrors({});
    create.mutate(
      { orderNumber: order.number, centerId: center.id, lines: plan.lines },
      {
        onSuccess: (result) => {
          onDone(
            `Package of ${result.itemCount} ${result.itemCount === 1 ? 'item' : 'items'} packed for ${result.orderNumber}. Confirm its shipment when the carrier takes it.`,
          );
          router.refresh();
        },
        onError: (error) => {
          const fieldErrors = error.data?.fieldErrors ?? {};
          const placed = byLine(fieldErrors);
          setErrors(placed);
          if (Object.keys(placed).length === 0) setFormError(error.message);
        },
      },
    );
  };

  return (
    <form
      className="form"
      style={{ maxWidth: 'none' }}
      noValidate
      aria-label={`Pack order ${order.number}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <h3>Pack a package</h3>
      <p className="field-hint">Enter how many of each line go into this box; leave 0 for lines that are not in it.</p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="table-wrap">
        <table className="stack">
          <caption className="skip-link">
            Lines of {order.number} at {center.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Item</th>
              <th scope="col">Allocated here</th>
              <th scope="col">Packed</th>
              <th scope="col">Shipped</th>
              <th scope="col">Into this package</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const inputId = `${formId}-${line.orderLineId}`;
              const error = errors[line.orderLineId];
              return (
                <tr key={line.orderLineId}>
                  <td data-label="SKU">{line.sku}</td>
                  <td data-label="Item">
                    {line.name} <span className="field-hint">({line.unit})</span>
                  </td>
                  <td data-label="Allocated here">{line.allocated}</td>
                  <td data-label="Packed">{line.packed}</td>
                  <td data-label="Shipped">{line.shipped}</td>
                  <td data-label="Into this package">
                    <label htmlFor={inputId} className="skip-link">
                      Quantity of {line.sku} to pack for {order.number}
                    </label>
                    <input
                      id={inputId}
                      name={line.orderLineId}
                      className="quantity-input"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={line.toPack}
                      step={1}
                      disabled={line.toPack === 0}
                      defaultValue={line.toPack}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                    />
                    {error && (
                      <p id={`${inputId}-error`} className="field-error">
                        {error}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <SubmitButton pending={create.isPending} pendingLabel="Packing…">
          Create package
        </SubmitButton>
      </div>
    </form>
  );
}

function PackageRow({
  parcel,
  label,
  orderNumber,
  onDone,
  timeZone,
}: {
  parcel: Parcel;
  label: string;
  orderNumber: string;
  onDone: (message: string) => void;
  timeZone: string;
}) {
  const contents = parcel.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ');
  return (
    <li className="cart-line" aria-label={label}>
      <div>
        <strong>{label.charAt(0).toUpperCase() + label.slice(1)}</strong>
        <div>{contents}</div>
        <div className="field-hint">
          Packed <Timestamp at={parcel.createdAt} timeZone={timeZone} />
        </div>
        {parcel.status === 'shipped' && (
          <div>
            <span className="badge badge-good">Shipped</span> with {parcel.carrier}, tracking {parcel.trackingNumber} ·{' '}
            <Timestamp at={parcel.shippedAt} timeZone={timeZone} />
          </div>
        )}
      </div>
      {parcel.status === 'packed' && (
        <ConfirmShipmentForm packageId={parcel.id} label={label} orderNumber={orderNumber} onDone={onDone} />
      )}
    </li>
  );
}

function ConfirmShipmentForm({
  packageId,
  label,
  orderNumber,
  onDone,
}: {
  packageId: string;
  label: string;
  orderNumber: string;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<ConfirmShipmentInput>({
    schema: confirmShipmentSchema,
    fields: ['carrier', 'trackingNumber'],
    defaultValues: { packageId, carrier: '', trackingNumber: '' },
  });
  const confirm = useMutation(
    trpc.fulfillment.confirmShipment.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: (result, input) => {
        onDone(
          result.complete
            ? `Shipped with ${input.carrier}, tracking ${input.trackingNumber}. Every line of ${orderNumber} has shipped: the order is shipped and the buyer is emailed.`
            : `Shipped with ${input.carrier}, tracking ${input.trackingNumber}. ${orderNumber} is partly shipped; the buyer is emailed.`,
        );
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  return (
    <form
      className="form"
      noValidate
      aria-label={`Confirm shipment of ${label}`}
      onSubmit={form.handleSubmit((values) => confirm.mutate(values))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Carrier"
        autoComplete="off"
        maxLength={60}
        hint="Like UPS, FedEx or DHL."
        error={form.formState.errors.carrier?.message}
        {...form.register('carrier')}
      />
      <Field
        label="Tracking number"
        autoComplete="off"
        maxLength={100}
        error={form.formState.errors.trackingNumber?.message}
        {...form.register('trackingNumber')}
      />
      <SubmitButton pending={confirm.isPending} pendingLabel="Confirming…">
        Confirm shipment
      </SubmitButton>
    </form>
  );
}
