import { isIPv4, isIPv6 } from 'node:net';

/**
 * Roughly where a session came from, without keeping more than needed to recognise it: the /24
 * network of an IPv4 address ("203.0.113.0/24"), the /48 of an IPv6 one. Anything else is unknown.
 */
export function coarseNetwork(address: string | null | undefined): string | null {
  const text = (address ?? '').trim().replace(/^::ffff:(?=\d+\.)/i, '');
  if (isIPv4(text)) {
    const [a, b, c] = text.split('.');
    return `${a}.${b}.${c}.0/24`;
  }
  if (isIPv6(text)) {
    const groups = expandIpv6(text).slice(0, 3);
    return `${groups.map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return null;
}

function expandIpv6(text: string): string[] {
  const withoutZone = text.split('%')[0] ?? '';
  const [head = '', tail] = withoutZone.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}
