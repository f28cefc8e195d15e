import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long every answer to an anonymous form that names an email address takes at least. Above
 * the slowest path (a contact's token and email, an argon2 hash and a registration's inserts).
 */
export const NEUTRAL_ANSWER_FLOOR_MS = 500;

/**
 * Runs `work` and answers — or fails — no sooner than `floorMs` after the start, and at the next
 * multiple of it when the work took longer, so the time an answer takes tells nothing about the
 * path the work went (a known address or an unknown one).
 */
export async function answerAfter<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const settled = await Promise.resolve()
    .then(work)
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  const elapsed = performance.now() - started;
  const target = floorMs > 0 ? Math.max(1, Math.ceil(elapsed / floorMs)) * floorMs : 0;
  // A timer may fire a little early by this clock: wait again for what is left.
  for (let left = target - elapsed; left > 0; left = target - (performance.now() - started)) {
    await sleep(Math.ceil(left));
  }
  if (!settled.ok) throw settled.error;
  return settled.value;
}
