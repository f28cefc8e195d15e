import Link from 'next/link';
import { formatMoney } from '@/components/catalog/money';
import type { RouterOutputs } from '@/components/trpc/types';
import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge } from '@/components/ui/status-badge';
import styles from './home.module.css';
import { ReorderButton } from './reorder-button';

type Overview = RouterOutputs['home']['overview'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The buyer's home: search first, then what waits for them, the cart, recent orders, templates, spend, people. */
export function HomePage({ overview }: { overview: Overview }) {
  return (
    <div className={styles.page}>
      <form className={styles.search} role="search" aria-label="Search the catalog" action="/catalog" method="get">
        <label htmlFor="home-q" className="skip-link">
          Search the catalog
        </label>
        <input id="home-q" name="q" type="search" placeholder="Search products or SKUs" maxLength={200} />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      <div className={styles.cards}>
        {overview.waiting && <Waiting waiting={overview.waiting} />}
        {overview.cart && <Cart cart={overview.cart} />}
        {overview.recentOrders && <RecentOrders orders={overview.recentOrders} />}
        {overview.templates && <Templates templates={overview.templates} />}
        {overview.spend && <Spend spend={overview.spend} />}
        {overview.people && <People people={overview.people} />}
      </div>
    </div>
  );
}

function Waiting({ waiting }: { waiting: NonNullable<Overview['waiting']> }) {
  return (
    <section
      className={`card ${waiting.total > 0 ? styles.attention : ''}`}
      aria-labelledby="home-waiting"
      data-testid="home-waiting"
    >
      <h2 id="home-waiting">Waiting for your approval</h2>
      {waiting.total === 0 ? (
        <p>Nothing waits for you.</p>
      ) : (
        <>
          <p className={styles.big} data-testid="home-waiting-count">
            {waiting.total}
          </p>
          <ul className={styles.list}>
            {waiting.rows.map((row) => (
              <li key={row.number}>
                <span className={styles.grow}>
                  <Link href={`/authorizations/${row.number}`}>{row.number}</Link>{' '}
                  <span className={styles.muted}>
                    {row.requesterName} · {plural(row.itemCount, 'item', 'items')}
                  </span>
                </span>
                {row.total && <span>{formatMoney(row.total.amountMinor, row.total.currency)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link className={styles.more} href="/authorizations">
        {waiting.total > waiting.rows.length ? `All ${waiting.total} waiting orders` : 'Authorizations inbox'}
      </Link>
    </section>
  );
}

function Cart({ cart }: { cart: NonNullable<Overview['cart']> }) {
  return (
    <section className="card" aria-labelledby="home-cart" data-testid="home-cart">
      <h2 id="home-cart">Your cart</h2>
      {cart.lineCount === 0 ? (
        <p>Your cart is empty.</p>
      ) : (
        <p>
          {plural(cart.lineCount, 'product', 'products')}, {plural(cart.itemCount, 'item', 'items')}
          {'total' in cart && cart.total && (
            <>
              {' · '}
              <strong data-testid="home-cart-total">{formatMoney(cart.total.amountMinor, cart.total.currency)}</strong>
            </>
          )}
        </p>
      )}
      <Link className={styles.more} href={cart.lineCount === 0 ? '/catalog' : '/cart'}>
        {cart.lineCount === 0 ? 'Browse the catalog' : 'Go to the cart'}
      </Link>
    </section>
  );
}

function RecentOrders({ orders }: { orders: NonNullable<Overview['recentOrders']> }) {
  return (
    <section className="card" aria-labelledby="home-orders" data-testid="home-orders">
      <h2 id="home-orders">Your recent orders</h2>
      {orders.length === 0 ? (
        <p>You have not ordered yet.</p>
      ) : (
        <ul className={styles.list}>
          {orders.map((order) => (
            <li key={order.number}>
              <span className={styles.grow}>
                <Link href={`/orders/${order.number}`}>{order.number}</Link>{' '}
                <span className={styles.muted}>
                  <LocalTime at={order.submittedAt} />
                </span>
                <br />
                <StatusBadge tone={order.statusTone}>{order.statusLabel}</StatusBadge>
                {order.total && <> · {formatMoney(order.total.amountMinor, order.total.currency)}</>}
              </span>
              {order.mayReorder && <ReorderButton number={order.number} />}
            </li>
          ))}
        </ul>
      )}
      <Link className={styles.more} href="/orders">
        All orders
      </Link>
    </section>
  );
}

function Templates({ templates }: { templates: NonNullable<Overview['templates']> }) {
  return (
    <section className="card" aria-labelledby="home-templates" data-testid="home-templates">
      <h2 id="home-templates">Order templates</h2>
      {templates.rows.length === 0 ? (
        <p>Save a cart as a template to order it again in one step.</p>
      ) : (
        <ul className={styles.list}>
          {templates.rows.map((template) => (
            <li key={template.id}>
              <Link className={`${styles.linkRow} ${styles.grow}`} href={`/templates/${template.id}`}>
                {template.name}
              </Link>
              <span className={styles.muted}>{plural(template.lineCount, 'product', 'products')}</span>
            </li>
          ))}
        </ul>
      )}
      <Link className={styles.more} href="/templates">
        {templates.more ? 'All templates' : 'Templates'}
      </Link>
    </section>
  );
}

function Spend({ spend }: { spend: NonNullable<Overview['spend']> }) {
  const money = (minor: number) => formatMoney(minor, spend.currency);
  return (
    <section className="card" aria-labelledby="home-spend" data-testid="home-spend">
      <h2 id="home-spend">Spent this month</h2>
      <p className={styles.big} data-testid="home-spent">
        {money(spend.spentMinor)}
      </p>
      {spend.monthly.map((limit) => (
        <div key={limit.limitMinor}>
          <div
            className={styles.meter}
            data-tone={limit.tone}
            role="meter"
            aria-label={`Spent of the monthly limit of ${money(limit.limitMinor)}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={limit.percent}
            aria-valuetext={`${limit.percent} %`}
          >
            <span style={{ width: `${limit.percent}%` }} />
          </div>
          <p className={styles.muted}>
            {limit.overMinor > 0
              ? `${money(limit.overMinor)} over your monthly limit of ${money(limit.limitMinor)}: further orders need approval.`
              : `${money(limit.remainingMinor)} left of your monthly limit of ${money(limit.limitMinor)}.`}
          </p>
        </div>
      ))}
      {spend.perOrder.length > 0 && (
        <p className={styles.muted}>Orders over {money(spend.perOrder[0] ?? 0)} need approval.</p>
      )}
      {spend.monthly.length === 0 && spend.perOrder.length === 0 && (
        <p className={styles.muted}>No spending limit applies to you.</p>
      )}
    </section>
  );
}

function People({ people }: { people: NonNullable<Overview['people']> }) {
  return (
    <section
      className={`card ${people.joining + people.invited > 0 ? styles.attention : ''}`}
      aria-labelledby="home-people"
      data-testid="home-people"
    >
      <h2 id="home-people">People</h2>
      <ul className={styles.list}>
        <li>
          <Link className={`${styles.linkRow} ${styles.grow}`} href="/admin/joining">
            Joining requests waiting
          </Link>
          <StatusBadge tone={people.joining > 0 ? 'warn' : 'neutral'} testId="home-joining">
            {people.joining}
          </StatusBadge>
        </li>
        <li>
          <Link className={`${styles.linkRow} ${styles.grow}`} href="/admin/members?status=invited">
            Invited, no password yet
          </Link>
          <StatusBadge tone={people.invited > 0 ? 'warn' : 'neutral'} testId="home-invited">
            {people.invited}
          </StatusBadge>
        </li>
      </ul>
    </section>
  );
}
