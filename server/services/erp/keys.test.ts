import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, erpApiKeys, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { authenticateErpKey, hashApiKey } from './keys';

const database = setupTestDatabase();
let seller: Organization;
let admin: Member;

beforeAll(async () => {
  seller = await createOrganization(database.db, { kind: 'seller' });
  admin = await createMember(database.db, seller, { roles: ['seller_admin'] });
});

const asAdmin = async () => createCaller(await signIn(database.db, admin.membership));

describe('ERP feed keys', () => {
  it('shows a new key once, stores only its hash and prefix, and records who created it', async () => {
    const caller = await asAdmin();
    const created = await caller.erpKeys.create({ name: '  Navision production  ' });
    expect(created.secret).toMatch(/^cs_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key).toMatchObject({
      name: 'Navision production',
      prefix: created.secret.slice(0, 16),
      lastUsedAt: null,
      revokedAt: null,
    });

    const [stored] = await database.db.select().from(erpApiKeys).where(eq(erpApiKeys.id, created.key.id));
    expect(stored?.keyHash).toBe(hashApiKey(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    const listed = await caller.erpKeys.list({ search: 'Navision' });
    expect(listed.rows).toEqual([
      expect.objectContaining({
        id: created.key.id,
        name: 'Navision production',
        prefix: created.key.prefix,
        createdBy: admin.user.name,
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.stringify(listed)).not.toContain(stored?.keyHash);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.key.id));
    expect(audit).toMatchObject({
      organizationId: seller.id,
      actorUserId: admin.user.id,
      action: 'erp.api_key_created',
      data: { name: 'Navision production', prefix: created.key.prefix },
    });
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('gives every key a different secret', async () => {
    const caller = await asAdmin();
    const [a, b] = await Promise.all([
      caller.erpKeys.create({ name: 'Twin A' }),
      caller.erpKeys.create({ name: 'Twin B' }),
    ]);
    expect(a.secret).not.toBe(b.secret);
    expect(a.key.prefix).not.toBe(b.key.prefix);
  });

  it('refuses an empty or over-long name beside the field', async () => {
    const caller = await asAdmin();
    const empty = await trpcErrorOf(caller.erpKeys.create({ name: '   ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.cause?.message).toContain('Name the key');
    const long = await trpcErrorOf(caller.erpKeys.create({ name: 'x'.repeat(101) }));
    expect(long.cause?.message).toContain('at most 100 characters');
  });

  it('revokes a key: it stays listed as revoked, stops authenticating, and a second revoke says when it happened', async () => {
    const caller = await asAdmin();
    const { key, secret } = await caller.erpKeys.create({ name: 'Old ERP' });
    expect(await authenticateErpKey(database.db, secret, new Date())).toMatchObject({ id: key.id });

    const revoked = await caller.erpKeys.revoke({ keyId: key.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateErpKey(database.db, secret, new Date())).toBeNull();

    const listed = await caller.erpKeys.list({ status: 'revoked' });
    expect(listed.rows.map((row) => row.id)).toContain(key.id);
    expect((await caller.erpKeys.list({ status: 'active' })).rows.map((row) => row.id)).not.toContain(key.id);

    const again = await trpcErrorOf(caller.erpKeys.revoke({ keyId: key.id }));
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('“Old ERP” was already revoked on'),
    });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, key.id));
    expect(audits.map((row) => row.action).sort()).toEqual(['erp.api_key_created', 'erp.api_key_revoked']);
  });

  it('says when a key was revoked in the zone of the staff member who asks', async () => {
    const caller = await asAdmin();
    const { key } = await caller.erpKeys.create({ name: 'Tokyo ERP' });
    await caller.erpKeys.revoke({ keyId: key.id });
    await caller.account.setTimeZone({ timeZone: 'Asia/Tokyo' });
    try {
      const again = await trpcErrorOf((await asAdmin()).erpKeys.revoke({ keyId: key.id }));
      expect(again.message).toMatch(
        /^The key “Tokyo ERP” was already revoked on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M GMT\+9\.$/,
      );
    } finally {
      await caller.account.setTimeZone({ timeZone: 'UTC' });
    }
  });

  it('answers NOT_FOUND for a key that does not exist', async () => {
    const error = await trpcErrorOf(
      (await asAdmin()).erpKeys.revoke({ keyId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'That key was not found.' });
  });

  it('pages the list', async () => {
    const caller = await asAdmin();
    for (const n of [1, 2, 3]) await caller.erpKeys.create({ name: `Paged ${n}` });
    const first = await caller.erpKeys.list({ search: 'Paged', pageSize: 2 });
    expect(first).toMatchObject({ total: 3, hasNext: true });
    expect(first.rows.map((row) => row.name)).toEqual(['Paged 3', 'Paged 2']);
    const second = await caller.erpKeys.list({ search: 'Paged', pageSize: 2, page: 2 });
    expect(second).toMatchObject({ hasNext: false, rows: [expect.objectContaining({ name: 'Paged 1' })] });
  });

  it('writes the last use at most once a minute', async () => {
    const { key, secret } = await (await asAdmin()).erpKeys.create({ name: 'Busy ERP' });
    const lastUsed = async () =>
      (await database.db.select().from(erpApiKeys).where(eq(erpApiKeys.id, key.id)))[0]?.lastUsedAt;
    const t0 = new Date('2026-11-23T10:00:00Z');
    await authenticateErpKey(database.db, secret, t0);
    expect(await lastUsed()).toEqual(t0);
    await authenticateErpKey(database.db, secret, new Date('2026-11-23T10:00:59Z'));
    expect(await lastUsed()).toEqual(t0);
    await authenticateErpKey(database.db, secret, new Date('2026-11-23T10:01:00Z'));
    expect(await lastUsed()).toEqual(new Date('2026-11-23T10:01:00Z'));
  });

  it('does not authenticate a made-up or malformed key', async () => {
    expect(await authenticateErpKey(database.db, `cs_live_${'A'.repeat(43)}`, new Date())).toBeNull();
    expect(await authenticateErpKey(database.db, 'not-a-key', new Date())).toBeNull();
  });
});

describe('who may manage keys', () => {
  it('refuses a buyer', async () => {
    const buyerOrganization = await createOrganization(database.db);
    const manager = await createMember(database.db, buyerOrganization, ACCOUNT_MANAGER);
    const error = await trpcErrorOf(
      createCaller(await signIn(database.db, manager.membership)).erpKeys.create({ name: 'Sneaky' }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    expect((await database.db.select().from(erpApiKeys).where(eq(erpApiKeys.name, 'Sneaky'))).length).toBe(0);
  });

  it('refuses staff without the ERP permission, like a fulfillment clerk', async () => {
    const clerk = await createMember(database.db, seller, { roles: ['fulfillment_clerk'] });
    const caller = createCaller(await signIn(database.db, clerk.membership));
    expect(await trpcErrorOf(caller.erpKeys.list({}))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You do not have permission to do this.',
    });
    expect(await trpcErrorOf(caller.erpKeys.create({ name: 'Clerk key' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You do not have permission to do this.',
    });
  });
});
