import type { Order, ShipTo } from '@/db/schema';
import { ORDER_STATUS_CODES, type OrderStatus } from '@/server/domain/orders/state-machine';

/**
 * One order as the ERP receives it: its current state, complete. Field names are the feed's
 * contract with the ERP (documented in the README); add fields, never rename or remove them.
 */
export type ErpFeedOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  /** WebSphere Commerce's one-letter status: A, B, C, R, S, D or X. */
  statusCode: string;
  /** Grows by one with every status change. */
  version: number;
  customer: { organizationId: string; name: string; erpCustomerCode: string | null };
  requester: { name: string; email: string };
  unit: { id: string; name: string };
  submittedAt: Date;
  updatedAt: Date;
  releasedAt: Date | null;
  shippedAt: Date | null;
  depositedAt: Date | null;
  canceledAt: Date | null;
  poNumber: string | null;
  buyerNote: string | null;
  shipTo: ShipTo;
  shippingMethod: { code: string; name: string };
  /** The card's last four digits only; the number itself is never stored. */
  payment: {
    method: Order['paymentMethod'];
    status: Order['paymentStatus'];
    cardLast4: string | null;
    reference: string | null;
  };
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  lines: {
    lineNumber: number;
    sku: string;
    name: string;
    unit: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    shippedQuantity: number;
  }[];
  shipments: {
    packageId: string;
    status: 'packed' | 'shipped';
    carrier: string | null;
    trackingNumber: string | null;
    packedAt: Date;
    shippedAt: Date | null;
    lines: { lineNumber: number; sku: string; quantity: number }[];
  }[];
  /** Approval decisions, oldest first; empty for an order that needed no approval. */
  authorizations: {
    decision: 'approved' | 'declined';
    at: Date;
    authorizer: { name: string; email: string } | null;
    feedback: string | null;
  }[];
};

export type FeedOrderRow = {
  order: Order;
  customerName: string;
  customerCode: string | null;
  unitName: string;
  requesterName: string;
  requesterEmail: string;
};

export type FeedOrderParts = {
  lines: {
    orderId: string;
    id: string;
    lineNumber: number;
    sku: string;
    name: string;
    unit: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    shippedQuantity: number;
  }[];
  packages: {
    orderId: string;
    id: string;
    status: 'packed' | 'shipped';
    carrier: string | null;
    trackingNumber: string | null;
    createdAt: Date;
    shippedAt: Date | null;
  }[];
  packageLines: { packageId: string; orderLineId: string; quantity: number }[];
  decisions: {
    orderId: string;
    kind: string;
    at: Date;
    data: Record<string, unknown>;
    name: string | null;
    email: string | null;
  }[];
};

const feedbackOf = (data: Record<string, unknown>) => {
  const value = data.feedback ?? data.reason;
  return typeof value === 'string' && value.trim() ? value : null;
};

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Puts each order row together with its lines, packages and decisions, as the feed's orders. */
export function toFeedOrders(rows: readonly FeedOrderRow[], parts: FeedOrderParts): ErpFeedOrder[] {
  const lines = groupBy(parts.lines, (line) => line.orderId);
  const boxes = groupBy(parts.packages, (box) => box.orderId);
  const boxLines = groupBy(parts.packageLines, (line) => line.packageId);
  const decisions = groupBy(parts.decisions, (decision) => decision.orderId);
  return rows.map((row) =>
    toFeedOrder(row, {
      lines: lines.get(row.order.id) ?? [],
      packages: boxes.get(row.order.id) ?? [],
      packageLines: boxLines,
      decisions: decisions.get(row.order.id) ?? [],
    }),
  );
}

type OrderParts = Omit<FeedOrderParts, 'packageLines'> & { packageLines: Map<string, FeedOrderParts['packageLines']> };

function toFeedOrder(row: FeedOrderRow, parts: OrderParts): ErpFeedOrder {
  const { order } = row;
  const lines = parts.lines;
  const lineById = new Map(lines.map((line) => [line.id, line]));
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    statusCode: ORDER_STATUS_CODES[order.status],
    version: order.version,
    customer: { organizationId: order.organizationId, name: row.customerName, erpCustomerCode: row.customerCode },
    requester: { name: row.requesterName, email: row.requesterEmail },
    unit: { id: order.unitId, name: row.unitName },
    submittedAt: order.submittedAt,
    updatedAt: order.updatedAt,
    releasedAt: order.releasedAt,
    shippedAt: order.shippedAt,
    depositedAt: order.depositedAt,
    canceledAt: order.canceledAt,
    poNumber: order.poNumber,
    buyerNote: order.buyerNote,
    shipTo: order.shipTo,
    shippingMethod: { code: order.shippingMethodCode, name: order.shippingMethodName },
    payment: {
      method: order.paymentMethod,
      status: order.paymentStatus,
      cardLast4: order.cardLast4,
      reference: order.paymentReference,
    },
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    lines: lines.map(({ lineNumber, sku, name, unit, quantity, unitPriceMinor, lineTotalMinor, shippedQuantity }) => ({
      lineNumber,
      sku,
      name,
      unit,
      quantity,
      unitPriceMinor,
      lineTotalMinor,
      shippedQuantity,
    })),
    shipments: parts.packages.map((box) => ({
      packageId: box.id,
      status: box.status,
      carrier: box.carrier,
      trackingNumber: box.trackingNumber,
      packedAt: box.createdAt,
      shippedAt: box.shippedAt,
      lines: (parts.packageLines.get(box.id) ?? [])
        .flatMap((packed) => {
          const line = lineById.get(packed.orderLineId);
          return line ? [{ lineNumber: line.lineNumber, sku: line.sku, quantity: packed.quantity }] : [];
        })
        .sort((a, b) => a.lineNumber - b.lineNumber),
    })),
    authorizations: parts.decisions.map((decision) => ({
      decision: decision.kind === 'approve' ? ('approved' as const) : ('declined' as const),
      at: decision.at,
      authorizer:
        decision.name !== null && decision.email !== null ? { name: decision.name, email: decision.email } : null,
      feedback: feedbackOf(decision.data),
    })),
  };
}
