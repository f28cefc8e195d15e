import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { observedRoute } from '@/server/observability/request-log';
import { appRouter } from '@/server/trpc/routers/_app';
import { contextFromHeaders } from '@/server/trpc/server';

// Procedures log their own server errors, with a span and a duration each (server/observability/procedures.ts).
const handler = observedRoute('/api/trpc', (request: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => contextFromHeaders(request.headers),
  }),
);

export { handler as GET, handler as POST };
