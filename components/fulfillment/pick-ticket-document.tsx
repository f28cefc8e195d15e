import type { RouterOutputs } from '@/components/trpc/types';
import { LocalTime } from '@/components/ui/local-time';
import styles from './print.module.css';

type Ticket = RouterOutputs['fulfillment']['pickTicket'];

/** The pick ticket of a batch: each SKU once, the total to pick, and how it splits over the orders. */
export function PickTicketDocument({ ticket }: { ticket: Ticket }) {
  return (
    <article className={styles.document} aria-labelledby="pick-ticket-title" data-testid="pick-ticket">
      <header className={styles.documentHeader}>
        <div>
          <p className={styles.sender}>Countersign</p>
          <h1 id="pick-ticket-title">Pick ticket, batch {ticket.batchNumber}</h1>
        </div>
        <dl className={styles.facts}>
          <dt>Center</dt>
          <dd>
            {ticket.center.name} ({ticket.center.code})
          </dd>
          <dt>Created</dt>
          <dd>
            <LocalTime at={ticket.createdAt} />
            {ticket.createdBy ? ` by ${ticket.createdBy}` : ''}
          </dd>
          <dt>Orders</dt>
          <dd>{ticket.orders.length}</dd>
          <dt>Units</dt>
          <dd>{ticket.totalUnits.toLocaleString('en-US')}</dd>
        </dl>
      </header>
      <p className={styles.note}>{ticket.location}</p>
      <div className="table-wrap">
        <table className={`stack ${styles.lines}`}>
          <caption className="skip-link">Items to pick</caption>
          <thead>
            <tr>
              <th scope="col">Picked</th>
              <th scope="col">SKU</th>
              <th scope="col">Item</th>
              <th scope="col">Unit</th>
              <th scope="col">Total</th>
              <th scope="col">Per order</th>
            </tr>
          </thead>
          <tbody>
            {ticket.items.length === 0 && (
              <tr>
                <td colSpan={6}>Nothing to pick.</td>
              </tr>
            )}
            {ticket.items.map((item) => (
              <tr key={item.sku}>
                <td data-label="Picked">
                  <span className={styles.tick} aria-hidden="true" />
                </td>
                <td data-label="SKU">{item.sku}</td>
                <td data-label="Item">{item.name}</td>
                <td data-label="Unit">{item.unit}</td>
                <td data-label="Total" className={styles.quantity}>
                  {item.totalQuantity.toLocaleString('en-US')}
                </td>
                <td data-label="Per order">
                  {item.orders
                    .map((order) => `${order.orderNumber} × ${order.quantity.toLocaleString('en-US')}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="pick-ticket-orders">
        <h2 id="pick-ticket-orders">Orders in this batch</h2>
        <ul>
          {ticket.orders.map((order) => (
            <li key={order.number}>
              {order.number}, {order.organizationName}, to {order.shipToCity}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
