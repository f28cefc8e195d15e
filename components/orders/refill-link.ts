/** What reordering an order or ordering from a template answered. */
export type RefillResult = { added: number; leftOut: { sku: string }[] };

/** The cart's address after a refill, carrying what to tell the member there. */
export function cartAfterRefill(source: string, result: RefillResult): string {
  const params = new URLSearchParams({ refilled: source, added: String(result.added) });
  if (result.leftOut.length > 0) params.set('skipped', result.leftOut.map((line) => line.sku).join(','));
  return `/cart?${params}`;
}
