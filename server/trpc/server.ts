import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb, getReportDb } from '@/db/client';
import { clientAddress } from '@/server/auth/client-address';
import { sendQueuedEmailAfterResponse } from '@/server/email/after-request';
import { currentSessionId, getViewer } from '@/server/auth/current';
import { serverEnv } from '@/server/env';
import type { TRPCContext } from './context';
import { appRouter } from './routers/_app';

/** The context for a request, from its headers and the next-auth cookie. */
export async function contextFromHeaders(requestHeaders: Headers): Promise<TRPCContext> {
  const db = getDb();
  return {
    db,
    reportDb: getReportDb(),
    onEmailQueued: () => sendQueuedEmailAfterResponse(db),
    sessionId: await currentSessionId(),
    clientAddress: clientAddress(requestHeaders, serverEnv().TRUSTED_PROXY_HOPS),
    now: () => new Date(),
  };
}

/**
 * A server-rendered request's context: one per request, and the viewer resolved once for all the
 * procedures its components call. (Outside a render, e.g. in a server action, `cache` does not
 * memoize: an action sees the session as it is at that moment.)
 */
const requestContext = cache(async (): Promise<TRPCContext> => ({
  ...(await contextFromHeaders(await headers())),
  requestViewer: getViewer,
}));

/** Calls procedures directly from server components, with the same checks as over HTTP. */
export async function serverCaller() {
  return appRouter.createCaller(await requestContext());
}
