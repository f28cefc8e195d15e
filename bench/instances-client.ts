/** What the two-instance proof sends: next-auth's credentials sign-in, tRPC calls and cron triggers, over plain fetch. */

export type Answer = { status: number; data: unknown } | { status: 0; error: string };

/** Every POST carries the public origin, as a browser on the balancer's address would. */
export type Client = { appUrl: string; cronSecret: string };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
}

/**
 * Signs in through next-auth's credentials flow on `base`: reads the CSRF token (and its cookie),
 * posts email and password, keeps the session cookie it sets.
 */
export async function signIn(client: Client, base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar.join('; '),
      origin: client.appUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: client.appUrl }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.includes('session-token='));
  if (!session) throw new Error(`sign-in of ${email} on ${base} set no session cookie (HTTP ${response.status})`);
  return session;
}

async function answer(response: Promise<Response>): Promise<Answer> {
  try {
    const settled = await response;
    const body = (await settled.json().catch(() => null)) as { result?: { data?: { json?: unknown } } } | null;
    return { status: settled.status, data: body?.result?.data?.json ?? body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, error: cause?.code ?? String(error) };
  }
}

export function query(base: string, cookie: string, path: string): Promise<Answer> {
  return answer(fetch(`${base}/api/trpc/${path}`, { headers: { cookie } }));
}

export function mutate(client: Client, base: string, cookie: string, path: string, input: unknown): Promise<Answer> {
  return answer(
    fetch(`${base}/api/trpc/${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: client.appUrl },
      body: JSON.stringify({ json: input }),
    }),
  );
}

export function cron(client: Client, base: string, job: string): Promise<Answer> {
  return answer(
    fetch(`${base}/api/cron/${job}`, { method: 'POST', headers: { authorization: `Bearer ${client.cronSecret}` } }),
  );
}

/** The status of /api/health, 0 when the instance does not answer at all. */
export async function health(base: string): Promise<number> {
  return fetch(`${base}/api/health`).then(
    (response) => response.status,
    () => 0,
  );
}
