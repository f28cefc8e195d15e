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
