import Link from 'next/link';
import { PackingSlipDocument } from '@/components/fulfillment/packing-slip-document';
import { PrintButton } from '@/components/fulfillment/print-button';
import styles from '@/components/fulfillment/print.module.css';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { batchNumberParam } from '../batch-number';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Packing slips, batch ${(await params).number}` };
}

/** Every packing slip of a batch, one order per printed page. */
export default async function BatchPackingSlipsPage({ params }: Props) {
  const number = batchNumberParam((await params).number);
  const api = await serverCaller();
  const ticket = await orRefusalPage(api.fulfillment.pickTicket({ batchNumber: number }));
  const slips = await Promise.all(
    ticket.orders.map((order) =>
      api.fulfillment.packingSlip({ orderNumber: order.number, centerId: ticket.center.id }),
    ),
  );
  return (
    <>
      <div className={styles.toolbar}>
        <Link className="link-target" href={`/staff/fulfillment/batches/${ticket.batchNumber}`}>
          ← Batch {ticket.batchNumber}
        </Link>
        <PrintButton label={`Print ${slips.length} packing ${slips.length === 1 ? 'slip' : 'slips'}`} />
      </div>
      <h1 className="skip-link">Packing slips of batch {ticket.batchNumber}</h1>
      {slips.map((slip) => (
        <PackingSlipDocument key={slip.number} slip={slip} level={2} />
      ))}
    </>
  );
}
