import { describe, expect, it } from 'vitest';
import { answerAfter } from './answer-after';

const timed = async <T>(run: () => Promise<T>) => {
  const started = performance.now();
  const outcome: { value?: T; error?: unknown } = await run().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, ms: performance.now() - started };
};

describe('answerAfter', () => {
  it('answers a quick piece of work no sooner than the floor', async () => {
    const { value, ms } = await timed(() => answerAfter(80, async () => 'done'));
    expect(value).toBe('done');
    expect(ms).toBeGreaterThanOrEqual(80);
    expect(ms).toBeLessThan(80 + 60);
  });

  it('holds a failure back as long as a success, then fails with it', async () => {
    const failure = new Error('refused');
    const { error, ms } = await timed(() =>
      answerAfter(80, async () => {
        throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(ms).toBeGreaterThanOrEqual(80);
  });

  it('answers slower work at the next multiple of the floor', async () => {
    const { ms } = await timed(() => answerAfter(50, () => new Promise((resolve) => setTimeout(resolve, 70))));
    expect(ms).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(100 + 50);
  });

  it('adds nothing when the floor is zero', async () => {
    const { ms } = await timed(() => answerAfter(0, async () => 1));
    expect(ms).toBeLessThan(20);
  });
});
