import type { Instrumentation } from 'next';

/**
 * Next.js calls register() once per server process before serving: tracing starts here (Node.js
 * runtime only; nothing at all without OTEL_EXPORTER_OTLP_ENDPOINT), and `npm start`'s server
 * learns to drain on SIGTERM (the launcher asks for it with NEXT_MANUAL_SIG_HANDLE).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startTracingFromEnv } = await import('./server/observability/tracing-setup');
  startTracingFromEnv();
  if (process.env.NEXT_MANUAL_SIG_HANDLE === 'true') {
    const [{ drainOnSigterm }, { serverEnv }] = await Promise.all([
      import('./server/launch/draining'),
      import('./server/env'),
    ]);
    drainOnSigterm(serverEnv().DRAIN_SECONDS);
  }
}

/**
 * Every error Next catches while serving (pages, server actions, route handlers, proxy) as one
 * log line: the path without its query, the kind of route, never headers or bodies.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./server/observability/request-errors');
  logRequestError(error, request, context);
};
