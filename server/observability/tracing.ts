import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * Span helpers for the code that does the work. They only touch the OpenTelemetry API; the SDK
 * (provider, exporter) is loaded by tracing-setup.ts when tracing is switched on. While it is off,
 * each helper only calls the work it wraps.
 */
export const TRACING_FLAG = Symbol.for('countersign.tracing');

/** Whether spans are being recorded in this process. */
export function tracingEnabled(): boolean {
  return (globalThis as Record<symbol, unknown>)[TRACING_FLAG] === true;
}

const tracer = () => trace.getTracer('countersign');

/**
 * Runs `work` inside a span named `name` (the active span while it runs, so database statements
 * and nested work become its children), marking it failed when `work` throws.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work(undefined);
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed with the error's message (never its payload). */
export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Starts a span that is not made active (a database statement, inside which nothing of ours runs),
 * only under a span already active: a statement outside any request, procedure or job would be a
 * trace of its own, noise rather than information.
 */
export function startLeafSpan(name: string, attributes: Attributes): Span | undefined {
  if (!tracingEnabled() || !trace.getActiveSpan()) return undefined;
  return tracer().startSpan(name, { attributes });
}
