/**
 * Where the server may send a push: a subscription's endpoint is an address the server itself
 * calls, so an endpoint on a private, loopback or link-local address would let a member make the
 * server reach inside its own network (a cloud's metadata service, a database port). Only public
 * unicast addresses pass. Pure: the caller resolves host names and asks about every address.
 */

/** Why an address is refused, in words fit for a message; none when it is a public unicast address. */
export type AddressRefusal =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (carrier-grade NAT)'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'not an IP address';

type Range4 = readonly [prefix: string, bits: number, refusal: AddressRefusal];

const IPV4_REFUSED: readonly Range4[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'], // also Alibaba's metadata, 100.100.100.200
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // also the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments, also some metadata services
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // and 255.255.255.255, broadcast
];

/** Parses a dotted-quad IPv4 address (as DNS answers and URL hosts are normalised to) to 32 bits. */
function ipv4Bits(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let bits = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    bits = bits * 256 + Number(part);
  }
  return bits;
}

function refusalOf4(bits: number): AddressRefusal | null {
  for (const [prefix, length, refusal] of IPV4_REFUSED) {
    const start = ipv4Bits(prefix) ?? 0;
    const size = 2 ** (32 - length);
    if (bits >= start && bits < start + size) return refusal;
  }
  return null;
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail) to its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (text.includes('%')) return null; // a zone id names a local interface: never an outside address
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const v4 = ipv4Bits(tail[1]);
    if (v4 === null) return null;
    text = `${text.slice(0, -tail[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string | undefined) => (half ? half.split(':') : []);
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

function embeddedIpv4(groups: readonly number[], from: number): number {
  return (groups[from] ?? 0) * 65_536 + (groups[from + 1] ?? 0);
}

function refusalOf6(g: readonly number[]): AddressRefusal | null {
  const [a = 0, b = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // An IPv4 address written as IPv6 reaches that IPv4 address: judge it as one.
  if (zeroUpTo(5) && g[5] === 0xffff) return refusalOf4(embeddedIpv4(g, 6));
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((group) => group === 0)) {
    return refusalOf4(embeddedIpv4(g, 6)); // NAT64
  }
  if (a === 0x2002) return refusalOf4(embeddedIpv4(g, 1)); // 6to4
  if (zeroUpTo(6)) return 'reserved'; // deprecated IPv4-compatible addresses
  if ((a & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, also AWS's metadata fd00:ec2::254
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0x0db8) return 'documentation';
  if (a === 0x2001 && b === 0) return 'reserved'; // Teredo hides the IPv4 address it reaches
  if (a === 0x0100 && zeroUpTo(4)) return 'reserved'; // discard prefix 100::/64
  if ((a & 0xe000) !== 0x2000) return 'reserved'; // outside 2000::/3, the global unicast space
  return null;
}

/** Why this IP address may not receive pushes from the server, or null when it is a public unicast address. */
export function addressRefusal(address: string): AddressRefusal | null {
  const v4 = ipv4Bits(address);
  if (v4 !== null) return refusalOf4(v4);
  const v6 = ipv6Groups(address);
  return v6 ? refusalOf6(v6) : 'not an IP address';
}

/** Whether a URL host is an IP literal (URL writes IPv6 hosts in brackets), not a name to resolve. */
export function isIpHost(hostname: string): boolean {
  return ipv4Bits(hostname) !== null || (hostname.startsWith('[') && ipv6Groups(hostname) !== null);
}

/** The endpoint as the server will call it, or why it is refused before any name is resolved. */
export type EndpointCheck = { ok: true; url: URL; hostname: string; resolve: boolean } | { ok: false; reason: string };

/**
 * Checks a subscription endpoint's form: an `https` URL without credentials, whose host, when it
 * is an IP address, is public. A host name must then be resolved and each of its addresses passed
 * to `addressRefusal` (`resolve: true`). `allowLocal` (tests only) accepts any host, over http too.
 */
export function checkEndpoint(endpoint: string, options: { allowLocal: boolean }): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'The push endpoint is not a valid URL.' };
  }
  const schemes = options.allowLocal ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return { ok: false, reason: 'The push endpoint must be an https URL.' };
  if (url.username || url.password) return { ok: false, reason: 'The push endpoint may not carry a user name.' };
  const hostname = url.hostname;
  if (options.allowLocal) return { ok: true, url, hostname, resolve: false };
  if (isIpHost(hostname)) {
    const refusal = addressRefusal(hostname.replace(/^\[|\]$/g, ''));
    return refusal
      ? { ok: false, reason: `The push endpoint is on a ${refusal} address, which the server does not call.` }
      : { ok: true, url, hostname, resolve: false };
  }
  const name = hostname.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return { ok: false, reason: 'The push endpoint is on a loopback address, which the server does not call.' };
  }
  return { ok: true, url, hostname, resolve: true };
}
