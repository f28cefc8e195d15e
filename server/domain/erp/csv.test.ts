import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv';
import { ERP_FILE_LIMITS } from './limits';
import { CONTACT_COLUMNS, CUSTOMER_COLUMNS } from './rows';

describe('readCsvTable', () => {
  it('reads rows by column name with the line each starts on', () => {
    const text = '\uFEFFCustomer_Code, Name ,cash_account\r\nC1, Acme ,false\n\n"C2","Multi\nline",true\nC3,Last,no\n';
    const table = readCsvTable(text, 'customers.csv', CUSTOMER_COLUMNS);
    expect(table).toEqual({
      ok: true,
      columns: ['customer_code', 'name', 'cash_account'],
      rows: [
        { line: 2, fieldCount: 3, values: { customer_code: 'C1', name: 'Acme', cash_account: 'false' } },
        { line: 4, fieldCount: 3, values: { customer_code: 'C2', name: 'Multi\nline', cash_account: 'true' } },
        { line: 6, fieldCount: 3, values: { customer_code: 'C3', name: 'Last', cash_account: 'no' } },
      ],
    });
  });

  it('keeps rows with the wrong number of fields for the caller to report', () => {
    const table = readCsvTable('customer_code,email,name\nC1,a@b.test\n', 'contacts.csv', CONTACT_COLUMNS);
    expect(table.ok && table.rows[0]).toMatchObject({ line: 2, fieldCount: 2 });
  });

  it.each([
    ['', 'contacts.csv is empty. It needs a header row: customer_code, email, name.'],
    ['customer_code,email\nC1,a@b.test', 'The header row has no name column. Expected customer_code, email, name.'],
    [
      'customer_code,email,name,phone\n',
      'The header row names an unknown column "phone". Expected customer_code, email, name.',
    ],
    ['customer_code,email,email,name\n', 'The header row names the column "email" twice.'],
  ])('refuses a bad header: %j', (text, message) => {
    expect(readCsvTable(text, 'contacts.csv', CONTACT_COLUMNS)).toEqual({
      ok: false,
      problem: { file: 'contacts.csv', line: 1, message },
    });
  });

  it('refuses broken quoting with the line', () => {
    const table = readCsvTable(
      'customer_code,email,name\nC1,"a@b.test,Ann\nC2,b@b.test,Bob\n',
      'contacts.csv',
      CONTACT_COLUMNS,
    );
    expect(table).toMatchObject({
      ok: false,
      problem: { file: 'contacts.csv', message: expect.stringContaining('is not valid CSV') },
    });
  });

  it('refuses a file over the size cap and over the row cap, saying so', () => {
    const big = 'customer_code,email,name\n' + 'x'.repeat(ERP_FILE_LIMITS.maxBytes);
    expect(readCsvTable(big, 'contacts.csv', CONTACT_COLUMNS)).toMatchObject({
      ok: false,
      problem: { message: 'contacts.csv is larger than 5 MB. Export at most 50,000 rows.' },
    });
    const many = 'customer_code,email,name\n' + 'C1,a@b.test,A\n'.repeat(ERP_FILE_LIMITS.maxRows + 1);
    expect(readCsvTable(many, 'contacts.csv', CONTACT_COLUMNS)).toMatchObject({
      ok: false,
      problem: { message: 'contacts.csv has 50,001 rows; at most 50,000 can be imported at once.' },
    });
  });
});
