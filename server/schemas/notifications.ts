import { z } from 'zod';

/** Base64url as browsers give a subscription's keys (no padding). */
const base64url = (length: number, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), `The browser's ${what} is not a key it could have made.`);

/** What `PushSubscription.toJSON()` gives, as the browser sends it on "Notify me on this device". */
export const subscribePushSchema = z.object({
  endpoint: z.string().trim().min(1).max(2048, 'The push endpoint is too long.'),
  keys: z.object({
    /** An uncompressed P-256 point: 65 bytes. */
    p256dh: base64url(87, 'public key'),
    /** The 16-byte auth secret. */
    auth: base64url(22, 'auth secret'),
  }),
  userAgent: z.string().max(300).optional(),
});
export type SubscribePushInput = z.infer<typeof subscribePushSchema>;

export const unsubscribePushSchema = z.object({ endpoint: z.string().trim().min(1).max(2048) });

export const removePushDeviceSchema = z.object({ subscriptionId: z.uuid() });
