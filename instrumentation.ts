import type { Instrumentation } from 'next';

/**
 * Next.js calls register() once per server process before serving: tracing starts here (Node.js
 * runtime only; nothing at all without OTEL_EXPORTER_OTLP_ENDPOINT).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startTracingFromEnv } = await import('./server/observability/tracing-setup');
  startTracingFromEnv();
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
