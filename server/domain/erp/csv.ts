import { readCsvTable as readTable, type ColumnSpec, type CsvProblem, type CsvRow, type CsvTableOf } from '../csv';
import { ERP_FILE_LIMITS } from './limits';

// The CSV reading itself is shared (server/domain/csv.ts); this names the ERP's two files.

export type ErpFile = 'customers.csv' | 'contacts.csv';

/** One problem found in an uploaded file; line 1 is the header row. */
export type ImportProblem = CsvProblem<ErpFile>;

export type { ColumnSpec, CsvRow };

export type CsvTable = CsvTableOf<ErpFile>;

/** Reads one of the ERP exports within the ERP file limits (see readCsvTable in ../csv). */
export function readCsvTable(text: string, file: ErpFile, spec: ColumnSpec): CsvTable {
  return readTable(text, file, spec, ERP_FILE_LIMITS);
}
