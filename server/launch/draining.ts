import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';

/**
 * Graceful shutdown of one `next start` process. On SIGTERM the instance keeps serving but
 * /api/health answers 503, so the load balancer takes it out of rotation; after the drain period it
 * stops accepting connections, lets the requests still in flight finish, and exits.
 *
 * The state lives on globalThis: the health route and instrumentation.ts are separate bundles, each
 * with its own copy of this module.
 */
type DrainState = {
  draining: boolean;
  tracking: boolean;
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
};

const STATE = Symbol.for('countersign.draining');
/** A request still running this long after the drain period is cut off: the orchestrator would kill us soon anyway. */
const MAX_IN_FLIGHT_WAIT_MS = 30_000;

function state(): DrainState {
  const holder = globalThis as { [STATE]?: DrainState };
  holder[STATE] ??= { draining: false, tracking: false, servers: new Set(), inFlight: new Set() };
  return holder[STATE];
}

/** True once this process has begun to drain: the health route answers 503. */
export function isDraining(): boolean {
  return state().draining;
}

/** How many requests this process is serving right now (those started after trackRequests). */
export function requestsInFlight(): number {
  return state().inFlight.size;
}

/**
 * Follows every request of this process's HTTP servers through Node's built-in http diagnostics
 * channel: Next does not hand its server out, and this sees it without patching anything.
 */
export function trackRequests(): void {
  const current = state();
  if (current.tracking) return;
  current.tracking = true;
  subscribe('http.server.request.start', (message) => {
    const { response, server } = message as { response: ServerResponse; server: Server };
    current.servers.add(server);
    current.inFlight.add(response);
    // 'close' also fires when the client goes away before the answer, so nothing is counted forever.
    response.once('close', () => current.inFlight.delete(response));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains: health 503 for `drainMs` while serving as usual, then no new connections, then waits
 * for the requests in flight (at most `maxWaitMs`). Resolves with how many were still unfinished.
 */
export async function drain(options: { drainMs: number; maxWaitMs?: number; log?: (line: string) => void }) {
  const current = state();
  current.draining = true;
  options.log?.(`Draining: /api/health answers 503 for ${options.drainMs / 1000} s, then the server closes.`);
  await sleep(options.drainMs);
  for (const server of current.servers) server.close();
  const deadline = Date.now() + (options.maxWaitMs ?? MAX_IN_FLIGHT_WAIT_MS);
  while (current.inFlight.size > 0 && Date.now() < deadline) await sleep(25);
  options.log?.(`Drained (${current.inFlight.size} request(s) still unfinished); exiting.`);
  return current.inFlight.size;
}

/**
 * Installs the SIGTERM handler of a `next start` run with NEXT_MANUAL_SIG_HANDLE (the launcher sets
 * it; without it Next closes at once and health never says 503). Called from instrumentation.ts.
 */
export function drainOnSigterm(drainSeconds: number, exit: (code: number) => void = process.exit): void {
  trackRequests();
  const log = (line: string) => console.log(`[countersign] ${line}`);
  process.once('SIGTERM', () => {
    void drain({ drainMs: drainSeconds * 1000, log }).then((unfinished) => exit(unfinished > 0 ? 1 : 0));
  });
}
