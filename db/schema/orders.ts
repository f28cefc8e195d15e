import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { orderStatus, packageStatus, paymentMethod, paymentStatus } from './enums';
import { fulfillmentCenters, products } from './catalog';
import { organizations } from './organizations';
import { memberships, users } from './users';

/** Where a buyer organization's orders can be shipped; chosen at checkout. */
export const organizationAddresses = pgTable(
  'organization_addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    label: varchar({ length: 100 }).notNull(),
    recipient: varchar({ length: 200 }).notNull(),
    addressLine1: varchar({ length: 200 }).notNull(),
    addressLine2: varchar({ length: 200 }),
    city: varchar({ length: 100 }).notNull(),
    region: varchar({ length: 100 }),
    postalCode: varchar({ length: 20 }).notNull(),
    country: varchar({ length: 2 }).notNull(),
    isDefault: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId)],
);

/** The seller's shipping methods and what each costs per order. */
export const shippingMethods = pgTable('shipping_methods', {
  id: uuid().primaryKey().defaultRandom(),
  code: varchar({ length: 20 }).notNull().unique(),
  name: varchar({ length: 100 }).notNull(),
  description: varchar({ length: 200 }).notNull().default(''),
  costMinor: bigint({ mode: 'number' }).notNull(),
  currency: char({ length: 3 }).notNull(),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
});

/** The address an order ships to, copied at submit so later edits of the address book do not change it. */
export type ShipTo = {
  label: string;
  recipient: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
};

export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 100001 });

/**
 * A submitted order. Money is in minor units of `currency`. `version` is bumped on every status
 * change; rows are changed under SELECT … FOR UPDATE. `organizationId` is the tenant (root),
 * `unitId` the requester's unit, for scoped views.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: varchar({ length: 20 })
      .notNull()
      .default(sql`('CS-' || nextval('order_number_seq'))`),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    unitId: uuid()
      .notNull()
      .references(() => organizations.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: orderStatus().notNull(),
    version: integer().notNull().default(1),
    /** The client's key for this checkout: a retried or double-clicked submit finds the same order. */
    idempotencyKey: varchar({ length: 64 }).notNull(),
    currency: char({ length: 3 }).notNull(),
    subtotalMinor: bigint({ mode: 'number' }).notNull(),
    shippingMinor: bigint({ mode: 'number' }).notNull(),
    totalMinor: bigint({ mode: 'number' }).notNull(),
    itemCount: integer().notNull(),
    skuCount: integer().notNull(),
    shipTo: jsonb().$type<ShipTo>().notNull(),
    shippingMethodCode: varchar({ length: 20 }).notNull(),
    shippingMethodName: varchar({ length: 100 }).notNull(),
    poNumber: varchar({ length: 40 }),
    buyerNote: varchar({ length: 500 }),
    paymentMethod: paymentMethod().notNull(),
    paymentStatus: paymentStatus().notNull().default('pending'),
    /** The card's outcome at submit (the number itself is never stored) and the provider's reference. */
    cardLast4: char({ length: 4 }),
    cardOutcome: varchar({ length: 20 }),
    paymentReference: varchar({ length: 100 }),
    captureAttempts: integer().notNull().default(0),
    captureError: text(),
    captureNextAt: timestamp({ withTimezone: true }),
    /** When the customer paid an invoiced (bill-me) order; until then it counts in the open balance. */
    settledAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    releasedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    depositedAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * The id of the transaction that last changed the order (set on every update). The ERP feed
     * pages by it and only hands out changes older than every running transaction, so a reader
     * never skips a change that commits late.
     */
    changeXid: bigint({ mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text::bigint)`),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_idempotency_key').on(t.membershipId, t.idempotencyKey),
    // Order history pages: a member's own, a unit's, the organization's; newest first. "desc nulls
    // first" is what a plain ORDER BY … DESC means, so queries match these indexes as written.
    index('orders_member_history_idx').on(t.membershipId, t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_unit_history_idx').on(t.unitId, t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_organization_history_idx').on(
      t.organizationId,
      t.submittedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Staff queues by state, and the jobs that pick orders by state.
    index('orders_status_idx').on(t.status, t.submittedAt),
    index('orders_staff_history_idx').on(t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_change_idx').on(t.changeXid, t.id),
    // Insights (spend per month, top requesters, approval outcomes) read an organization's orders of
    // a date range from this index alone: the columns they group and sum are carried in it.
    index('orders_insights_idx').on(
      t.organizationId,
      t.submittedAt,
      t.unitId,
      t.membershipId,
      t.status,
      t.totalMinor,
      t.id,
    ),
    // The staff overview's orders per day by state, over every organization, from the index alone.
    index('orders_submitted_status_idx').on(t.submittedAt, t.status),
    check(
      'orders_totals_check',
      sql`${t.subtotalMinor} >= 0 and ${t.shippingMinor} >= 0 and ${t.totalMinor} = ${t.subtotalMinor} + ${t.shippingMinor}`,
    ),
  ],
);

/** What was ordered, with the price agreed at submit. `shippedQuantity` grows with confirmed packages. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNumber: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    sku: varchar({ length: 50 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    unit: varchar({ length: 30 }).notNull(),
    quantity: integer().notNull(),
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    listPriceMinor: bigint({ mode: 'number' }),
    discountBasisPoints: integer(),
    lineTotalMinor: bigint({ mode: 'number' }).notNull(),
    shippedQuantity: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_key').on(t.orderId, t.lineNumber),
    index().on(t.productId),
    check(
      'order_lines_quantity_check',
      sql`${t.quantity} > 0 and ${t.shippedQuantity} >= 0 and ${t.shippedQuantity} <= ${t.quantity}`,
    ),
  ],
);

/** Units of a line promised from a fulfillment center's stock (inventory.allocated counts them). */
export const orderAllocations = pgTable(
  'order_allocations',
  {
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    fulfillmentCenterId: uuid()
      .notNull()
      .references(() => fulfillmentCenters.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderLineId, t.fulfillmentCenterId] }),
    index().on(t.orderId),
    index().on(t.fulfillmentCenterId, t.orderId),
  ],
);

/** An order's history: every status change and notable act, who did it and why. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of writing: events of one transaction share `at`, and a timeline must keep their order. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: varchar({ length: 40 }).notNull(),
    fromStatus: orderStatus(),
    toStatus: orderStatus(),
    actorUserId: uuid().references(() => users.id),
    /** What a person reads in the timeline: "Payment approved by Pat Payments". */
    message: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index().on(t.orderId, t.seq),
    // Failed card captures over time, for the staff overview.
    index('order_events_capture_failed_idx')
      .on(t.at)
      .where(sql`${t.kind} = 'capture_failed'`),
  ],
);

/** Released orders of one fulfillment center gathered for picking together. */
export const pickBatches = pgTable(
  'pick_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: integer().generatedAlwaysAsIdentity({ startWith: 1001 }).notNull().unique(),
    fulfillmentCenterId: uuid()
      .notNull()
      .references(() => fulfillmentCenters.id),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.fulfillmentCenterId, t.createdAt)],
);

/** An order's part at one center belongs to at most one pick batch. */
export const pickBatchOrders = pgTable(
  'pick_batch_orders',
  {
    pickBatchId: uuid()
      .notNull()
      .references(() => pickBatches.id, { onDelete: 'cascade' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    fulfillmentCenterId: uuid()
      .notNull()
      .references(() => fulfillmentCenters.id),
  },
  (t) => [
    primaryKey({ columns: [t.pickBatchId, t.orderId] }),
    uniqueIndex('pick_batch_orders_order_center_key').on(t.orderId, t.fulfillmentCenterId),
  ],
);

/** A box leaving a center: packed with some order lines, then shipped with a carrier and tracking number. */
export const packages = pgTable(
  'packages',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    fulfillmentCenterId: uuid()
      .notNull()
      .references(() => fulfillmentCenters.id),
    pickBatchId: uuid().references(() => pickBatches.id),
    status: packageStatus().notNull().default('packed'),
    carrier: varchar({ length: 60 }),
    trackingNumber: varchar({ length: 100 }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdByUserId: uuid().references(() => users.id),
    shippedAt: timestamp({ withTimezone: true }),
    shippedByUserId: uuid().references(() => users.id),
  },
  (t) => [
    index().on(t.orderId),
    index().on(t.pickBatchId),
    // Release-to-shipment lead times per center, for the staff overview.
    index('packages_shipped_idx')
      .on(t.shippedAt, t.fulfillmentCenterId, t.orderId)
      .where(sql`${t.shippedAt} is not null`),
  ],
);

export const packageLines = pgTable(
  'package_lines',
  {
    packageId: uuid()
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.packageId, t.orderLineId] }),
    index().on(t.orderLineId),
    check('package_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** A saved cart a member orders from again and again. */
export const orderTemplates = pgTable(
  'order_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    name: varchar({ length: 100 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.membershipId, t.createdAt)],
);

export const orderTemplateLines = pgTable(
  'order_template_lines',
  {
    templateId: uuid()
      .notNull()
      .references(() => orderTemplates.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    quantity: integer().notNull(),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.productId] })],
);

/** Keys the seller's ERP uses for the order feed. Only a SHA-256 of the key is kept. */
export const erpApiKeys = pgTable('erp_api_keys', {
  id: uuid().primaryKey().defaultRandom(),
  name: varchar({ length: 100 }).notNull(),
  keyHash: char({ length: 64 }).notNull().unique(),
  /** The first characters, so staff can tell keys apart. */
  prefix: varchar({ length: 16 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  createdByUserId: uuid().references(() => users.id),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

export type OrganizationAddress = typeof organizationAddresses.$inferSelect;
export type ShippingMethod = typeof shippingMethods.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type Package = typeof packages.$inferSelect;
