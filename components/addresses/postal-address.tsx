import 'server-only';
import { formatAddressLines, type PostalAddress } from '@/server/domain/addresses/format-address';

/**
 * An address as the post of its country writes it ("Seattle, WA 98101" in the US, "10115 Berlin"
 * in Germany), one line each. Server only: the formatting library stays out of the browser's
 * bundle; client components get the lines as strings instead.
 */
export function PostalAddressBlock({
  address,
  className,
  before = [],
}: {
  address: PostalAddress;
  className?: string;
  /** Lines printed above the street (a packing slip's organization name under the recipient). */
  before?: readonly string[];
}) {
  const [first, ...rest] = formatAddressLines(address);
  const lines =
    address.recipient && first ? [first, ...before, ...rest] : [...before, ...(first ? [first] : []), ...rest];
  return (
    <address className={className}>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </address>
  );
}
