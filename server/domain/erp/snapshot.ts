import { contactKey, type ImportedContact, type ImportedCustomer } from './rows';

export type StoredContact = ImportedContact & { id: string };

export type ChangeCounts = { added: number; updated: number; removed: number; unchanged: number; kept: number };

/** What applying an import changes: rows to write and rows to delete, with their counts. */
export type SnapshotChanges = {
  customers: { upsert: ImportedCustomer[]; removeCodes: string[]; counts: ChangeCounts };
  contacts: { upsert: ImportedContact[]; removeIds: string[]; counts: ChangeCounts };
};

const sameCustomer = (a: ImportedCustomer, b: ImportedCustomer) =>
  a.name === b.name &&
  a.isCashAccount === b.isCashAccount &&
  a.currency === b.currency &&
  a.creditLimitMinor === b.creditLimitMinor &&
  a.paymentTerms === b.paymentTerms;

/**
 * Snapshot semantics: what the files hold is added or updated, what they do not hold is removed.
 * Except for rows skipped because of errors: the customers and contacts those rows name keep what
 * the last import gave them, so a typo never deletes a customer and signs its people out.
 */
export function diffSnapshot(
  current: { customers: ImportedCustomer[]; contacts: StoredContact[] },
  incoming: { customers: ImportedCustomer[]; contacts: ImportedContact[] },
  skipped: { customerCodes: ReadonlySet<string>; contactKeys: ReadonlySet<string> },
): SnapshotChanges {
  const existingCustomers = new Map(current.customers.map((customer) => [customer.code, customer]));
  const incomingCodes = new Set(incoming.customers.map((customer) => customer.code));
  const customerCounts: ChangeCounts = { added: 0, updated: 0, removed: 0, unchanged: 0, kept: 0 };
  const upsertCustomers: ImportedCustomer[] = [];
  for (const customer of incoming.customers) {
    const existing = existingCustomers.get(customer.code);
    if (existing && sameCustomer(existing, customer)) {
      customerCounts.unchanged += 1;
      continue;
    }
    customerCounts[existing ? 'updated' : 'added'] += 1;
    upsertCustomers.push(customer);
  }
  const removeCodes: string[] = [];
  for (const code of existingCustomers.keys()) {
    if (incomingCodes.has(code)) continue;
    if (skipped.customerCodes.has(code)) customerCounts.kept += 1;
    else removeCodes.push(code);
  }
  customerCounts.removed = removeCodes.length;

  const existingContacts = new Map(current.contacts.map((contact) => [contactKey(contact), contact]));
  const incomingKeys = new Set(incoming.contacts.map(contactKey));
  const contactCounts: ChangeCounts = { added: 0, updated: 0, removed: 0, unchanged: 0, kept: 0 };
  const upsertContacts: ImportedContact[] = [];
  for (const contact of incoming.contacts) {
    const existing = existingContacts.get(contactKey(contact));
    if (existing && existing.name === contact.name) {
      contactCounts.unchanged += 1;
      continue;
    }
    contactCounts[existing ? 'updated' : 'added'] += 1;
    upsertContacts.push(contact);
  }
  const removeIds: string[] = [];
  for (const [key, contact] of existingContacts) {
    if (incomingKeys.has(key)) continue;
    const code = contact.customerCode;
    const customerStays = incomingCodes.has(code) || skipped.customerCodes.has(code);
    const keep = customerStays && (skipped.contactKeys.has(key) || !incomingCodes.has(code));
    if (keep) contactCounts.kept += 1;
    else removeIds.push(contact.id);
  }
  contactCounts.removed = removeIds.length;

  return {
    customers: { upsert: upsertCustomers, removeCodes, counts: customerCounts },
    contacts: { upsert: upsertContacts, removeIds, counts: contactCounts },
  };
}
