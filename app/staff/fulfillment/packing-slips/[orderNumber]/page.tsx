import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PackingSlipDocument } from '@/components/fulfillment/packing-slip-document';
import { PrintButton } from '@/components/fulfillment/print-button';
import styles from '@/components/fulfillment/print.module.css';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';

type Props = { params: Promise<{ orderNumber: string }>; searchParams: Promise<{ center?: string }> };

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

export async function generateMetadata({ params }: Props) {
  return { title: `Packing slip ${decoded((await params).orderNumber)}` };
}

/** The printable packing slip of an order's part at one center (?center= its code or id). */
export default async function PackingSlipPage({ params, searchParams }: Props) {
  const orderNumber = decoded((await params).orderNumber)
    .trim()
    .toUpperCase();
  const wanted = (await searchParams).center?.trim() ?? '';
  const api = await serverCaller();
  const centers = await orRefusalPage(api.fulfillment.centers());
  const center = centers.find((candidate) => candidate.id === wanted || candidate.code === wanted.toUpperCase());
  if (!center || orderNumber.length === 0 || orderNumber.length > 20) notFound();
  const slip = await orRefusalPage(api.fulfillment.packingSlip({ orderNumber, centerId: center.id }));
  return (
    <>
      <div className={styles.toolbar}>
        {slip.batchNumber !== null && (
          <Link className="link-target" href={`/staff/fulfillment/batches/${slip.batchNumber}`}>
            ← Batch {slip.batchNumber}
          </Link>
        )}
        <PrintButton />
      </div>
      <PackingSlipDocument slip={slip} />
    </>
  );
}
