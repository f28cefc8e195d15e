import http from 'node:http';
import zlib from 'node:zlib';
import type { LatencySummary, PhaseRequest, PhaseResult, PhaseSpec, WorkerMessage } from './load-protocol';

/**
 * The HTTP load generator, run as its own process (bench/load.ts forks it) so that it does not
 * share an event loop with anything it measures. `connections` keep-alive sockets each send one
 * request at a time, back to back (a closed loop, like autocannon), for the warm-up and then the
 * measured window; only responses that complete inside the window count.
 */

function summarize(latencies: number[]): LatencySummary {
  if (latencies.length === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  return {
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(mean),
  };
}

/** The body as sent when the request asked for compression (a browser's Accept-Encoding). */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

function send(agent: http.Agent, base: URL, request: PhaseRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const req = http.request(
      { agent, host: base.hostname, port: base.port, path: request.path, method: request.method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: decode(Buffer.concat(chunks), res.headers['content-encoding']).toString('utf8'),
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Whether the answer is a success, and the tallied value (e.g. the order's status). */
function judge(spec: PhaseSpec, status: number, body: string): { ok: boolean; value?: string } {
  if (status !== 200) return { ok: false };
  if (spec.expect.kind === 'html')
    return body.includes(spec.expect.contains) ? { ok: true, value: 'page' } : { ok: false, value: 'marker missing' };
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (spec.expect.kind === 'health') return { ok: json.status === 'ok', value: 'ok' };
    const data = (json.result as { data?: { json?: unknown } } | undefined)?.data?.json;
    if (data === undefined || data === null) return { ok: false };
    if (typeof data !== 'object') return { ok: true, value: String(data) };
    const fields = data as Record<string, unknown>;
    // A submit that found an earlier order with its key created nothing: not a success here.
    if (fields.alreadySubmitted === true) return { ok: false, value: 'alreadySubmitted' };
    return { ok: true, value: String(fields[spec.expect.tally]) };
  } catch {
    return { ok: false };
  }
}

async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const base = new URL(spec.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections, maxFreeSockets: spec.connections });
  const start = performance.now();
  const windowStart = start + spec.warmupMs;
  const windowEnd = windowStart + spec.durationMs;
  const latencies: number[] = [];
  const tally: Record<string, number> = {};
  const errorSamples: string[] = [];
  const total = { sent: 0, ok: 0, errors: 0 };
  let errors = 0;
  let next = 0;
  let exhausted = false;
  let lastInWindow = windowStart;

  const take = (): PhaseRequest | undefined => {
    if (spec.repeat) return spec.repeat;
    const request = spec.requests?.[next++];
    if (!request) exhausted = true;
    return request;
  };

  const loop = async () => {
    while (performance.now() < windowEnd) {
      const request = take();
      if (!request) return;
      total.sent++;
      const sentAt = performance.now();
      let outcome: { ok: boolean; value?: string; sample?: string };
      try {
        const response = await send(agent, base, request);
        const judged = judge(spec, response.status, response.body);
        outcome = judged.ok ? judged : { ...judged, sample: `HTTP ${response.status}: ${response.body.slice(0, 300)}` };
      } catch (error) {
        outcome = { ok: false, sample: `network: ${error instanceof Error ? error.message : String(error)}` };
      }
      const doneAt = performance.now();
      if (outcome.ok) total.ok++;
      else total.errors++;
      if (outcome.value) tally[outcome.value] = (tally[outcome.value] ?? 0) + 1;
      if (!outcome.ok && outcome.sample && errorSamples.length < 5) errorSamples.push(outcome.sample);
      if (doneAt >= windowStart && doneAt < windowEnd) {
        latencies.push(doneAt - sentAt);
        lastInWindow = doneAt;
        if (!outcome.ok) errors++;
      }
    }
  };

  await Promise.all(Array.from({ length: spec.connections }, loop));
  agent.destroy();
  const measuredSeconds = (exhausted ? Math.max(lastInWindow, windowStart) - windowStart : spec.durationMs) / 1000;
  return {
    name: spec.name,
    connections: spec.connections,
    requests: latencies.length,
    measuredSeconds: Math.round(measuredSeconds * 100) / 100,
    requestsPerSecond: measuredSeconds > 0 ? Math.round((latencies.length / measuredSeconds) * 10) / 10 : 0,
    latencyMs: summarize(latencies),
    errors,
    total,
    tally,
    errorSamples,
    exhausted,
  };
}

const reply = (message: WorkerMessage) => process.send?.(message);

process.on('message', (spec: PhaseSpec) => {
  runPhase(spec).then(
    (result) => reply({ kind: 'result', result }),
    (error: unknown) =>
      reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
