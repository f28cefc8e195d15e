import { Writable } from 'node:stream';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordedJob } from '@/server/jobs/run-job';
import { findJob } from '@/server/jobs/schedule';
import { erpOrdersHandler } from '@/server/services/erp/feed/handler';
import { signInWithPassword } from '@/server/services/identity/sign-in';
import type { TRPCContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/routers/_app';
import { setupTestDatabase } from '@/server/testing/database';
import {
  createCaller,
  createMember,
  createOrganization,
  DEFAULT_PASSWORD,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { tokenFromEmail } from '@/server/testing/onboarding';
import { captureLog, log } from './log';
import { observedRoute } from './request-log';

const database = setupTestDatabase();
const NEW_PASSWORD = 'Quartz-meadow-41-lighthouse';
const COOKIE_SECRET = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.cookie-value-that-must-not-show';

let captured = '';
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    captured += chunk.toString('utf8');
    done();
  },
});

beforeAll(() => captureLog(sink));
afterAll(() => captureLog(new Writable({ write: (_chunk, _encoding, done) => done() })));

/** The tRPC endpoint as app/api/trpc/[trpc]/route.ts composes it, with the test's context. */
function trpcEndpoint(context: () => Promise<TRPCContext> | TRPCContext) {
  return observedRoute('/api/trpc', (request: Request) =>
    fetchRequestHandler({ endpoint: '/api/trpc', req: request, router: appRouter, createContext: context }),
  );
}

function post(path: string, input: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `next-auth.session-token=${COOKIE_SECRET}`, ...headers },
    body: JSON.stringify({ json: input }),
  });
}

describe('the log of a realistic journey', () => {
  it('holds request, email and job lines, and none of the secrets used', async () => {
    const organization = await createOrganization(database.db);
    const person: Member = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
    const email = person.user.email;
    const anonymous = trpcEndpoint(() => ({
      db: database.db,
      sessionId: null,
      clientAddress: '127.0.0.1',
      now: () => new Date(),
    }));

    // Signed in with the password, then a wrong one.
    const signedIn = await signInWithPassword(database.db, {
      email,
      password: DEFAULT_PASSWORD,
      ipAddress: '127.0.0.1',
      now: new Date(),
    });
    if (!signedIn.ok) throw new Error(signedIn.message);
    await signInWithPassword(database.db, {
      email,
      password: `${DEFAULT_PASSWORD}x`,
      ipAddress: '127.0.0.1',
      now: new Date(),
    });

    // A password reset over HTTP: asked for, emailed (by the dispatch job), used, then used again (refused).
    expect((await anonymous(post('account.requestPasswordReset', { email }))).status).toBe(200);
    const dispatch = findJob('dispatch-email');
    if (!dispatch) throw new Error('no dispatch-email job');
    await runRecordedJob(database.db, dispatch, 'manual', new Date());
    const resetToken = await tokenFromEmail(database.db, email, 'password-reset', 'resetUrl');
    const reset = { token: resetToken, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    expect((await anonymous(post(`account.resetPassword?token=${resetToken}`, reset))).status).toBe(200);
    expect((await anonymous(post('account.resetPassword', reset))).status).toBeGreaterThanOrEqual(400);

    // Signed in again with the new password; the session used over HTTP.
    const again = await signInWithPassword(database.db, {
      email,
      password: NEW_PASSWORD,
      ipAddress: '127.0.0.1',
      now: new Date(),
    });
    if (!again.ok) throw new Error(again.message);
    const signedInEndpoint = trpcEndpoint(() => ({
      db: database.db,
      sessionId: again.sessionId,
      clientAddress: '127.0.0.1',
      now: () => new Date(),
    }));
    const me = await signedInEndpoint(
      new Request('http://localhost:3000/api/trpc/session.me', {
        headers: { cookie: `next-auth.session-token=${COOKIE_SECRET}` },
      }),
    );
    expect(me.status).toBe(200);

    // The ERP feed with an API key, and with a wrong one.
    const seller = await createOrganization(database.db, { kind: 'seller' });
    const admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
    const apiKey = (
      await createCaller(await signIn(database.db, admin.membership)).erpKeys.create({ name: 'Log test' })
    ).secret;
    const feed = observedRoute(
      '/api/erp/orders',
      erpOrdersHandler(() => database.db),
    );
    const feedRequest = (key: string) =>
      new Request(`http://localhost:3000/api/erp/orders?key=${key}`, { headers: { authorization: `Bearer ${key}` } });
    expect((await feed(feedRequest(apiKey))).status).toBe(200);
    expect((await feed(feedRequest(`${apiKey}0`))).status).toBe(401);

    // Someone passes secrets to the logger by mistake: redaction still keeps them out.
    log().warn(
      {
        password: NEW_PASSWORD,
        user: { token: resetToken, sessionId: again.sessionId },
        headers: { cookie: COOKIE_SECRET, authorization: `Bearer ${apiKey}` },
      },
      'careless',
    );

    const lines = captured
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === 'request').map((line) => line.route)).toEqual([
      '/api/trpc',
      '/api/trpc',
      '/api/trpc',
      '/api/trpc',
      '/api/erp/orders',
      '/api/erp/orders',
    ]);
    expect(lines.some((line) => line.msg === 'email sent' && line.kind === 'password-reset')).toBe(true);
    expect(lines.some((line) => line.msg === 'job run' && line.job === 'dispatch-email')).toBe(true);
    expect(lines.some((line) => line.msg === 'careless')).toBe(true);
    expect(lines.every((line) => typeof line.requestId === 'string' || line.msg !== 'request')).toBe(true);

    const secrets = {
      DEFAULT_PASSWORD,
      NEW_PASSWORD,
      resetToken,
      firstSessionId: signedIn.sessionId,
      sessionId: again.sessionId,
      cookie: COOKIE_SECRET,
      apiKey,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(captured.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});
