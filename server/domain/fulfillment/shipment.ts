/**
 * Shipment bookkeeping. An order line's `shippedQuantity` grows by what a confirmed package holds;
 * the order is shipped when every line has shipped in full, across all its centers.
 */
export type ShippableLine = { orderLineId: string; sku: string; quantity: number; shippedQuantity: number };
export type ShippedPackageLine = { orderLineId: string; quantity: number };

export type ShipmentOutcome =
  { ok: true; lines: (ShippableLine & { shippingNow: number })[]; complete: boolean } | { ok: false; message: string };

/** Whether every line has shipped in full. */
export function isFullyShipped(lines: readonly Pick<ShippableLine, 'quantity' | 'shippedQuantity'>[]): boolean {
  return lines.length > 0 && lines.every((line) => line.shippedQuantity >= line.quantity);
}

/** 'none' before the first package leaves, 'partial' while some units are still to ship, 'complete' after. */
export function shipmentState(
  lines: readonly Pick<ShippableLine, 'quantity' | 'shippedQuantity'>[],
): 'none' | 'partial' | 'complete' {
  if (isFullyShipped(lines)) return 'complete';
  return lines.some((line) => line.shippedQuantity > 0) ? 'partial' : 'none';
}

/**
 * The order's lines after a package ships: refused when the package would ship more of a line
 * than was ordered (it cannot happen when packing respected its limits; this guards the data).
 */
export function applyShipment(
  lines: readonly ShippableLine[],
  shipped: readonly ShippedPackageLine[],
): ShipmentOutcome {
  const next = lines.map((line) => ({ ...line, shippingNow: 0 }));
  for (const item of shipped) {
    const line = next.find((candidate) => candidate.orderLineId === item.orderLineId);
    if (!line) return { ok: false, message: 'The package holds a line that is not part of its order.' };
    line.shippingNow += item.quantity;
    line.shippedQuantity += item.quantity;
    if (line.shippedQuantity > line.quantity) {
      return {
        ok: false,
        message: `The package would ship ${line.shippedQuantity} of ${line.sku}, but only ${line.quantity} were ordered.`,
      };
    }
  }
  return { ok: true, lines: next, complete: isFullyShipped(next) };
}

/** Progress of an order's part at one center, for the batch page: what is allocated, packed, shipped. */
export type CenterProgress = {
  allocated: number;
  packed: number;
  shipped: number;
  state: 'to_pack' | 'packing' | 'packed' | 'partly_shipped' | 'shipped';
};

export function centerProgress(
  lines: readonly { allocated: number; packed: number; shipped: number }[],
): CenterProgress {
  const sum = (pick: (line: { allocated: number; packed: number; shipped: number }) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const allocated = sum((line) => line.allocated);
  const packed = sum((line) => line.packed);
  const shipped = sum((line) => line.shipped);
  const state =
    shipped >= allocated && allocated > 0
      ? 'shipped'
      : shipped > 0
        ? 'partly_shipped'
        : packed >= allocated && allocated > 0
          ? 'packed'
          : packed > 0
            ? 'packing'
            : 'to_pack';
  return { allocated, packed, shipped, state };
}

export const PROGRESS_LABELS: Record<CenterProgress['state'], string> = {
  to_pack: 'To pack',
  packing: 'Partly packed',
  packed: 'Packed, not shipped',
  partly_shipped: 'Partly shipped',
  shipped: 'Shipped',
};
