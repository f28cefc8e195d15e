import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import { erpContacts, erpCustomers, erpExcludedCustomers } from '@/db/schema';
import { NEUTRAL_ANSWER_FLOOR_MS } from '@/server/http/answer-after';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
} from '@/server/testing/factories';
import { emailsTo, registrationInput } from '@/server/testing/onboarding';
import { appRouter } from './routers/_app';

/*
 * Anonymous forms that take an email address answer every address with the same bytes, no sooner
 * than the floor and within a small spread of each other, through tRPC's real HTTP layer (the one
 * app/api/trpc/[trpc]/route.ts serves; only the context is built here, without Next).
 */

const database = setupTestDatabase();
// Far below the floor (500 ms) and above what a loaded machine adds to the same statements.
const SPREAD_MS = 150;

type Answer = { status: number; contentType: string | null; body: string; ms: number };

/** POSTs a mutation as the browser's tRPC client does, each from its own client address. */
async function post(path: string, input: unknown): Promise<Answer> {
  const req = new Request(`http://localhost:3000/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ json: input }),
  });
  const started = performance.now();
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({
      db: database.db,
      sessionId: null,
      clientAddress: `neutral-${unique()}`,
      now: () => new Date(),
    }),
  });
  const body = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
    ms: performance.now() - started,
  };
}

/** Asks for every address in turn, twice over, and checks the answers are one and the same. */
async function expectNeutral(ask: (kind: string, round: number) => Promise<Answer>, kinds: string[]) {
  const answers: (Answer & { kind: string })[] = [];
  for (let round = 0; round < 2; round++) for (const kind of kinds) answers.push({ kind, ...(await ask(kind, round)) });
  const [first] = answers;
  for (const answer of answers) {
    expect(answer.status, answer.kind).toBe(200);
    expect(answer.contentType, answer.kind).toBe(first?.contentType);
    expect(answer.body, answer.kind).toBe(first?.body);
    expect(answer.ms, answer.kind).toBeGreaterThanOrEqual(NEUTRAL_ANSWER_FLOOR_MS);
  }
  const times = answers.map((answer) => answer.ms);
  expect(
    Math.max(...times) - Math.min(...times),
    JSON.stringify(answers.map(({ kind, ms }) => [kind, Math.round(ms)])),
  ).toBeLessThan(SPREAD_MS);
  return first?.body ?? '';
}

async function erpCustomer(options: { isCashAccount?: boolean; excluded?: boolean } = {}) {
  const code = `N${unique().toUpperCase()}`;
  await database.db
    .insert(erpCustomers)
    .values({ code, name: `Customer ${code}`, isCashAccount: options.isCashAccount ?? false, importedAt: new Date() });
  if (options.excluded) await database.db.insert(erpExcludedCustomers).values({ code });
  return code;
}

async function contactOf(code: string) {
  const email = `contact-${unique()}@neutral.test`;
  await database.db
    .insert(erpContacts)
    .values({ customerCode: code, email, name: 'Nora Neutral', importedAt: new Date() });
  return email;
}

describe('instant account requests', () => {
  const customers: Record<string, string> = {};
  beforeAll(async () => {
    customers.contact = await erpCustomer();
    customers.cash = await erpCustomer({ isCashAccount: true });
    customers.excluded = await erpCustomer({ excluded: true });
  });

  it('answer a contact, an unknown address, a cash-sale contact and an excluded one with the same bytes, in the same time', async () => {
    const asked: Record<string, string[]> = { contact: [], unknown: [], cash: [], excluded: [] };
    const body = await expectNeutral(async (kind) => {
      const code = customers[kind];
      const email = code ? await contactOf(code) : `nobody-${unique()}@neutral.test`;
      asked[kind]?.push(email);
      return post('erp.requestInstantAccount', { email });
    }, Object.keys(asked));
    expect(JSON.parse(body)).toEqual({
      result: {
        data: {
          json: { message: 'If this address belongs to a contact of one of our customers, we have emailed a link.' },
        },
      },
    });
    const kindsSent = async (kind: string) =>
      Promise.all(
        (asked[kind] ?? []).map(async (email) => (await emailsTo(database.db, email)).map((mail) => mail.kind)),
      );
    expect(await kindsSent('contact')).toEqual([['instant-account'], ['instant-account']]);
    expect(await kindsSent('cash')).toEqual([['instant-account-refused'], ['instant-account-refused']]);
    expect(await kindsSent('excluded')).toEqual([['instant-account-refused'], ['instant-account-refused']]);
    expect(await kindsSent('unknown')).toEqual([[], []]);
  });
});

describe('the other anonymous forms that take an email address', () => {
  it('password reset: an active login and an unknown address', async () => {
    const organization = await createOrganization(database.db);
    const known = await createMember(database.db, organization);
    await expectNeutral(
      (kind) =>
        post('account.requestPasswordReset', {
          email: kind === 'known' ? known.user.email : `nobody-${unique()}@neutral.test`,
        }),
      ['known', 'unknown'],
    );
    expect((await emailsTo(database.db, known.user.email)).map((mail) => mail.kind)).toEqual([
      'password-reset',
      'password-reset',
    ]);
  });

  it('registration: a new address and one that has a login', async () => {
    const taken = await createMember(database.db, await createOrganization(database.db));
    await expectNeutral(
      (kind) =>
        post('onboarding.register', registrationInput(kind === 'taken' ? { adminEmail: taken.user.email } : {})),
      ['new', 'taken'],
    );
    expect((await emailsTo(database.db, taken.user.email)).map((mail) => mail.kind)).toEqual([
      'account-exists',
      'account-exists',
    ]);
  });

  it('joining with the invitation code: a new address and one that has a login', async () => {
    const organization = await createOrganization(database.db);
    const administrator = await createMember(database.db, organization, ACCOUNT_MANAGER);
    const { code } = await createCaller(await signIn(database.db, administrator.membership)).joinRequests.code();
    const taken = await createMember(database.db, await createOrganization(database.db));
    await expectNeutral(
      (kind) =>
        post('onboarding.join', {
          code,
          name: 'Jo Joiner',
          email: kind === 'taken' ? taken.user.email : `joiner-${unique()}@neutral.test`,
          password: 'Granite-meadow-19-kite',
        }),
      ['new', 'taken'],
    );
  });
});
