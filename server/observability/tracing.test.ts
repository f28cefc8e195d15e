import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn } from '@/server/testing/factories';
import { readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';
import { startTracing, stopTracing } from './tracing-setup';

const database = setupTestDatabase();

type ReceivedSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string };

/** A local OTLP/HTTP receiver: what a collector would be sent, as JSON (the exporter's encoding). */
function otlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, spans };
}

const receiver = otlpReceiver();

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.server.address() as AddressInfo;
  startTracing({ url: `http://127.0.0.1:${port}/v1/traces`, serviceName: 'countersign-test' });
});

afterAll(async () => {
  await stopTracing();
  await new Promise((resolve) => receiver.server.close(resolve));
});

describe('traces', () => {
  it('sends the spans of one checkout submit: the procedure, and the statements beneath it', async () => {
    const organization = await createOrganization(database.db);
    const list = await givePriceList(database.db, organization);
    const { address } = await readyToOrder(database.db, organization);
    const member = await createMember(database.db, organization, {
      roles: ['buyer'],
      mayOrder: true,
      maySeePrices: true,
    });
    const product = await createProduct(database.db, { prices: [[list, 2_500]], onHand: 10 });
    const caller = createCaller(await signIn(database.db, member.membership));
    await caller.cart.add({ sku: product.sku, quantity: 2 });

    await caller.checkout.submit({
      idempotencyKey: randomUUID(),
      addressId: address.id,
      shippingMethodCode: TEST_SHIPPING.code,
      paymentMethod: 'on_account',
    });
    await stopTracing(); // flushes the batch to the receiver

    const submits = receiver.spans.filter((span) => span.name === 'trpc checkout.submit');
    const [submit] = submits;
    if (!submit || submits.length !== 1) throw new Error(`expected one submit span, got ${submits.length}`);
    const trace = receiver.spans.filter((span) => span.traceId === submit.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const under = (span: ReceivedSpan, ancestor: ReceivedSpan): boolean => {
      for (
        let at = span.parentSpanId && byId.get(span.parentSpanId);
        at;
        at = at.parentSpanId && byId.get(at.parentSpanId)
      ) {
        if (at.spanId === ancestor.spanId) return true;
      }
      return false;
    };
    const statements = trace.filter((span) => /^(SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN)$/.test(span.name));
    // The session check runs straight under the procedure; the order is written in a transaction under it.
    expect(statements.some((span) => span.parentSpanId === submit.spanId)).toBe(true);
    expect(statements.filter((span) => span.name === 'INSERT' || span.name === 'UPDATE').length).toBeGreaterThan(0);
    expect(trace.some((span) => span.name === 'db.transaction' && span.parentSpanId === submit.spanId)).toBe(true);
    for (const statement of statements) expect(under(statement, submit), statement.name).toBe(true);
    // The earlier cart.add is a trace of its own, not mixed into the submit's.
    expect(trace.some((span) => span.name === 'trpc cart.add')).toBe(false);
  });
});
