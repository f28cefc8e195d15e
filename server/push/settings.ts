import { serverEnv } from '@/server/env';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/** The push channel as configured: VAPID keys (null when pushes are off) and whether local endpoints pass. */
export type PushSettings = { vapid: VapidKeys | null; allowLocalEndpoints: boolean };

/** The address inside EMAIL_FROM ("Countersign <no-reply@…>"), as a mailto: subject when none is set. */
function subjectFromSender(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return `mailto:${address}`;
}

/** Push settings from the environment (VAPID_*, PUSH_ALLOW_LOCAL_ENDPOINTS). */
export function pushSettings(): PushSettings {
  const env = serverEnv();
  const vapid =
    env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
      ? {
          publicKey: env.VAPID_PUBLIC_KEY,
          privateKey: env.VAPID_PRIVATE_KEY,
          subject: env.VAPID_SUBJECT ?? subjectFromSender(env.EMAIL_FROM),
        }
      : null;
  return { vapid, allowLocalEndpoints: env.PUSH_ALLOW_LOCAL_ENDPOINTS === 'true' };
}
