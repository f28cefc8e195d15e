import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { TRACING_FLAG } from './tracing';

const globalForTracing = globalThis as unknown as { countersignTracer?: NodeTracerProvider } & Record<symbol, unknown>;

/**
 * Registers the tracer provider: a batch processor and the OTLP/HTTP exporter (JSON), sending to
 * `url` (tests) or to `$OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces`. Next.js then emits its own request
 * and rendering spans into it, and our helpers (tracing.ts) start recording.
 */
export function startTracing(options: { url?: string; serviceName?: string } = {}): NodeTracerProvider {
  if (globalForTracing.countersignTracer) return globalForTracing.countersignTracer;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? 'countersign' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(options.url ? { url: options.url } : {}))],
  });
  provider.register();
  globalForTracing.countersignTracer = provider;
  globalForTracing[TRACING_FLAG] = true;
  return provider;
}

/** From instrumentation.ts: tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, nothing otherwise (no cost). */
export function startTracingFromEnv(): void {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  startTracing({ serviceName: process.env.OTEL_SERVICE_NAME || 'countersign' });
}

/** Sends what is buffered and stops tracing (tests; a process about to exit). */
export async function stopTracing(): Promise<void> {
  const provider = globalForTracing.countersignTracer;
  if (!provider) return;
  globalForTracing.countersignTracer = undefined;
  globalForTracing[TRACING_FLAG] = false;
  await provider.forceFlush();
  await provider.shutdown();
  trace.disable();
}
