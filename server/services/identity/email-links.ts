import type { Executor } from '@/db/client';
import { peekEmailToken } from '@/server/auth/email-tokens';
import type { EmailTokenPurpose } from '@/server/domain/auth/tokens';

/**
 * What the page behind an emailed link shows before it is used: the button, or why the link no
 * longer works. Looking does not use the link up (mail scanners open links too).
 */
export async function emailLinkState(db: Executor, input: { token: string; purpose: EmailTokenPurpose; now: Date }) {
  const check = await peekEmailToken(db, input.token, input.purpose, input.now);
  return check.ok ? { ok: true as const, message: null } : { ok: false as const, message: check.message };
}
