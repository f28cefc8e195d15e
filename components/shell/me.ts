import 'server-only';
import { TRPCError } from '@trpc/server';
import { cache } from 'react';
import { serverCaller } from '@/server/trpc/server';

/** The signed-in person for this request, via the same procedure the browser would call; null when signed out. */
export const getMe = cache(async () => {
  try {
    return await (await serverCaller()).session.me();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
});

export type Me = NonNullable<Awaited<ReturnType<typeof getMe>>>;

/**
 * How many orders wait for this member's decision, for the count beside "Authorizations" in the
 * menu; null for members who do not authorize orders. One index range (see waitingCount).
 */
export const getWaitingCount = cache(async (): Promise<number | null> => {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('orders.approve')) return null;
  return (await serverCaller()).authorizations.waitingCount();
});

/** How many items are in this member's cart, for the header; null for members who may not order. */
export const getCartItemCount = cache(async (): Promise<number | null> => {
  const me = await getMe();
  const membership = me?.membership;
  if (!membership?.permissions.includes('orders.place') || membership.organization.kind === 'seller') return null;
  return (await serverCaller()).cart.itemCount();
});
