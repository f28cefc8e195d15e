export type OrderLineNeed = { productId: string; quantity: number };
export type CenterStock = { productId: string; centerId: string; available: number };
export type Allocation = { productId: string; centerId: string; quantity: number };

export type AllocationPlan =
  { kind: 'allocated'; allocations: Allocation[] } | { kind: 'short'; shortProductIds: string[] };

/**
 * Allocates an order against available-to-promise, all or nothing (WebSphere's ATP flow: an order
 * that cannot be fully allocated is backordered as a whole). One fulfillment center that can ship
 * everything is preferred — one shipment; otherwise each line takes from the centers holding the
 * most first. Centers are compared by id when equal, so the plan is the same every time.
 */
export function planAllocation(lines: readonly OrderLineNeed[], stock: readonly CenterStock[]): AllocationPlan {
  const availableAt = (productId: string, centerId: string) =>
    stock.find((row) => row.productId === productId && row.centerId === centerId)?.available ?? 0;
  const centers = [...new Set(stock.map((row) => row.centerId))].sort();

  const single = centers.find((centerId) =>
    lines.every((line) => availableAt(line.productId, centerId) >= line.quantity),
  );
  if (single)
    return {
      kind: 'allocated',
      allocations: lines.map((line) => ({ productId: line.productId, centerId: single, quantity: line.quantity })),
    };

  const allocations: Allocation[] = [];
  const short: string[] = [];
  for (const line of lines) {
    let needed = line.quantity;
    const sources = centers
      .map((centerId) => ({ centerId, available: availableAt(line.productId, centerId) }))
      .filter((source) => source.available > 0)
      .sort((a, b) => b.available - a.available || a.centerId.localeCompare(b.centerId));
    for (const source of sources) {
      if (needed === 0) break;
      const take = Math.min(needed, source.available);
      allocations.push({ productId: line.productId, centerId: source.centerId, quantity: take });
      needed -= take;
    }
    if (needed > 0) short.push(line.productId);
  }
  return short.length > 0 ? { kind: 'short', shortProductIds: short } : { kind: 'allocated', allocations };
}
