/** Messages between bench/load.ts and the load generator process (bench/load-worker.ts). */

export type PhaseRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

export type PhaseSpec = {
  name: string;
  baseUrl: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Sent in turn, each once (a submit per member); when they run out the phase ends early. */
  requests?: PhaseRequest[];
  /** Sent again and again (the health check). */
  repeat?: PhaseRequest;
  /**
   * How a 200 answer is judged: the health JSON, a tRPC result (and which field of it to tally; a
   * result that is a plain value is tallied as it is), or an HTML page that holds a marker.
   */
  expect: { kind: 'health' } | { kind: 'trpc'; tally: string } | { kind: 'html'; contains: string };
};

export type LatencySummary = { p50: number; p90: number; p99: number; max: number; mean: number };

export type PhaseResult = {
  name: string;
  connections: number;
  /** Responses completed inside the measured window, and per second over it. */
  requests: number;
  measuredSeconds: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** Non-2xx, tRPC errors, network errors inside the measured window. */
  errors: number;
  /** Over the whole phase (warm-up, window and the requests still in flight at its end). */
  total: { sent: number; ok: number; errors: number };
  /** How often each value of the tallied field came back (e.g. order status). */
  tally: Record<string, number>;
  errorSamples: string[];
  /** The prepared requests ran out before the window ended. */
  exhausted: boolean;
};

export type WorkerMessage = { kind: 'result'; result: PhaseResult } | { kind: 'failed'; message: string };
