import { z } from 'zod';
import { parseErpAmount } from './amount';
import { parseCustomerCode } from './codes';
import type { CsvRow, ErpFile, ImportProblem } from './csv';

export const CUSTOMER_COLUMNS = {
  required: ['customer_code', 'name', 'cash_account'],
  optional: ['currency', 'credit_limit', 'payment_terms'],
} as const;
export const CONTACT_COLUMNS = { required: ['customer_code', 'email', 'name'], optional: [] } as const;

export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 320;
export const PAYMENT_TERMS_MAX_LENGTH = 40;

export type ImportedCustomer = {
  code: string;
  name: string;
  isCashAccount: boolean;
  currency: string | null;
  creditLimitMinor: number | null;
  paymentTerms: string | null;
};

export type ImportedContact = { customerCode: string; email: string; name: string };

/** The rows that passed, the problems of the others, and what rows with problems still identify. */
export type ValidatedRows<T> = { valid: T[]; problems: ImportProblem[]; skippedKeys: Set<string> };

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
};
const emailFormat = z.email();

export const contactKey = (contact: { customerCode: string; email: string }) =>
  `${contact.customerCode}\u0000${contact.email}`;

function quoted(value: string) {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function nameProblem(column: string, value: string): string | null {
  if (!value) return `${column} is empty.`;
  if (value.length > NAME_MAX_LENGTH) return `${column} is longer than ${NAME_MAX_LENGTH} characters.`;
  return null;
}

function fieldCountProblem(row: CsvRow, expected: number): string | null {
  return row.fieldCount === expected ? null : `The row has ${row.fieldCount} fields; the header has ${expected}.`;
}

/** One customer row → the customer, or every problem on the row. */
function customerFromRow(
  row: CsvRow,
  columnCount: number,
): { customer?: ImportedCustomer; code?: string; problems: string[] } {
  const v = row.values;
  const count = fieldCountProblem(row, columnCount);
  if (count) return { problems: [count] };
  const problems: string[] = [];
  const code = parseCustomerCode(v.customer_code ?? '');
  if (!code.ok) problems.push(code.message);
  const name = v.name ?? '';
  const badName = nameProblem('name', name);
  if (badName) problems.push(badName);
  const cash = BOOLEANS[(v.cash_account ?? '').toLowerCase()];
  if (cash === undefined)
    problems.push(`cash_account must be true or false (or yes/no, 1/0), not ${quoted(v.cash_account ?? '')}.`);
  const currency = v.currency || null;
  if (currency && !/^[A-Z]{3}$/.test(currency))
    problems.push(`currency must be three capital letters like USD, not ${quoted(currency)}.`);
  let creditLimitMinor: number | null = null;
  if (v.credit_limit) {
    const amount = parseErpAmount(v.credit_limit, currency ?? 'USD');
    if (amount.ok) creditLimitMinor = amount.minor;
    else problems.push(`credit_limit: ${amount.message}`);
  }
  const paymentTerms = v.payment_terms || null;
  if (paymentTerms && paymentTerms.length > PAYMENT_TERMS_MAX_LENGTH)
    problems.push(`payment_terms is longer than ${PAYMENT_TERMS_MAX_LENGTH} characters.`);
  const codeValue = code.ok ? code.code : undefined;
  if (problems.length > 0 || !codeValue || cash === undefined) return { code: codeValue, problems };
  return {
    code: codeValue,
    problems,
    customer: { code: codeValue, name, isCashAccount: cash, currency, creditLimitMinor, paymentTerms },
  };
}

/**
 * Checks every customer row. A code that appears twice keeps its first row; rows with problems
 * are skipped and reported with their line.
 */
export function validateCustomerRows(rows: CsvRow[], columnCount: number): ValidatedRows<ImportedCustomer> {
  const file: ErpFile = 'customers.csv';
  const firstLine = new Map<string, number>();
  const result: ValidatedRows<ImportedCustomer> = { valid: [], problems: [], skippedKeys: new Set() };
  for (const row of rows) {
    const { customer, code, problems } = customerFromRow(row, columnCount);
    const earlier = code ? firstLine.get(code) : undefined;
    if (earlier !== undefined)
      problems.push(`Customer ${code} is already on line ${earlier}; this duplicate row is skipped.`);
    if (customer && problems.length === 0) {
      firstLine.set(customer.code, row.line);
      result.valid.push(customer);
      continue;
    }
    if (code && earlier === undefined) result.skippedKeys.add(code);
    result.problems.push({ file, line: row.line, message: problems.join(' ') });
  }
  for (const customer of result.valid) result.skippedKeys.delete(customer.code);
  return result;
}

/** Where a contact's customer stands in the customers file, for "unknown customer code". */
export type CustomerLookup = { valid: ReadonlySet<string>; skipped: ReadonlySet<string> };

function contactFromRow(
  row: CsvRow,
  customers: CustomerLookup,
): { contact?: ImportedContact; key?: string; problems: string[] } {
  const count = fieldCountProblem(row, 3);
  if (count) return { problems: [count] };
  const v = row.values;
  const problems: string[] = [];
  const code = parseCustomerCode(v.customer_code ?? '');
  if (!code.ok) problems.push(code.message);
  else if (customers.skipped.has(code.code))
    problems.push(`Customer ${code.code} has errors in customers.csv, so its contacts are skipped too.`);
  else if (!customers.valid.has(code.code))
    problems.push(`Unknown customer_code ${quoted(code.code)}: it is not in customers.csv.`);
  const email = (v.email ?? '').toLowerCase();
  let emailOk = false;
  if (!email) problems.push('email is empty.');
  else if (email.length > EMAIL_MAX_LENGTH) problems.push(`email is longer than ${EMAIL_MAX_LENGTH} characters.`);
  else if (!emailFormat.safeParse(email).success) problems.push(`email ${quoted(email)} is not a valid email address.`);
  else emailOk = true;
  const badName = nameProblem('name', v.name ?? '');
  if (badName) problems.push(badName);
  const key = code.ok && emailOk ? contactKey({ customerCode: code.code, email }) : undefined;
  if (problems.length > 0 || !code.ok) return { key, problems };
  return { key, problems, contact: { customerCode: code.code, email, name: v.name ?? '' } };
}

/** Checks every contact row against the customers that passed; duplicates keep their first row. */
export function validateContactRows(rows: CsvRow[], customers: CustomerLookup): ValidatedRows<ImportedContact> {
  const file: ErpFile = 'contacts.csv';
  const firstLine = new Map<string, number>();
  const result: ValidatedRows<ImportedContact> = { valid: [], problems: [], skippedKeys: new Set() };
  for (const row of rows) {
    const { contact, key, problems } = contactFromRow(row, customers);
    const earlier = key ? firstLine.get(key) : undefined;
    if (earlier !== undefined)
      problems.push(`The same contact is already on line ${earlier}; this duplicate row is skipped.`);
    if (contact && key && problems.length === 0) {
      firstLine.set(key, row.line);
      result.valid.push(contact);
      continue;
    }
    if (key && earlier === undefined) result.skippedKeys.add(key);
    result.problems.push({ file, line: row.line, message: problems.join(' ') });
  }
  for (const contact of result.valid) result.skippedKeys.delete(contactKey(contact));
  return result;
}
