'use client';

import { useSyncExternalStore, type ButtonHTMLAttributes } from 'react';

const noSubscription = () => () => undefined;

/** False while the server's HTML is shown, true once React has hydrated it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A button that stays disabled until the page is hydrated. Before that a click would do nothing
 * (an action button) or submit the form natively as a GET, with its fields — passwords included —
 * in the address bar.
 */
export function Button({ type = 'button', disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const hydrated = useHydrated();
  return <button type={type} disabled={disabled || !hydrated} {...props} />;
}
