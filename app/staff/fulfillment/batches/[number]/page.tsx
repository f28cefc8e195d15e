import Link from 'next/link';
import { BatchWork } from '@/components/fulfillment/batch-work';
import { orRefusalPage } from '@/components/shell/refusal';
import { Alert } from '@/components/ui/alert';
import { LocalTime, viewerTimeZone } from '@/components/ui/local-time';
import { serverCaller } from '@/server/trpc/server';
import { batchNumberParam } from './batch-number';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Pick batch ${(await params).number}` };
}

export default async function PickBatchPage({ params, searchParams }: Props) {
  const number = batchNumberParam((await params).number);
  const { created } = await searchParams;
  const batch = await orRefusalPage((await serverCaller()).fulfillment.batch({ number }));
  const base = `/staff/fulfillment/batches/${batch.number}`;
  return (
    <>
      <BackLink href={`/staff/fulfillment?center=${encodeURIComponent(batch.center.code)}`}>
        Fulfillment at {batch.center.code}
      </BackLink>
      <h1>Pick batch {batch.number}</h1>
      {created && (
        <Alert tone="success">
          Pick batch {batch.number} created with {batch.orders.length} {batch.orders.length === 1 ? 'order' : 'orders'}.
          Print the pick ticket, then pack each order.
        </Alert>
      )}
      <p className="lede">
        {batch.center.name} ({batch.center.code}) · created <LocalTime at={batch.createdAt} />
        {batch.createdBy ? ` by ${batch.createdBy}` : ''} · {batch.orders.length}{' '}
        {batch.orders.length === 1 ? 'order' : 'orders'}
      </p>
      <div className="actions" style={{ marginBottom: '1rem' }}>
        <Link className="button" href={`${base}/pick-ticket`}>
          Pick ticket
        </Link>
        <Link className="button" href={`${base}/packing-slips`}>
          All packing slips
        </Link>
      </div>
      <BatchWork batch={batch} timeZone={await viewerTimeZone()} />
    </>
  );
}
