import Link from 'next/link';
import { PickTicketDocument } from '@/components/fulfillment/pick-ticket-document';
import { PrintButton } from '@/components/fulfillment/print-button';
import styles from '@/components/fulfillment/print.module.css';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { batchNumberParam } from '../batch-number';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Pick ticket, batch ${(await params).number}` };
}

/** A printable page: the staff header, links and buttons disappear on paper. */
export default async function PickTicketPage({ params }: Props) {
  const number = batchNumberParam((await params).number);
  const ticket = await orRefusalPage((await serverCaller()).fulfillment.pickTicket({ batchNumber: number }));
  return (
    <>
      <div className={styles.toolbar}>
        <Link className="link-target" href={`/staff/fulfillment/batches/${ticket.batchNumber}`}>
          ← Batch {ticket.batchNumber}
        </Link>
        <PrintButton />
      </div>
      <PickTicketDocument ticket={ticket} />
    </>
  );
}
