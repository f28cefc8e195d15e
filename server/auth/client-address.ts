type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The caller's address for rate limits. X-Forwarded-For is only trusted as far as our own proxies
 * appended it: with TRUSTED_PROXY_HOPS=n we take the n-th entry from the right (counting from 1),
 * which a client cannot forge by sending the header themselves. With no proxy (n=0) the rightmost
 * entry is the best there is: Next.js fills the header with the socket address when it is absent.
 */
export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string {
  const forwarded = header(headers, 'x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded && forwarded.length > 0) {
    return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxyHops))] ?? 'unknown';
  }
  return header(headers, 'x-real-ip') ?? 'unknown';
}
