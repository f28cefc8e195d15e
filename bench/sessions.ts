import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { BENCH_APP_URL } from './app-server';
import type { Sql } from './database';
import { HISTORY_MEMBER_N } from './seed-data';

/** One prepared checkout: a signed-in member whose cart holds 1–3 products, and the submit body. */
export type PreparedRequest = { headers: Record<string, string>; body: string };

/** next-auth's cookie name over http (the bench app runs on http://127.0.0.1). */
const SESSION_COOKIE = 'next-auth.session-token';

/**
 * Gets `count` members ready to submit, each once: fills their carts (set-based), opens a
 * user_sessions row for each as a sign-in would, and encodes the next-auth cookie that carries
 * the session id with the app's secret. Members are taken by number, which cycles through the
 * organizations, so concurrent submits lock different organization rows as real buyers would.
 */
export async function prepareSubmits(
  sql: Sql,
  options: { count: number; secret: string; maxAgeSeconds: number },
): Promise<PreparedRequest[]> {
  const salt = Math.floor(Math.random() * 5_000);
  const members = await sql.begin(async (tx) => {
    // Utility statements take no bind parameters; both numbers are ours.
    await tx.unsafe(`
      create temp table chosen on commit drop as
      select m.n, m.membership_id, m.user_id, o.address_id from bench.members m join bench.orgs o on o.n = m.org_n
      where m.n <> ${HISTORY_MEMBER_N} order by m.n limit ${Math.floor(options.count)}`);
    await tx`delete from user_sessions where user_id in (select user_id from bench.members)`;
    await tx`delete from cart_lines where membership_id in (select membership_id from chosen)`;
    await tx`
      insert into cart_lines (membership_id, product_id, quantity, added_at)
      select c.membership_id, p.id, 1 + floor(random() * 5)::int, now() - make_interval(secs => 60 - l)
      from chosen c cross join lateral generate_series(1, 1 + c.n % 3) l
      join bench.products p on p.n = 1 + (c.n * 37 + l * 1009 + ${salt}) % (select count(*) from bench.products)`;
    return tx<{ n: number; user_id: string; address_id: string; session_id: string }[]>`
      with opened as (
        insert into user_sessions (user_id, active_membership_id, created_at, last_seen_at, ip_address, user_agent)
        select user_id, membership_id, now(), now(), '127.0.0.1', 'countersign-bench' from chosen
        returning id, active_membership_id
      )
      select c.n, c.user_id, c.address_id, s.id as session_id from chosen c join opened s on s.active_membership_id = c.membership_id order by c.n`;
  });
  // As autovacuum would soon after such a change: the submit's plans depend on these tables' sizes.
  await sql`analyze cart_lines, user_sessions`;
  return Promise.all(
    members.map(async (member) => {
      const token = await encode({
        token: { sub: member.user_id, sid: member.session_id },
        secret: options.secret,
        maxAge: options.maxAgeSeconds,
      });
      const input = {
        idempotencyKey: randomBytes(18).toString('base64url'),
        addressId: member.address_id,
        shippingMethodCode: 'STANDARD',
        paymentMethod: 'on_account',
      };
      return {
        // A browser's Origin: the app refuses state changes from other sites (server/http/cross-site.ts).
        headers: { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json', origin: BENCH_APP_URL },
        body: JSON.stringify({ json: input }),
      };
    }),
  );
}

/**
 * Signs these members in as a sign-in would (a user_sessions row each, their earlier sessions
 * closed) and returns each one's next-auth cookie header, in the same order.
 */
export async function openSessions(
  sql: Sql,
  members: readonly { userId: string; membershipId: string }[],
  options: { secret: string; maxAgeSeconds: number; userAgent: string },
): Promise<string[]> {
  if (members.length === 0) return [];
  const people = members.map((member) => ({ user_id: member.userId, membership_id: member.membershipId }));
  const opened = await sql.begin(async (tx) => {
    await tx`delete from user_sessions where user_id in ${tx(members.map((member) => member.userId))}`;
    return tx<{ id: string; user_id: string }[]>`
      insert into user_sessions (user_id, active_membership_id, created_at, last_seen_at, ip_address, user_agent)
      select (p->>'user_id')::uuid, (p->>'membership_id')::uuid, now(), now(), '127.0.0.1', ${options.userAgent}
      from jsonb_array_elements(${sql.json(people)}) p
      returning id, user_id`;
  });
  const sessionOf = new Map(opened.map((row) => [row.user_id, row.id]));
  return Promise.all(
    members.map(async (member) => {
      const token = await encode({
        token: { sub: member.userId, sid: sessionOf.get(member.userId) },
        secret: options.secret,
        maxAge: options.maxAgeSeconds,
      });
      return `${SESSION_COOKIE}=${token}`;
    }),
  );
}
