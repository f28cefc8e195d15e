import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, erpContacts, erpCustomers, erpExcludedCustomers } from '@/db/schema';
import { seedErpDemo } from '@/server/launch/seed/erp-demo';
import { DomainError } from '@/server/domain/errors';
import { setupTestDatabase } from '@/server/testing/database';
import { newStaffActor } from '@/server/testing/staff-actors';
import { applyErpImport, listErpContacts, listExcludedCodes, previewErpImport, replaceExcludedCodes } from './import';

const database = setupTestDatabase();
const now = new Date('2025-04-01T09:00:00Z');

const customersCsv = (...rows: string[]) =>
  ['customer_code,name,cash_account,currency,credit_limit,payment_terms', ...rows].join('\n');
const contactsCsv = (...rows: string[]) => ['customer_code,email,name', ...rows].join('\n');
const apply = (files: { customersCsv: string; contactsCsv: string }) =>
  applyErpImport(database.db, { ...files, actor: null, now });

async function snapshot() {
  const customers = await database.db.select().from(erpCustomers).orderBy(erpCustomers.code);
  const contacts = await database.db.select().from(erpContacts).orderBy(erpContacts.customerCode, erpContacts.email);
  return { customers, contacts };
}

const BASE = {
  customersCsv: customersCsv('A1,Alpha,false,USD,25000.00,NET 30', 'B1,Beta,false,,,', 'CASH,Walk-in,true,,,'),
  contactsCsv: contactsCsv(
    'A1,ann@alpha.test,Ann',
    'A1,al@alpha.test,Al',
    'B1,bo@beta.test,Bo',
    'CASH,cash@walkin.test,Cash',
  ),
};

describe('preview and apply', () => {
  it('previews without writing, then applies the same counts', async () => {
    const before = await snapshot();
    const preview = await previewErpImport(database.db, BASE);
    expect(preview).toMatchObject({ blocked: false, customers: { added: 3 }, contacts: { added: 4 }, problemCount: 0 });
    expect(await snapshot()).toEqual(before);

    const applied = await apply(BASE);
    expect(applied).toEqual(preview);
    const after = await snapshot();
    expect(after.customers.map((c) => [c.code, c.creditLimitMinor, c.isCashAccount])).toEqual([
      ['A1', 2_500_000, false],
      ['B1', null, false],
      ['CASH', null, true],
    ]);
    expect(after.contacts).toHaveLength(4);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'erp.imported'))
      .orderBy(desc(auditLog.createdAt));
    expect(audit?.data).toMatchObject({ source: 'script', customers: { added: 3 }, contacts: { added: 4 } });
  });

  it('records an import from the dashboard as the member of staff who applied it', async () => {
    const actor = await newStaffActor(database.db);
    await applyErpImport(database.db, { ...BASE, actor, now: new Date(now.getTime() + 60_000) });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'erp.imported'))
      .orderBy(desc(auditLog.createdAt));
    expect(audit).toMatchObject({
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      data: { source: 'dashboard' },
    });
  });

  it('replaces the snapshot: absent customers go with their contacts, present ones are updated', async () => {
    await apply(BASE);
    const summary = await apply({
      customersCsv: customersCsv('A1,Alpha Renamed,false,USD,25000.00,NET 30', 'C1,Gamma,false,EUR,10,'),
      contactsCsv: contactsCsv('A1,ann@alpha.test,Ann', 'C1,gus@gamma.test,Gus'),
    });
    expect(summary.customers).toEqual({ added: 1, updated: 1, removed: 2, unchanged: 0, kept: 0 });
    expect(summary.contacts).toEqual({ added: 1, updated: 0, removed: 3, unchanged: 1, kept: 0 });
    const after = await snapshot();
    expect(after.customers.map((c) => `${c.code}:${c.name}`)).toEqual(['A1:Alpha Renamed', 'C1:Gamma']);
    expect(after.contacts.map((c) => c.email)).toEqual(['ann@alpha.test', 'gus@gamma.test']);
  });

  it('reports bad rows by file and line, skips them and keeps what they name', async () => {
    await apply(BASE);
    const summary = await apply({
      customersCsv: customersCsv('A1,Alpha,false,USD,25000.00,NET 30', 'B1,Beta,sometimes,,,', 'CASH,Walk-in,true,,,'),
      contactsCsv: contactsCsv(
        'A1,ann@alpha.test,Ann',
        'A1,al-at-alpha,Al',
        'CASH,cash@walkin.test,Cash',
        'Z9,zed@zed.test,Zed',
      ),
    });
    expect(summary.problems).toEqual([
      {
        file: 'customers.csv',
        line: 3,
        message: 'cash_account must be true or false (or yes/no, 1/0), not "sometimes".',
      },
      { file: 'contacts.csv', line: 3, message: 'email "al-at-alpha" is not a valid email address.' },
      { file: 'contacts.csv', line: 5, message: 'Unknown customer_code "Z9": it is not in customers.csv.' },
    ]);
    // B1's row was bad: B1 and bo@beta stay. al@alpha is simply absent now, so it goes.
    const after = await snapshot();
    expect(after.customers.map((c) => c.code)).toEqual(['A1', 'B1', 'CASH']);
    expect(after.contacts.map((c) => c.email)).toEqual(['ann@alpha.test', 'bo@beta.test', 'cash@walkin.test']);
  });

  it('refuses files it cannot read and changes nothing', async () => {
    await apply(BASE);
    const before = await snapshot();
    const error = await apply({ customersCsv: 'code;name\nA1;Alpha', contactsCsv: BASE.contactsCsv }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain(
      'Nothing was imported: The header row names an unknown column "code;name"',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('applies in one transaction: a failure half-way leaves the previous snapshot whole', async () => {
    await apply(BASE);
    const before = await snapshot();
    await database.db.execute(sql`create function erp_test_boom() returns trigger language plpgsql as $$
      begin if new.email = 'boom@fail.test' then raise exception 'boom'; end if; return new; end $$`);
    await database.db.execute(
      sql`create trigger erp_test_boom before insert on erp_contacts for each row execute function erp_test_boom()`,
    );
    try {
      const failing = {
        customersCsv: customersCsv('N1,New,false,,,'),
        contactsCsv: contactsCsv('N1,boom@fail.test,Boom'),
      };
      await expect(apply(failing)).rejects.toThrow();
      expect(await snapshot()).toEqual(before);
    } finally {
      await database.db.execute(sql`drop trigger erp_test_boom on erp_contacts`);
      await database.db.execute(sql`drop function erp_test_boom()`);
    }
  });
});

describe('excluded customer codes', () => {
  it('replaces the list, upper-casing and ignoring repeats, and records the change', async () => {
    const actor = await newStaffActor(database.db);
    await replaceExcludedCodes(database.db, { codes: 'x1, X2\nx1', actor, now });
    const later = new Date(now.getTime() + 60_000);
    expect(await replaceExcludedCodes(database.db, { codes: 'X2\nA1', actor, now: later })).toEqual({
      total: 2,
      added: 1,
      removed: 1,
    });
    expect((await listExcludedCodes(database.db)).map((row) => row.code)).toEqual(['A1', 'X2']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'erp.excluded_codes_changed'))
      .orderBy(desc(auditLog.createdAt));
    expect(audit?.data).toMatchObject({ added: ['A1'], removed: ['X1'], total: 2 });
  });

  it('reports bad codes beside the field and keeps the list', async () => {
    const actor = await newStaffActor(database.db);
    await replaceExcludedCodes(database.db, { codes: 'K1', actor, now });
    const error = await replaceExcludedCodes(database.db, { codes: 'K2, not a code', actor, now }).catch(
      (caught: unknown) => caught,
    );
    expect((error as DomainError).fieldErrors).toEqual({
      codes: ['The code "NOT A CODE" may contain only letters, digits and . _ - /'],
    });
    expect(await database.db.select({ code: erpExcludedCustomers.code }).from(erpExcludedCustomers)).toEqual([
      { code: 'K1' },
    ]);
  });
});

describe('the contacts list', () => {
  it('searches by email, name or customer and pages', async () => {
    await apply(BASE);
    const all = await listErpContacts(database.db, { page: 1, pageSize: 3 });
    expect(all).toMatchObject({ total: 4, hasNext: true, page: 1 });
    expect(all.rows.map((row) => row.email)).toEqual(['al@alpha.test', 'ann@alpha.test', 'bo@beta.test']);
    expect(
      (await listErpContacts(database.db, { page: 2, pageSize: 3 })).rows.map((row) => [row.email, row.status]),
    ).toEqual([['cash@walkin.test', 'cash_account']]);
    expect(
      (await listErpContacts(database.db, { search: 'beta', page: 1, pageSize: 25 })).rows.map((row) => row.email),
    ).toEqual(['bo@beta.test']);
    expect((await listErpContacts(database.db, { search: '%', page: 1, pageSize: 25 })).total).toBe(0);
  });
});

describe('the demo data and the sample files', () => {
  it('match: importing the samples over the seeded snapshot changes nothing', async () => {
    await apply({ customersCsv: customersCsv(), contactsCsv: contactsCsv() });
    await database.db.transaction((tx) => seedErpDemo(tx, now).then(() => tx.delete(erpExcludedCustomers)));
    const files = {
      customersCsv: await readFile('server/launch/seed/erp-sample/customers.csv', 'utf8'),
      contactsCsv: await readFile('server/launch/seed/erp-sample/contacts.csv', 'utf8'),
    };
    const summary = await previewErpImport(database.db, files);
    expect(summary).toMatchObject({
      problemCount: 0,
      customers: { added: 0, updated: 0, removed: 0, unchanged: 6 },
      contacts: { added: 0, updated: 0, removed: 0, unchanged: 6 },
    });
  });

  it('the script imports them (and a dry run writes nothing)', async () => {
    await apply({ customersCsv: customersCsv(), contactsCsv: contactsCsv() });
    const run = (...extra: string[]) =>
      promisify(execFile)(
        'npx',
        [
          'tsx',
          'server/launch/erp-import.ts',
          '--customers',
          'server/launch/seed/erp-sample/customers.csv',
          '--contacts',
          'server/launch/seed/erp-sample/contacts.csv',
          ...extra,
        ],
        {
          env: { ...process.env, DATABASE_URL: database.url },
        },
      );
    const dry = await run('--dry-run');
    expect(dry.stdout).toContain('Customers: 6 added, 0 updated, 0 removed, 0 unchanged, 0 kept.');
    expect((await snapshot()).customers).toEqual([]);
    const real = await run();
    expect(real.stdout).toContain('Imported 6 customer rows and 6 contact rows.');
    const after = await snapshot();
    expect(after.customers.map((c) => c.code)).toEqual(['C1001', 'C1002', 'C2001', 'C2002', 'C9001', 'CASH']);
    expect(after.contacts.filter((c) => c.email === 'tom@tailspin.test').map((c) => c.customerCode)).toEqual([
      'C2001',
      'C2002',
    ]);
  }, 60_000);
});
