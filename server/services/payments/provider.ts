import { randomUUID } from 'node:crypto';
import { CAPTURE_FAILING_CARD, testCardOutcome, type CardOutcome } from '@/server/domain/payments/test-cards';

export type Authorization = {
  outcome: CardOutcome | 'invalid';
  reference: string | null;
  last4: string | null;
  /** True when the provider replays an authorization that was voided since (same idempotency key). */
  voided?: boolean;
};
export type CaptureResult = { ok: true } | { ok: false; error: string };

/**
 * What the order flow needs from a card payment provider: authorize at checkout (the card number
 * is passed through and never stored), authorize the same card again by its reference (a saved
 * payment method, after a reversed approval voided the first one), capture when the goods have
 * shipped, void when an order is canceled. Every call carries an idempotency key: the provider
 * answers a repeated key with the first answer, so a retried request never charges twice. A real
 * provider implements the same calls with its own API. None of them is ever called inside a
 * database transaction or while a lock is held: a slow card network must not hold up other buyers.
 */
export interface PaymentProvider {
  authorize(input: {
    cardNumber: string;
    amountMinor: number;
    currency: string;
    idempotencyKey: string;
  }): Promise<Authorization>;
  authorizeAgain(input: {
    reference: string;
    amountMinor: number;
    currency: string;
    idempotencyKey: string;
  }): Promise<Authorization>;
  capture(input: {
    reference: string;
    amountMinor: number;
    currency: string;
    idempotencyKey: string;
  }): Promise<CaptureResult>;
  void(input: { reference: string; idempotencyKey: string }): Promise<void>;
}

const CAPTURE_FAILS = 'capfail';
/** Answers kept for replays; a real provider keeps them about a day. */
const REMEMBERED_KEYS = 10_000;

export type TestPaymentProviderOptions = {
  /** Milliseconds every call takes, like a card network's latency. */
  delayMs?: number;
  /** Awaited by every authorization before it answers: a test holds it open to prove who waits for it. */
  hold?: () => Promise<void>;
};

export type TestPaymentProvider = PaymentProvider & {
  /** Authorizations called and not yet answered. */
  readonly pendingAuthorizations: number;
  /** Provider calls by kind (replays of an idempotency key included). */
  readonly calls: { authorize: number; capture: number; void: number };
  /** References voided so far. */
  readonly voided: ReadonlySet<string>;
};

/**
 * The test provider: the card number chooses the outcome, like public providers' test cards. It
 * honours idempotency keys (a repeated key, even while the first call is still running, gets the
 * first call's answer) and can be made slow, for tests of what waits on it.
 */
export function createTestPaymentProvider(options: TestPaymentProviderOptions = {}): TestPaymentProvider {
  const answers = new Map<string, Promise<unknown>>();
  const voided = new Set<string>();
  const calls = { authorize: 0, capture: 0, void: 0 };
  let pendingAuthorizations = 0;
  const latency = () =>
    options.delayMs ? new Promise<void>((resolve) => setTimeout(resolve, options.delayMs)) : Promise.resolve();

  function once<T>(key: string, answer: () => Promise<T>): Promise<T> {
    const known = answers.get(key) as Promise<T> | undefined;
    if (known) return known;
    const fresh = answer();
    answers.set(key, fresh);
    // A failed call may be tried again with the same key.
    fresh.catch(() => answers.delete(key));
    if (answers.size > REMEMBERED_KEYS) answers.delete(answers.keys().next().value as string);
    return fresh;
  }

  async function authorization(make: () => Authorization): Promise<Authorization> {
    pendingAuthorizations++;
    try {
      await latency();
      await options.hold?.();
      return make();
    } finally {
      pendingAuthorizations--;
    }
  }

  const withVoided = (found: Authorization): Authorization =>
    found.reference && voided.has(found.reference) ? { ...found, voided: true } : found;

  return {
    get pendingAuthorizations() {
      return pendingAuthorizations;
    },
    calls,
    voided,
    async authorize({ cardNumber, idempotencyKey }) {
      calls.authorize++;
      const found = await once(`authorize:${idempotencyKey}`, () =>
        authorization(() => {
          const digits = cardNumber.replace(/[\s-]/g, '');
          const outcome = testCardOutcome(digits);
          if (outcome === 'invalid' || outcome === 'declined')
            return { outcome, reference: null, last4: outcome === 'invalid' ? null : digits.slice(-4) };
          const kind = digits === CAPTURE_FAILING_CARD ? CAPTURE_FAILS : 'auth';
          return { outcome, reference: `test_${kind}_${randomUUID()}`, last4: digits.slice(-4) };
        }),
      );
      return withVoided(found);
    },
    async authorizeAgain({ reference, idempotencyKey }) {
      calls.authorize++;
      const found = await once(`authorize:${idempotencyKey}`, () =>
        authorization(() => {
          const kind = reference.startsWith(`test_${CAPTURE_FAILS}_`) ? CAPTURE_FAILS : 'auth';
          return { outcome: 'authorized', reference: `test_${kind}_${randomUUID()}`, last4: null };
        }),
      );
      return withVoided(found);
    },
    async capture({ reference, idempotencyKey }) {
      calls.capture++;
      return once(`capture:${idempotencyKey}`, async (): Promise<CaptureResult> => {
        await latency();
        if (voided.has(reference)) return { ok: false, error: 'The card authorization was voided.' };
        return reference.startsWith(`test_${CAPTURE_FAILS}_`)
          ? { ok: false, error: 'The card issuer refused the capture (test card 4000 0000 0000 0341).' }
          : { ok: true };
      });
    },
    async void({ reference, idempotencyKey }) {
      calls.void++;
      await once(`void:${idempotencyKey}`, async () => {
        await latency();
        voided.add(reference);
      });
    },
  };
}

let current: PaymentProvider = createTestPaymentProvider();

/** The provider in use. Only the test provider exists so far; a real one is chosen here by configuration. */
export function paymentProvider(): PaymentProvider {
  return current;
}

/** Replaces the provider (tests: a slow or observed test provider); returns the one it replaced. */
export function usePaymentProvider(provider: PaymentProvider): PaymentProvider {
  const previous = current;
  current = provider;
  return previous;
}
