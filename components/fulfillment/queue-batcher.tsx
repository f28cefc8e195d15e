'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import type { RouterOutputs } from '@/components/trpc/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import { MAX_BATCH_ORDERS } from '@/server/domain/fulfillment/batches';

type Queue = RouterOutputs['fulfillment']['queue'];

/**
 * The released orders waiting at a center: tick the ones to pick together, or batch all waiting
 * (the oldest, up to the limit). A new batch opens its page.
 */
export function QueueBatcher({ queue, timeZone }: { queue: Queue; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // Boxes ticked before the page hydrated (a slow handheld) are in the form but not in state: adopt them.
  useEffect(() => {
    const ticked = formRef.current ? new FormData(formRef.current).getAll('order').map(String) : [];
    if (ticked.length > 0) setSelected(ticked);
  }, []);
  const create = useMutation(
    trpc.fulfillment.createPickBatch.mutationOptions({
      onSuccess: (batch) =>
        router.push(`/staff/fulfillment/batches/${batch.number}?created=${batch.orderNumbers.length}`),
    }),
  );
  const numbers = queue.rows.map((row) => row.number);
  const allSelected = numbers.length > 0 && numbers.every((number) => selected.includes(number));
  const toggle = (number: string, on: boolean) =>
    setSelected((current) => (on ? [...new Set([...current, number])] : current.filter((value) => value !== number)));
  const center = queue.center;

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={`Create a pick batch at ${center.code}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length > 0) create.mutate({ centerId: center.id, orderNumbers: selected });
      }}
    >
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <div className="table-wrap">
        <table className="stack">
          <caption className="skip-link">Released orders waiting at {center.code}</caption>
          <thead>
            <tr>
              <th scope="col">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    disabled={numbers.length === 0}
                    onChange={(event) => setSelected(event.target.checked ? numbers : [])}
                  />
                  <span className="skip-link">Select every order on this page</span>
                </label>
              </th>
              <th scope="col">Order</th>
              <th scope="col">Organization</th>
              <th scope="col">Submitted</th>
              <th scope="col">Lines here</th>
              <th scope="col">Units here</th>
              <th scope="col">Ship to</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.length === 0 && (
              <tr>
                <td colSpan={7}>No released orders are waiting at {center.code}.</td>
              </tr>
            )}
            {queue.rows.map((row) => (
              <tr key={row.id}>
                <td data-label="Select">
                  {/* The label around the box is the target a thumb hits (44 px on a phone). */}
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      className="row-checkbox"
                      name="order"
                      value={row.number}
                      aria-label={`Select order ${row.number}`}
                      checked={selected.includes(row.number)}
                      onChange={(event) => toggle(row.number, event.target.checked)}
                    />
                  </label>
                </td>
                <td data-label="Order">
                  {row.number}
                  {row.alsoFromOtherCenters && <div className="field-hint">Split: more ships from another center</div>}
                </td>
                <td data-label="Organization">{row.organizationName}</td>
                <td data-label="Submitted">
                  <Timestamp at={row.submittedAt} timeZone={timeZone} />
                </td>
                <td data-label="Lines here">{row.linesHere}</td>
                <td data-label="Units here">{row.itemsHere.toLocaleString('en-US')}</td>
                <td data-label="Ship to">
                  {row.shipToCity}, {row.shipToCountry} · {row.shippingMethodName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions" style={{ marginTop: '1rem' }}>
        <Button type="submit" className="button button-primary" disabled={create.isPending || selected.length === 0}>
          {create.isPending ? 'Creating…' : `Create pick batch from ${selected.length} selected`}
        </Button>
        <Button
          className="button"
          disabled={create.isPending || queue.total === 0}
          onClick={() => create.mutate({ centerId: center.id })}
        >
          Batch all waiting (up to {MAX_BATCH_ORDERS} oldest)
        </Button>
      </div>
    </form>
  );
}
