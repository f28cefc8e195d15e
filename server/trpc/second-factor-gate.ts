import { TRPCError } from '@trpc/server';
import type { SecondFactorGate } from '@/server/domain/auth/second-factor-gate';

/** The cause of a refusal for want of a second factor; clients read its `gate` as `data.secondFactor`. */
export class SecondFactorRefusal extends Error {
  constructor(readonly gate: Exclude<SecondFactorGate, 'satisfied'>) {
    super(gate);
    this.name = 'SecondFactorRefusal';
  }
}

export const CODE_NEEDED_MESSAGE = 'Finish signing in: type the code from your authenticator app.';
export const SETUP_NEEDED_MESSAGE =
  'Your organization requires a second factor. Set up an authenticator app before anything else.';

/**
 * The refusal for a session that may not do what it asks yet, or null. A session still owing its
 * code is not signed in yet (UNAUTHORIZED); one that must set up a second factor first may only do
 * that (FORBIDDEN). `allowed` names the states the procedure was built for (the code step, the set-up).
 */
export function secondFactorRefusal(gate: SecondFactorGate, allowed: readonly SecondFactorGate[]): TRPCError | null {
  if (gate === 'satisfied' || allowed.includes(gate)) return null;
  return gate === 'code_needed'
    ? new TRPCError({ code: 'UNAUTHORIZED', message: CODE_NEEDED_MESSAGE, cause: new SecondFactorRefusal(gate) })
    : new TRPCError({ code: 'FORBIDDEN', message: SETUP_NEEDED_MESSAGE, cause: new SecondFactorRefusal(gate) });
}
