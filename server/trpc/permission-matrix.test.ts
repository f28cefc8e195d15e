import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { effectivePermissions } from '@/server/domain/access/effective-permissions';
import { PREDEFINED_ROLES } from '@/server/domain/access/roles';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, signIn, type Member, type PredefinedRoleKey } from '@/server/testing/factories';
import { ISOLATION_CASES } from '@/server/testing/isolation-cases';
import { buildWorld, type World } from '@/server/testing/world';
import { PERMISSION_REFUSED, satisfies, type ProcedureMeta } from './init';
import { appRouter } from './routers/_app';

/**
 * The permission matrix: every procedure that names a permission, called by a member holding
 * each predefined role of its side (and by a member with no role), is refused exactly when the
 * role's permissions — from the one table — do not satisfy it. New procedures and new roles join
 * the matrix by themselves.
 */
const database = setupTestDatabase();
let world: World;
const members = new Map<string, Member>();

const ALL_FLAGS = { mayOrder: true, maySeePrices: true, maySeeStock: true, mayAuthorizeOrders: true };
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
)
  .map(([path, procedure]) => ({ path, meta: procedure._def.meta ?? {}, access: ISOLATION_CASES[path]?.access }))
  .filter(({ access }) => access === 'org' || access === 'staff');

const holders = (side: 'buyer' | 'seller') => [
  ...PREDEFINED_ROLES.filter((role) => role.side === side).map((role) => role.key),
  `no role (${side})`,
];

beforeAll(async () => {
  world = await buildWorld(database.db);
  for (const side of ['buyer', 'seller'] as const) {
    const organization = side === 'buyer' ? world.a.organization : world.seller.organization;
    for (const key of holders(side)) {
      const roles = key.startsWith('no role') ? [] : [key as PredefinedRoleKey];
      members.set(key, await createMember(database.db, organization, { roles, ...ALL_FLAGS }));
    }
  }
});

async function call(member: Member, path: string): Promise<unknown> {
  const caller = createCaller(await signIn(database.db, member.membership));
  const target = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (target as (input: unknown) => Promise<unknown>)(ISOLATION_CASES[path]?.input?.(world));
}

function permissionsOf(key: string) {
  return effectivePermissions(PREDEFINED_ROLES.find((role) => role.key === key)?.permissions ?? [], ALL_FLAGS);
}

it('covers every organization and staff procedure, and most of them name a permission', () => {
  expect(procedures.length).toBeGreaterThan(20);
  expect(procedures.filter(({ meta }) => meta.permission).length).toBeGreaterThan(procedures.length / 2);
});

for (const { path, meta, access } of procedures) {
  describe(path, () => {
    for (const key of holders(access === 'staff' ? 'seller' : 'buyer')) {
      const allowed = satisfies(permissionsOf(key), meta.permission);
      it(`${allowed ? 'lets' : 'refuses'} ${key}`, async () => {
        const member = members.get(key);
        if (!member) throw new Error(`no member for ${key}`);
        const error = await call(member, path).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        const refusedForPermission =
          error instanceof TRPCError && error.code === 'FORBIDDEN' && error.message === PERMISSION_REFUSED;
        expect(refusedForPermission, error instanceof Error ? error.message : 'no error').toBe(!allowed);
      });
    }
  });
}
