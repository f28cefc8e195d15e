import { describe, expect, it } from 'vitest';
import { planErpImport } from './import-plan';
import type { ImportedCustomer } from './rows';
import type { StoredContact } from './snapshot';

const CUSTOMERS_HEADER = 'customer_code,name,cash_account,currency,credit_limit,payment_terms\n';
const CONTACTS_HEADER = 'customer_code,email,name\n';
const empty = { customers: [] as ImportedCustomer[], contacts: [] as StoredContact[] };

const customer = (code: string, name = `Customer ${code}`): ImportedCustomer => ({
  code,
  name,
  isCashAccount: false,
  currency: null,
  creditLimitMinor: null,
  paymentTerms: null,
});

describe('planErpImport: row checks', () => {
  it('reads good rows, parsing booleans, currency and amounts in minor units', () => {
    const plan = planErpImport(
      {
        customersCsv: `${CUSTOMERS_HEADER}c1,Acme,false,EUR,25000.00,NET 60\nCASH,Walk-in,yes,,,\n`,
        contactsCsv: `${CONTACTS_HEADER}C1,Ann@Acme.TEST,Ann\n`,
      },
      empty,
    );
    expect(plan.summary).toMatchObject({
      blocked: false,
      problemCount: 0,
      customers: { added: 2 },
      contacts: { added: 1 },
    });
    expect(plan.changes?.customers.upsert).toEqual([
      {
        code: 'C1',
        name: 'Acme',
        isCashAccount: false,
        currency: 'EUR',
        creditLimitMinor: 2_500_000,
        paymentTerms: 'NET 60',
      },
      {
        code: 'CASH',
        name: 'Walk-in',
        isCashAccount: true,
        currency: null,
        creditLimitMinor: null,
        paymentTerms: null,
      },
    ]);
    expect(plan.changes?.contacts.upsert).toEqual([{ customerCode: 'C1', email: 'ann@acme.test', name: 'Ann' }]);
  });

  it('reports each bad row with its file, line and every problem, and skips it', () => {
    const customersCsv = [
      'customer_code,name,cash_account,currency,credit_limit',
      'C1,Good,false,USD,10.00',
      'C2,Bad bool,maybe,,',
      'C3,Bad currency,false,usd,',
      'C4,Bad amount,false,USD,1.234',
      `${'X'.repeat(51)},Long code,false,,`,
      `C5,${'n'.repeat(201)},false,,`,
      'C1,Duplicate,false,,',
      'C6,Short row',
    ].join('\n');
    const contactsCsv = [
      'customer_code,email,name',
      'C1,ann@good.test,Ann',
      'C9,bob@nowhere.test,Bob',
      'C1,not-an-email,Cat',
      'C2,dan@bad.test,Dan',
      'C1,ANN@good.test,Ann again',
      `C1,${'e'.repeat(311)}@good.test,Long`,
    ].join('\n');
    const plan = planErpImport({ customersCsv, contactsCsv }, empty);
    expect(plan.summary.problems).toEqual([
      { file: 'customers.csv', line: 3, message: 'cash_account must be true or false (or yes/no, 1/0), not "maybe".' },
      { file: 'customers.csv', line: 4, message: 'currency must be three capital letters like USD, not "usd".' },
      { file: 'customers.csv', line: 5, message: 'credit_limit: "1.234" has more decimals than USD allows (2).' },
      {
        file: 'customers.csv',
        line: 6,
        message: 'customer_code "XXXXXXXXXXXXXXXXXXXX…" is longer than 50 characters.',
      },
      { file: 'customers.csv', line: 7, message: 'name is longer than 200 characters.' },
      { file: 'customers.csv', line: 8, message: 'Customer C1 is already on line 2; this duplicate row is skipped.' },
      { file: 'customers.csv', line: 9, message: 'The row has 2 fields; the header has 5.' },
      { file: 'contacts.csv', line: 3, message: 'Unknown customer_code "C9": it is not in customers.csv.' },
      { file: 'contacts.csv', line: 4, message: 'email "not-an-email" is not a valid email address.' },
      {
        file: 'contacts.csv',
        line: 5,
        message: 'Customer C2 has errors in customers.csv, so its contacts are skipped too.',
      },
      {
        file: 'contacts.csv',
        line: 6,
        message: 'The same contact is already on line 2; this duplicate row is skipped.',
      },
      { file: 'contacts.csv', line: 7, message: 'email is longer than 320 characters.' },
    ]);
    expect(plan.summary.rows).toEqual({ customers: 8, contacts: 6, skipped: 12 });
    expect(plan.summary.customers.added).toBe(1);
    expect(plan.summary.contacts.added).toBe(1);
  });

  it('blocks the whole import when a file cannot be read', () => {
    const plan = planErpImport({ customersCsv: 'code,name\n', contactsCsv: CONTACTS_HEADER }, empty);
    expect(plan.changes).toBeNull();
    expect(plan.summary).toMatchObject({
      blocked: true,
      problemCount: 1,
      problems: [{ file: 'customers.csv', line: 1 }],
    });
  });
});

describe('planErpImport: snapshot', () => {
  const current = {
    customers: [customer('C1', 'Acme'), customer('C2', 'Beta'), customer('C3', 'Gamma')],
    contacts: [
      { id: 'k1', customerCode: 'C1', email: 'ann@acme.test', name: 'Ann' },
      { id: 'k2', customerCode: 'C1', email: 'old@acme.test', name: 'Old' },
      { id: 'k3', customerCode: 'C2', email: 'bo@beta.test', name: 'Bo' },
      { id: 'k4', customerCode: 'C3', email: 'gus@gamma.test', name: 'Gus' },
    ],
  };

  it('adds, updates and removes; a removed customer takes its contacts with it', () => {
    const plan = planErpImport(
      {
        customersCsv: 'customer_code,name,cash_account\nC1,Acme,false\nC2,Beta Renamed,false\nC4,Delta,false\n',
        contactsCsv: `${CONTACTS_HEADER}C1,ann@acme.test,Ann Smith\nC2,bo@beta.test,Bo\nC4,dee@delta.test,Dee\n`,
      },
      current,
    );
    expect(plan.summary.customers).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1, kept: 0 });
    expect(plan.summary.contacts).toEqual({ added: 1, updated: 1, removed: 2, unchanged: 1, kept: 0 });
    expect(plan.changes?.customers.removeCodes).toEqual(['C3']);
    expect(plan.changes?.contacts.removeIds.sort()).toEqual(['k2', 'k4']);
  });

  it('keeps what rows with errors name instead of removing it', () => {
    const plan = planErpImport(
      {
        customersCsv: 'customer_code,name,cash_account\nC1,Acme,false\nC2,Beta,perhaps\n',
        contactsCsv: `${CONTACTS_HEADER}C1,ann@acme.test,${'a'.repeat(201)}\n`,
      },
      current,
    );
    expect(plan.summary.customers).toEqual({ added: 0, updated: 0, removed: 1, unchanged: 1, kept: 1 });
    // ann (row with an error) and bo (customer C2 skipped) stay; old@acme and C3's contact go.
    expect(plan.summary.contacts).toEqual({ added: 0, updated: 0, removed: 2, unchanged: 0, kept: 2 });
    expect(plan.changes?.contacts.removeIds.sort()).toEqual(['k2', 'k4']);
  });

  it('changes nothing when the files match what is stored', () => {
    const plan = planErpImport(
      {
        customersCsv: 'customer_code,name,cash_account\nC1,Acme,false\nC2,Beta,false\nC3,Gamma,false\n',
        contactsCsv: `${CONTACTS_HEADER}C1,ann@acme.test,Ann\nC1,old@acme.test,Old\nC2,bo@beta.test,Bo\nC3,gus@gamma.test,Gus\n`,
      },
      current,
    );
    expect(plan.changes?.customers.upsert).toEqual([]);
    expect(plan.changes?.contacts.upsert).toEqual([]);
    expect(plan.summary.customers).toMatchObject({ unchanged: 3, removed: 0 });
    expect(plan.summary.contacts).toMatchObject({ unchanged: 4, removed: 0 });
  });
});
