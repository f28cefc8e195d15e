import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRPCContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/routers/_app';
import { setupTestDatabase } from '@/server/testing/database';
import { anonymous, createCaller, signIn } from '@/server/testing/factories';
import { ISOLATION_CASES, type Access } from '@/server/testing/isolation-cases';
import { buildWorld, markersOf, type World } from '@/server/testing/world';
import { trpcErrorOf } from '@/server/testing/errors';

/**
 * The isolation harness: every procedure of the app router, called by a member of organization A
 * with input aimed at organization B, must refuse or answer without a trace of B.
 */
const database = setupTestDatabase();
let world: World;

beforeAll(async () => {
  world = await buildWorld(database.db);
});

const procedures = Object.keys(appRouter._def.procedures).sort();
const withAccess = (...kinds: Access[]) =>
  procedures.filter((path) => kinds.includes(ISOLATION_CASES[path]?.access ?? 'org'));

async function call(ctx: TRPCContext, path: string): Promise<unknown> {
  const target = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx));
  const input = ISOLATION_CASES[path]?.input?.(world);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

const REFUSALS = ['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'PRECONDITION_FAILED', 'CONFLICT'];

function leakedMarkers(output: unknown, markers: string[]): string[] {
  const json =
    JSON.stringify(output, (_key, value: unknown) =>
      value instanceof Set || value instanceof Map ? [...value] : value,
    ) ?? '';
  return markers.filter((marker) => json.includes(marker));
}

it('has an isolation case for every procedure, and none for procedures that no longer exist', () => {
  expect(procedures.length).toBeGreaterThan(0);
  expect(procedures.filter((path) => !ISOLATION_CASES[path])).toEqual([]);
  expect(Object.keys(ISOLATION_CASES).filter((path) => !procedures.includes(path))).toEqual([]);
});

describe('without a session', () => {
  it.each(withAccess('user', 'org', 'staff'))('%s answers UNAUTHORIZED', async (path) => {
    const error = await trpcErrorOf(call(anonymous(database.db), path));
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('as a buyer', () => {
  it.each(withAccess('staff'))('%s is refused with FORBIDDEN', async (path) => {
    const ctx = await signIn(database.db, world.a.manager.membership);
    const error = await trpcErrorOf(call(ctx, path));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe("as organization A's account manager", () => {
  it.each(withAccess('public', 'user', 'org'))('%s refuses or shows nothing of organization B', async (path) => {
    const ctx = await signIn(database.db, world.a.manager.membership);
    const outcome = await call(ctx, path).then(
      (output) => ({ output }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      if (!(outcome.error instanceof TRPCError)) throw outcome.error;
      // Any deliberate refusal leaks nothing (a wrong code is BAD_REQUEST); a crash is not a refusal.
      expect(REFUSALS, outcome.error.message).toContain(outcome.error.code);
    } else {
      expect(leakedMarkers(outcome.output, markersOf(world.b))).toEqual([]);
    }
  });

  it("would notice B's data: B's own manager sees B's markers in organization.current", async () => {
    const ctx = await signIn(database.db, world.b.manager.membership);
    const output = await createCaller(ctx).organization.current();
    expect(leakedMarkers(output, markersOf(world.b))).toEqual(
      expect.arrayContaining([
        world.b.organization.id,
        world.b.organization.name,
        ...world.b.units.map((unit) => unit.id),
      ]),
    );
  });
});
