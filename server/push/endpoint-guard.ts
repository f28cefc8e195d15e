import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { addressRefusal, checkEndpoint } from '@/server/domain/notifications/endpoint-address';

/** A push endpoint the server refuses to call, with the reason in words. */
export class EndpointRefused extends Error {
  override readonly name = 'EndpointRefused';
}

function refusalMessage(hostname: string, address: string, refusal: string) {
  return `The push endpoint's host ${hostname} resolves to ${address}, a ${refusal} address, which the server does not call.`;
}

/**
 * Checks an endpoint before it is saved: its form, then every address its host resolves to.
 * Throws EndpointRefused with the reason.
 */
export async function assertCallableEndpoint(endpoint: string, allowLocal: boolean): Promise<void> {
  const check = checkEndpoint(endpoint, { allowLocal });
  if (!check.ok) throw new EndpointRefused(check.reason);
  if (!check.resolve) return;
  const addresses = await dns.promises.lookup(check.hostname, { all: true, verbatim: true }).catch(() => {
    throw new EndpointRefused(`The push endpoint's host ${check.hostname} could not be found.`);
  });
  if (addresses.length === 0) throw new EndpointRefused(`The push endpoint's host ${check.hostname} has no address.`);
  for (const { address } of addresses) {
    const refusal = addressRefusal(address);
    if (refusal) throw new EndpointRefused(refusalMessage(check.hostname, address, refusal));
  }
}

/**
 * A DNS lookup for the push request itself: it refuses the connection when any address of the
 * host is not public, so the address connected to is one that was checked (the name may resolve
 * elsewhere now than when the subscription was saved).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    for (const { address } of addresses) {
      const refusal = addressRefusal(address);
      if (refusal) return callback(new EndpointRefused(refusalMessage(hostname, address, refusal)), '', 0);
    }
    const [first] = addresses;
    if (!first) return callback(new EndpointRefused(`The push endpoint's host ${hostname} has no address.`), '', 0);
    if (options.all) return callback(null, addresses);
    callback(null, first.address, first.family);
  });
};
