import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { serverEnv } from '@/server/env';
import { refusingCrossSite } from '@/server/http/cross-site';
import { observedRoute } from '@/server/observability/request-log';
import { appRouter } from '@/server/trpc/routers/_app';
import { contextFromHeaders } from '@/server/trpc/server';

// Procedures log their own server errors, with a span and a duration each (server/observability/procedures.ts).
// The proxy leaves this route out (proxy.ts): it refuses cross-site requests itself, before tRPC reads them.
const handler = observedRoute(
  '/api/trpc',
  refusingCrossSite(
    (request: Request) =>
      fetchRequestHandler({
        endpoint: '/api/trpc',
        req: request,
        router: appRouter,
        createContext: () => contextFromHeaders(request.headers),
      }),
    () => serverEnv().APP_URL,
  ),
);

export { handler as GET, handler as POST };
