import addressFormatter from '@fragaria/address-formatter';

/** What an address has, wherever it is kept (address book, an order's ship-to, a registration). */
export type PostalAddress = {
  recipient?: string | null;
  addressLine1: string;
  addressLine2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
};

/**
 * The lines of an address as the post of its country writes them: "Seattle, WA 98101" in the US,
 * "10115 Berlin" in Germany, the postcode on its own line in the UK. The street lines are ours (the
 * library would put a second line before the first); the town, region, postcode and country's name
 * come from the formatting library's per-country templates. The library is large: import this on
 * the server only (pages, emails, packing slips), never from a client component.
 */
export function formatAddressLines(address: PostalAddress): string[] {
  return [address.recipient, address.addressLine1, address.addressLine2, ...localityLines(address)].filter(
    (line): line is string => Boolean(line && line.trim()),
  );
}

/**
 * A company ships to the same few addresses over and over, and the library runs its country's
 * template through a few dozen replacements on each call (2–3 % of a checkout submit's CPU, for the
 * order's email). So each distinct locality is formatted once; the kept ones are dropped when
 * there are too many to keep.
 */
const localities = new Map<string, readonly string[]>();
const LOCALITIES_KEPT = 5_000;

function localityLines(address: PostalAddress): readonly string[] {
  const key = [address.country, address.region ?? '', address.city, address.postalCode].join('\u0000');
  let lines = localities.get(key);
  if (!lines) {
    lines = addressFormatter.format(
      {
        city: address.city,
        state: address.region ?? undefined,
        postcode: address.postalCode,
        countryCode: address.country,
      },
      { output: 'array', appendCountry: true },
    );
    if (localities.size >= LOCALITIES_KEPT) localities.clear();
    localities.set(key, lines);
  }
  return lines;
}

/** The same address on one line ("1200 Main Street, Seattle, WA 98101, United States of America"). */
export function formatAddressInline(address: PostalAddress): string {
  return formatAddressLines(address).join(', ');
}
