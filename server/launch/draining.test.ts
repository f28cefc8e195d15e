import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { drain, isDraining, requestsInFlight, trackRequests } from './draining';

/** A server like `next start`'s: /slow answers when the test says so, /health is the real route. */
function startServer(gate: Promise<void>) {
  trackRequests();
  const server = http.createServer(async (request, response) => {
    if (request.url === '/slow') {
      await gate;
      response.end('done');
      return;
    }
    const answer = await health();
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(await answer.text());
  });
  return new Promise<{ server: http.Server; url: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** A GET on a new connection (no pooled keep-alive socket): what a load balancer's next probe does. */
function freshGet(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('draining on SIGTERM', () => {
  let open: http.Server | undefined;
  afterAll(() => open?.close());

  it('answers health with 503 while draining, finishes the request in flight, then stops taking connections', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { server, url } = await startServer(gate);
    open = server;

    const slow = freshGet(`${url}/slow`);
    for (let i = 0; i < 100 && requestsInFlight() < 1; i++) await sleep(10);
    expect(requestsInFlight()).toBe(1);
    expect(isDraining()).toBe(false);

    let finished = false;
    const drained = drain({ drainMs: 300, maxWaitMs: 5_000 }).then((unfinished) => {
      finished = true;
      return unfinished;
    });
    // During the drain period the instance still serves, and health tells the balancer to go away.
    const probe = await freshGet(`${url}/health`);
    expect(probe).toEqual({ status: 503, body: JSON.stringify({ status: 'draining', database: null }) });

    // After it, no new connection is accepted, but the request in flight keeps the process alive.
    await sleep(450);
    expect(await freshGet(`${url}/health`)).toEqual({ error: 'ECONNREFUSED' });
    expect(finished).toBe(false);

    release();
    expect(await slow).toEqual({ status: 200, body: 'done' });
    expect(await drained).toBe(0);
    expect(requestsInFlight()).toBe(0);
  });
});
