import { expect, it } from 'vitest';

/**
 * A test that fails on purpose, run only by `exit-code.test.ts` through vitest.exit-probe.config.ts
 * (the suite's include pattern leaves it out): a failed run must end the process with a non-zero code.
 */
it('fails on purpose', () => {
  expect('the probe').toBe('a failure');
});
