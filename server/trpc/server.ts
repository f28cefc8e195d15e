import 'server-only';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache } from 'react';
import { makeQueryClient } from '@/components/trpc/query-client';
import { getDb } from '@/db/client';
import { clientAddress } from '@/server/auth/client-address';
import { kickEmailDispatch } from '@/server/email/delivery';
import { currentSessionId } from '@/server/auth/current';
import { serverEnv } from '@/server/env';
import type { TRPCContext } from './context';
import { appRouter } from './routers/_app';

/** The context for a request, from its headers and the next-auth cookie. */
export async function contextFromHeaders(requestHeaders: Headers): Promise<TRPCContext> {
  const db = getDb();
  return {
    db,
    onEmailQueued: () => kickEmailDispatch(db),
    sessionId: await currentSessionId(),
    clientAddress: clientAddress(requestHeaders, serverEnv().TRUSTED_PROXY_HOPS),
    now: () => new Date(),
  };
}

const requestContext = cache(async () => contextFromHeaders(await headers()));

/** Per-request query client for server components that prefetch for client components. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: requestContext, router: appRouter, queryClient: getQueryClient });

/** Calls procedures directly from server components, with the same checks as over HTTP. */
export async function serverCaller() {
  return appRouter.createCaller(await requestContext());
}
