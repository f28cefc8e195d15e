import { describe, expect, it } from 'vitest';
import { readCsvFiles } from './use-csv-import';

const FILES = [
  { name: 'customers', key: 'customersCsv', label: 'Customers', hint: '' },
  { name: 'contacts', key: 'contactsCsv', label: 'Contacts', hint: '' },
] as const;
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 50_000 };

function formWith(files: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, text] of Object.entries(files)) data.set(name, new File([text], `${name}.csv`));
  return data;
}

describe('readCsvFiles', () => {
  it('reads every chosen file as text', async () => {
    const read = await readCsvFiles(formWith({ customers: 'a,b', contacts: 'c,d' }), FILES, {
      limits: LIMITS,
      require: 'all',
    });
    expect(read).toEqual({ texts: { customersCsv: 'a,b', contactsCsv: 'c,d' }, errors: {} });
  });

  it('names each missing file when all are required', async () => {
    const read = await readCsvFiles(formWith({ contacts: 'c,d' }), FILES, { limits: LIMITS, require: 'all' });
    expect(read.errors).toEqual({ customers: 'Choose the customers file.' });
  });

  it('asks for at least one file, on the first, when any will do', async () => {
    const read = await readCsvFiles(new FormData(), FILES, { limits: LIMITS, require: 'any' });
    expect(read).toEqual({ texts: {}, errors: { customers: 'Choose at least one file.' } });
    const one = await readCsvFiles(formWith({ contacts: 'c,d' }), FILES, { limits: LIMITS, require: 'any' });
    expect(one).toEqual({ texts: { contactsCsv: 'c,d' }, errors: {} });
  });

  it('refuses a file over the size limit before it is uploaded', async () => {
    const read = await readCsvFiles(formWith({ customers: 'x'.repeat(1024 * 1024 + 1), contacts: 'c' }), FILES, {
      limits: { maxBytes: 1024 * 1024, maxRows: 1_000 },
      require: 'all',
    });
    expect(read).toEqual({
      texts: { contactsCsv: 'c' },
      errors: { customers: 'customers.csv is larger than 1 MB. Export at most 1,000 rows.' },
    });
  });
});
