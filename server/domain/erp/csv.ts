import { CsvError, parse } from 'csv-parse/sync';
import { ERP_FILE_LIMITS } from './limits';


export type ErpFile = 'customers.csv' | 'contacts.csv';

/** One problem found in an uploaded file; line 1 is the header row. */
export type ImportProblem = { file: ErpFile; line: number; message: string };

export type CsvRow = { line: number; values: Record<string, string>; fieldCount: number };

export type CsvTable = { ok: true; columns: string[]; rows: CsvRow[] } | { ok: false; problem: ImportProblem };

export type ColumnSpec = { required: readonly string[]; optional: readonly string[] };

type ParsedRecord = { record: string[]; info: { lines: number } };

function lineBreaks(value: string): number {
  return value.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function describeColumns(spec: ColumnSpec): string {
  const optional = spec.optional.length > 0 ? ` (and optionally ${spec.optional.join(', ')})` : '';
  return `${spec.required.join(', ')}${optional}`;
}

function headerProblem(columns: string[], spec: ColumnSpec): string | null {
  const known = new Set([...spec.required, ...spec.optional]);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) return `The header row names an unknown column "${column.slice(0, 60)}". Expected ${describeColumns(spec)}.`;
    if (seen.has(column)) return `The header row names the column "${column}" twice.`;
    seen.add(column);
  }
  const missing = spec.required.filter((column) => !seen.has(column));
  if (missing.length > 0) return `The header row has no ${missing.join(', ')} column. Expected ${describeColumns(spec)}.`;
  return null;
}

/**
 * Reads a CSV export with a header row into rows keyed by column name, each with the line it
 * starts on. Size, syntax and header problems refuse the whole file; a row with the wrong number
 * of fields is kept with its `fieldCount` so the caller reports it against its line.
 */
export function readCsvTable(text: string, file: ErpFile, spec: ColumnSpec): CsvTable {
  const fail = (line: number, message: string): CsvTable => ({ ok: false, problem: { file, line, message } });
  if (new TextEncoder().encode(text).length > ERP_FILE_LIMITS.maxBytes) {
    return fail(0, `${file} is larger than ${ERP_FILE_LIMITS.maxBytes / 1024 / 1024} MB. Export at most ${ERP_FILE_LIMITS.maxRows.toLocaleString('en-US')} rows.`);
  }
  let records: ParsedRecord[];
  try {
    // With `info`, csv-parse yields { record, info } objects; its types only know plain arrays.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 0;
    return fail(line, `${file} is not valid CSV near line ${line}: ${error.message.split(':')[0]}. Check the quotes on that line.`);
  }
  const [header, ...body] = records;
  if (!header) return fail(1, `${file} is empty. It needs a header row: ${describeColumns(spec)}.`);
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const problem = headerProblem(columns, spec);
  if (problem) return fail(1, problem);
  if (body.length > ERP_FILE_LIMITS.maxRows) {
    return fail(0, `${file} has ${body.length.toLocaleString('en-US')} rows; at most ${ERP_FILE_LIMITS.maxRows.toLocaleString('en-US')} can be imported at once.`);
  }
  const rows = body.map(({ record, info }) => ({
    line: info.lines - record.reduce((sum, value) => sum + lineBreaks(value), 0),
    fieldCount: record.length,
    values: Object.fromEntries(columns.map((column, index) => [column, (record[index] ?? '').trim()])),
  }));
  return { ok: true, columns, rows };
}
