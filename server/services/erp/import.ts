import { count, eq, ilike, inArray, notInArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { erpContacts, erpCustomers, erpExcludedCustomers, memberships, organizations, users } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { parseExcludedCodes } from '@/server/domain/erp/codes';
import { customerEligibility } from '@/server/domain/erp/eligibility';
import { planErpImport, type ImportSummary } from '@/server/domain/erp/import-plan';
import type { SnapshotChanges } from '@/server/domain/erp/snapshot';
import { DomainError } from '@/server/domain/errors';
import type { ErpContactsInput, ErpImportInput } from '@/server/schemas/erp';
import { recordAudit } from '../audit/record-audit';

const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** SQL: the customer code of `column` is on the excluded list. */
export const isExcludedCode = (column: AnyColumn) =>
  sql<boolean>`exists (select 1 from ${erpExcludedCustomers} where ${erpExcludedCustomers.code} = ${column})`;

async function loadSnapshot(db: Executor) {
  const customers = await db
    .select({
      code: erpCustomers.code,
      name: erpCustomers.name,
      isCashAccount: erpCustomers.isCashAccount,
      currency: erpCustomers.currency,
      creditLimitMinor: erpCustomers.creditLimitMinor,
      paymentTerms: erpCustomers.paymentTerms,
    })
    .from(erpCustomers);
  const contacts = await db
    .select({
      id: erpContacts.id,
      customerCode: erpContacts.customerCode,
      email: erpContacts.email,
      name: erpContacts.name,
    })
    .from(erpContacts);
  return { customers, contacts };
}

/** What importing the two files would change, and every problem in them. Writes nothing. */
export async function previewErpImport(db: Executor, files: ErpImportInput): Promise<ImportSummary> {
  return planErpImport(files, await loadSnapshot(db)).summary;
}

async function writeChanges(tx: Executor, changes: SnapshotChanges, now: Date) {
  for (const ids of chunks(changes.contacts.removeIds, 5 * CHUNK))
    await tx.delete(erpContacts).where(inArray(erpContacts.id, ids));
  for (const codes of chunks(changes.customers.removeCodes, 5 * CHUNK))
    await tx.delete(erpCustomers).where(inArray(erpCustomers.code, codes));
  for (const rows of chunks(changes.customers.upsert)) {
    await tx
      .insert(erpCustomers)
      .values(rows.map((row) => ({ ...row, importedAt: now })))
      .onConflictDoUpdate({
        target: erpCustomers.code,
        set: {
          name: sql`excluded.name`,
          isCashAccount: sql`excluded.is_cash_account`,
          currency: sql`excluded.currency`,
          creditLimitMinor: sql`excluded.credit_limit_minor`,
          paymentTerms: sql`excluded.payment_terms`,
          importedAt: sql`excluded.imported_at`,
        },
      });
  }
  for (const rows of chunks(changes.contacts.upsert)) {
    await tx
      .insert(erpContacts)
      .values(rows.map((row) => ({ ...row, importedAt: now })))
      .onConflictDoUpdate({
        target: [erpContacts.customerCode, erpContacts.email],
        set: { name: sql`excluded.name`, importedAt: sql`excluded.imported_at` },
      });
  }
}

/**
 * Replaces the ERP snapshot with the two files in one transaction: what they hold is upserted,
 * what they lack is removed (contacts with their customer), rows with errors are skipped. Imports
 * queue behind each other, and each is recorded in the audit log with its counts. `actor` is the
 * member of staff applying it from the dashboard, or null when the command-line script does.
 */
export async function applyErpImport(
  db: Database,
  input: ErpImportInput & { actor: Actor | null; now: Date },
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('countersign.erp-import'))`);
    const plan = planErpImport(input, await loadSnapshot(tx));
    if (!plan.changes) {
      const first = plan.summary.problems[0];
      throw new DomainError('invalid', `Nothing was imported: ${first?.message ?? 'the files cannot be read.'}`);
    }
    await writeChanges(tx, plan.changes, input.now);
    const { rows, customers, contacts } = plan.summary;
    await recordAudit(tx, {
      organizationId: input.actor?.organizationId ?? null,
      actorUserId: input.actor?.userId ?? null,
      action: 'erp.imported',
      targetType: 'erp_snapshot',
      data: { source: input.actor ? 'dashboard' : 'script', rows, customers, contacts },
      now: input.now,
    });
    return plan.summary;
  });
}

/** The excluded customer codes, each with whether the last import has that customer. */
export async function listExcludedCodes(db: Executor) {
  return db
    .select({ code: erpExcludedCustomers.code, customerName: erpCustomers.name })
    .from(erpExcludedCustomers)
    .leftJoin(erpCustomers, eq(erpCustomers.code, erpExcludedCustomers.code))
    .orderBy(erpExcludedCustomers.code);
}

/** Replaces the excluded list with the codes typed by staff; a bad code is reported beside the field. */
export async function replaceExcludedCodes(db: Database, input: { codes: string; actor: Actor; now: Date }) {
  const parsed = parseExcludedCodes(input.codes);
  if (!parsed.ok)
    throw new DomainError('invalid', parsed.problems[0] ?? 'Some codes are not valid.', { codes: parsed.problems });
  return db.transaction(async (tx) => {
    const before = (await tx.select({ code: erpExcludedCustomers.code }).from(erpExcludedCustomers).for('update')).map(
      (row) => row.code,
    );
    const removed = before.filter((code) => !parsed.codes.includes(code));
    const added = parsed.codes.filter((code) => !before.includes(code));
    await tx
      .delete(erpExcludedCustomers)
      .where(parsed.codes.length > 0 ? notInArray(erpExcludedCustomers.code, parsed.codes) : undefined);
    for (const codes of chunks(added)) {
      await tx
        .insert(erpExcludedCustomers)
        .values(codes.map((code) => ({ code, createdAt: input.now })))
        .onConflictDoNothing();
    }
    await recordAudit(tx, {
      organizationId: input.actor.organizationId,
      actorUserId: input.actor.userId,
      action: 'erp.excluded_codes_changed',
      targetType: 'erp_excluded_customers',
      data: { added: added.slice(0, 100), removed: removed.slice(0, 100), total: parsed.codes.length },
      now: input.now,
    });
    return { total: parsed.codes.length, added: added.length, removed: removed.length };
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** Imported contacts with their customer, searchable by email, name or customer, a page at a time. */
export async function listErpContacts(db: Executor, input: ErpContactsInput) {
  const pattern = input.search ? `%${escapeLike(input.search)}%` : null;
  const where = pattern
    ? or(
        ilike(erpContacts.email, pattern),
        ilike(erpContacts.name, pattern),
        ilike(erpContacts.customerCode, pattern),
        ilike(erpCustomers.name, pattern),
      )
    : undefined;
  const hasAccount = sql<boolean>`exists (select 1 from ${memberships}
    join ${users} on ${users.id} = ${memberships.userId}
    join ${organizations} on ${organizations.id} = ${memberships.organizationId}
    where ${users.email} = ${erpContacts.email} and ${organizations.erpCustomerCode} = ${erpContacts.customerCode})`;
  const rows = await db
    .select({
      id: erpContacts.id,
      email: erpContacts.email,
      name: erpContacts.name,
      customerCode: erpContacts.customerCode,
      customerName: erpCustomers.name,
      isCashAccount: erpCustomers.isCashAccount,
      excluded: isExcludedCode(erpContacts.customerCode),
      hasAccount,
    })
    .from(erpContacts)
    .innerJoin(erpCustomers, eq(erpCustomers.code, erpContacts.customerCode))
    .where(where)
    .orderBy(erpContacts.customerCode, erpContacts.email)
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(erpContacts)
    .innerJoin(erpCustomers, eq(erpCustomers.code, erpContacts.customerCode))
    .where(where);
  return {
    page: input.page,
    total: total?.n ?? 0,
    hasNext: rows.length > input.pageSize,
    rows: rows.slice(0, input.pageSize).map(({ hasAccount: has, ...row }) => ({
      ...row,
      status: has ? ('has_account' as const) : customerEligibility(row),
    })),
  };
}
