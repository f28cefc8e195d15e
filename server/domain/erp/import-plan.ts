import { readCsvTable, type ImportProblem } from './csv';
import {
  CONTACT_COLUMNS,
  CUSTOMER_COLUMNS,
  validateContactRows,
  validateCustomerRows,
  type ImportedCustomer,
} from './rows';
import { diffSnapshot, type ChangeCounts, type SnapshotChanges, type StoredContact } from './snapshot';

/** At most this many problems are returned; the count says how many there were. */
export const PROBLEMS_SHOWN = 200;

export type ImportSummary = {
  /** A problem with a whole file (size, syntax, header): nothing can be applied. */
  blocked: boolean;
  rows: { customers: number; contacts: number; skipped: number };
  customers: ChangeCounts;
  contacts: ChangeCounts;
  problems: ImportProblem[];
  problemCount: number;
};

export type ImportPlan = { summary: ImportSummary; changes: SnapshotChanges | null };

const noCounts = (): ChangeCounts => ({ added: 0, updated: 0, removed: 0, unchanged: 0, kept: 0 });

/**
 * Everything an import would do, decided from the two files and the current snapshot: the preview
 * shows `summary`, applying writes `changes`.
 */
export function planErpImport(
  files: { customersCsv: string; contactsCsv: string },
  current: { customers: ImportedCustomer[]; contacts: StoredContact[] },
): ImportPlan {
  const customerTable = readCsvTable(files.customersCsv, 'customers.csv', CUSTOMER_COLUMNS);
  const contactTable = readCsvTable(files.contactsCsv, 'contacts.csv', CONTACT_COLUMNS);
  if (!customerTable.ok || !contactTable.ok) {
    const problems = [customerTable, contactTable].flatMap((table) => (table.ok ? [] : [table.problem]));
    const rows = {
      customers: customerTable.ok ? customerTable.rows.length : 0,
      contacts: contactTable.ok ? contactTable.rows.length : 0,
      skipped: 0,
    };
    return {
      summary: {
        blocked: true,
        rows,
        customers: noCounts(),
        contacts: noCounts(),
        problems,
        problemCount: problems.length,
      },
      changes: null,
    };
  }
  const customers = validateCustomerRows(customerTable.rows, customerTable.columns.length);
  const contacts = validateContactRows(contactTable.rows, {
    valid: new Set(customers.valid.map((customer) => customer.code)),
    skipped: customers.skippedKeys,
  });
  const changes = diffSnapshot(
    current,
    { customers: customers.valid, contacts: contacts.valid },
    { customerCodes: customers.skippedKeys, contactKeys: contacts.skippedKeys },
  );
  const problems = [...customers.problems, ...contacts.problems];
  return {
    summary: {
      blocked: false,
      rows: { customers: customerTable.rows.length, contacts: contactTable.rows.length, skipped: problems.length },
      customers: changes.customers.counts,
      contacts: changes.contacts.counts,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      problemCount: problems.length,
    },
    changes,
  };
}
