/** Stock of one product at one fulfillment center. */
export type StockLevel = { centerCode: string; centerName: string; onHand: number; allocated: number };

export type CenterAvailability = { code: string; name: string; available: number };

export type Availability = { available: number; byCenter: CenterAvailability[] };

/** The most stock one center may hold of one product (PostgreSQL `integer` with room to spare). */
export const MAX_ON_HAND = 100_000_000;

/** Available to promise at a center: on hand less what orders already hold; never negative. */
export function availableToPromise(level: Pick<StockLevel, 'onHand' | 'allocated'>): number {
  return Math.max(0, level.onHand - level.allocated);
}

/** Available to promise per center (in the order given) and in total. */
export function availability(levels: readonly StockLevel[]): Availability {
  const byCenter = levels.map((level) => ({
    code: level.centerCode,
    name: level.centerName,
    available: availableToPromise(level),
  }));
  return { available: byCenter.reduce((sum, center) => sum + center.available, 0), byCenter };
}

/** What the store says about availability, from the total available to promise. */
export type AvailabilityWord = 'in_stock' | 'low' | 'out_of_stock';

export const LOW_STOCK_THRESHOLD = 10;

export function availabilityWord(available: number): AvailabilityWord {
  if (available <= 0) return 'out_of_stock';
  return available < LOW_STOCK_THRESHOLD ? 'low' : 'in_stock';
}

export type StockChange = { kind: 'receive'; quantity: number } | { kind: 'count'; onHand: number };

export type StockChangeOutcome = { ok: true; onHand: number } | { ok: false; message: string };

/**
 * The new on-hand quantity after receiving goods (adds to it) or recording a count (replaces it).
 * On hand never drops below what orders already hold, and never exceeds MAX_ON_HAND.
 */
export function applyStockChange(
  current: Pick<StockLevel, 'onHand' | 'allocated'>,
  change: StockChange,
): StockChangeOutcome {
  if (change.kind === 'receive') {
    if (!Number.isInteger(change.quantity) || change.quantity < 1)
      return { ok: false, message: 'Enter the quantity received: a whole number of at least 1.' };
    const onHand = current.onHand + change.quantity;
    if (onHand > MAX_ON_HAND)
      return {
        ok: false,
        message: `On hand would be ${onHand.toLocaleString('en-US')}; at most ${MAX_ON_HAND.toLocaleString('en-US')} can be held at one center.`,
      };
    return { ok: true, onHand };
  }
  if (!Number.isInteger(change.onHand) || change.onHand < 0)
    return { ok: false, message: 'Enter the counted quantity: a whole number, 0 or more.' };
  if (change.onHand > MAX_ON_HAND)
    return { ok: false, message: `At most ${MAX_ON_HAND.toLocaleString('en-US')} can be held at one center.` };
  if (change.onHand < current.allocated) {
    return {
      ok: false,
      message: `On hand cannot be ${change.onHand.toLocaleString('en-US')}: ${current.allocated.toLocaleString('en-US')} are already allocated to orders.`,
    };
  }
  return { ok: true, onHand: change.onHand };
}
