import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import { checkEndpoint } from '@/server/domain/notifications/endpoint-address';
import type { PushMessage } from '@/server/domain/notifications/push-for-email';
import { EndpointRefused, guardedLookup } from './endpoint-guard';
import type { VapidKeys } from './settings';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** How a push went: delivered; refused for good (`gone`: the subscription no longer exists); or worth retrying. */
export type PushOutcome = { kind: 'sent' } | { kind: 'gone'; status: number } | { kind: 'retry'; error: string };

/** How long a push service may keep an undelivered push: a day, after which the email has done the job. */
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;
const TIMEOUT_MS = 15_000;

/**
 * Sends one push: encrypted for the device (aes128gcm) and signed with our VAPID key by
 * `web-push`, then posted by us, so that the connection goes only to a checked public address
 * (and, with local endpoints allowed in tests, to a plain-http receiver). Never throws.
 */
export async function sendPush(
  target: PushTarget,
  message: PushMessage,
  vapid: VapidKeys,
  options: { allowLocal: boolean },
): Promise<PushOutcome> {
  const check = checkEndpoint(target.endpoint, { allowLocal: options.allowLocal });
  if (!check.ok) return { kind: 'retry', error: check.reason };
  let details: webpush.RequestDetails;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(message),
      { vapidDetails: vapid, TTL: TIME_TO_LIVE_SECONDS, contentEncoding: 'aes128gcm', urgency: 'high' },
    );
  } catch (error) {
    return { kind: 'retry', error: `could not encrypt the push: ${errorText(error)}` };
  }
  try {
    const status = await post(check.url, details, options.allowLocal);
    if (status >= 200 && status < 300) return { kind: 'sent' };
    if (status === 404 || status === 410) return { kind: 'gone', status };
    return { kind: 'retry', error: `the push service answered ${status}` };
  } catch (error) {
    return { kind: 'retry', error: error instanceof EndpointRefused ? error.message : errorText(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Posts the push and answers the status code; redirects are not followed (a redirect is a failure). */
function post(url: URL, details: webpush.RequestDetails, allowLocal: boolean): Promise<number> {
  const client = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: details.headers as http.OutgoingHttpHeaders,
        timeout: TIMEOUT_MS,
        ...(allowLocal ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        response.resume(); // the body says nothing we keep
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('the push service did not answer in time')));
    request.on('error', reject);
    request.end(details.body ?? undefined);
  });
}
