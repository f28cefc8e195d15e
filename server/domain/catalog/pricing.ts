import { isCurrentContract } from '../organizations/approval';

/** What of a contract decides prices: its price list, its discount, and when it holds. */
export type PricingContract = {
  priceListId: string | null;
  /** 250 is 2.50 %. */
  discountBasisPoints: number | null;
  validFrom: string;
  validTo: string | null;
};

/** A product's price in a price list, in the list's currency. */
export type ListPrice = { unitPriceMinor: number; currency: string };

export type BuyerPrice =
  | { kind: 'priced'; unitPriceMinor: number; currency: string; listPriceMinor: number; discountBasisPoints: number }
  | { kind: 'on_request'; reason: 'no_contract' | 'no_price_list' | 'not_in_list' };

const FULL = 10_000n;

/**
 * The contract that prices an organization's orders on `today` (YYYY-MM-DD): among those valid
 * today, the one that started last. A tie goes to the contract listed later (callers list them
 * oldest first), so the newest agreement wins.
 */
export function currentContract<T extends PricingContract>(contracts: readonly T[], today: string): T | null {
  let best: T | null = null;
  for (const contract of contracts) {
    if (!isCurrentContract(contract, today)) continue;
    if (!best || contract.validFrom >= best.validFrom) best = contract;
  }
  return best;
}

/**
 * A list price less a discount in basis points, rounded half-up to the currency's minor unit.
 * Amounts are already integer minor units, so the rounding is to an integer; BigInt keeps
 * list × 10,000 exact for any amount.
 */
export function discountedMinor(listPriceMinor: number, discountBasisPoints: number): number {
  if (!Number.isSafeInteger(listPriceMinor) || listPriceMinor < 0)
    throw new RangeError(`Not an amount in minor units: ${listPriceMinor}`);
  if (!Number.isInteger(discountBasisPoints) || discountBasisPoints < 0 || discountBasisPoints > 10_000) {
    throw new RangeError(`A discount is 0 to 10,000 basis points, not ${discountBasisPoints}`);
  }
  const scaled = BigInt(listPriceMinor) * (FULL - BigInt(discountBasisPoints));
  return Number((scaled + FULL / 2n) / FULL);
}

/**
 * What a buyer pays for one unit: the list price of the product in the current contract's price
 * list, less the contract's discount. Without a current contract, or without a price in its list,
 * the product is "price on request" (and cannot be ordered at a price).
 */
export function buyerPrice(contract: PricingContract | null, listPrice: ListPrice | null): BuyerPrice {
  if (!contract) return { kind: 'on_request', reason: 'no_contract' };
  if (!contract.priceListId) return { kind: 'on_request', reason: 'no_price_list' };
  if (!listPrice) return { kind: 'on_request', reason: 'not_in_list' };
  const discountBasisPoints = contract.discountBasisPoints ?? 0;
  return {
    kind: 'priced',
    unitPriceMinor: discountedMinor(listPrice.unitPriceMinor, discountBasisPoints),
    currency: listPrice.currency,
    listPriceMinor: listPrice.unitPriceMinor,
    discountBasisPoints,
  };
}
