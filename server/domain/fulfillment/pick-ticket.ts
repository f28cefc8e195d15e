/** One order's units of one SKU to pick at a center. */
export type PickLine = { orderNumber: string; sku: string; name: string; unit: string; quantity: number };

export type PickItem = {
  sku: string;
  name: string;
  unit: string;
  totalQuantity: number;
  orders: { orderNumber: string; quantity: number }[];
};

/**
 * The pick ticket of a batch: every SKU once, with the total to pick and how it splits over the
 * orders, sorted by SKU (the walk order when there are no bin locations) and orders by number.
 */
export function aggregatePickLines(lines: readonly PickLine[]): PickItem[] {
  const bySku = new Map<string, PickItem>();
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const item = bySku.get(line.sku) ?? {
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      totalQuantity: 0,
      orders: [],
    };
    item.totalQuantity += line.quantity;
    const existing = item.orders.find((order) => order.orderNumber === line.orderNumber);
    if (existing) existing.quantity += line.quantity;
    else item.orders.push({ orderNumber: line.orderNumber, quantity: line.quantity });
    bySku.set(line.sku, item);
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...bySku.values()]
    .map((item) => ({ ...item, orders: [...item.orders].sort((a, b) => byNumber(a.orderNumber, b.orderNumber)) }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
