import { PostalAddressBlock } from '@/components/addresses/postal-address';
import { LocalTime } from '@/components/ui/local-time';
import type { RouterOutputs } from '@/components/trpc/types';
import styles from './print.module.css';

type Slip = RouterOutputs['fulfillment']['packingSlip'];

/**
 * A packing slip: what is in the box for one order from one center, where it goes and under
 * which order and PO, and never a price. `level` lets a batch print several slips on one page.
 */
export function PackingSlipDocument({ slip, level = 1 }: { slip: Slip; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  const titleId = `slip-${slip.number}`;
  const { shipTo } = slip;
  return (
    <article className={styles.document} aria-labelledby={titleId} data-testid="packing-slip">
      <header className={styles.documentHeader}>
        <div>
          <p className={styles.sender}>Countersign</p>
          <Heading id={titleId}>Packing slip {slip.number}</Heading>
        </div>
        <dl className={styles.facts}>
          <dt>Order</dt>
          <dd>{slip.number}</dd>
          <dt>PO number</dt>
          <dd>{slip.poNumber || '—'}</dd>
          <dt>Order date</dt>
          <dd>
            <LocalTime at={slip.submittedAt} />
          </dd>
          <dt>Shipping</dt>
          <dd>{slip.shippingMethodName}</dd>
          <dt>Ships from</dt>
          <dd>
            {slip.center.name} ({slip.center.code})
          </dd>
          {slip.batchNumber !== null && (
            <>
              <dt>Pick batch</dt>
              <dd>{slip.batchNumber}</dd>
            </>
          )}
        </dl>
      </header>
      <section aria-label="Ship to">
        <p className={styles.sender}>Ship to</p>
        <PostalAddressBlock address={shipTo} before={[slip.organizationName]} className={styles.address} />
        <p>Ordered by {slip.requesterName}.</p>
      </section>
      <div className="table-wrap">
        <table className={`stack ${styles.lines}`}>
          <caption className="skip-link">Items in this shipment</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">SKU</th>
              <th scope="col">Item</th>
              <th scope="col">Unit</th>
              <th scope="col">Quantity</th>
              <th scope="col">Packed</th>
            </tr>
          </thead>
          <tbody>
            {slip.lines.map((line) => (
              <tr key={line.lineNumber}>
                <td data-label="Line">{line.lineNumber}</td>
                <td data-label="SKU">{line.sku}</td>
                <td data-label="Item">{line.name}</td>
                <td data-label="Unit">{line.unit}</td>
                <td data-label="Quantity" className={styles.quantity}>
                  {line.quantity.toLocaleString('en-US')}
                  {line.quantity < line.ordered ? ` of ${line.ordered.toLocaleString('en-US')} ordered` : ''}
                </td>
                <td data-label="Packed">
                  <span className={styles.tick} aria-hidden="true" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {slip.otherCenters.length > 0 && (
        <p className={styles.note}>
          The rest of this order ships separately from{' '}
          {slip.otherCenters.map((center) => `${center.name} (${center.code})`).join(' and ')}.
        </p>
      )}
      {slip.buyerNote && <p className={styles.note}>Note from the buyer: {slip.buyerNote}</p>}
      <p className={styles.footer}>
        Questions about this delivery? Quote order {slip.number}
        {slip.poNumber ? ` and your PO ${slip.poNumber}` : ''}.
      </p>
    </article>
  );
}
