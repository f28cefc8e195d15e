import { CsvError, parse } from 'csv-parse/sync';

/** How large an uploaded CSV file may be: beyond this it is refused before any row is read. */
export type CsvFileLimits = { readonly maxBytes: number; readonly maxRows: number };

/** One problem found in an uploaded file; line 1 is the header row, 0 the file as a whole. */
export type CsvProblem<File extends string = string> = { file: File; line: number; message: string };

export type CsvRow = { line: number; values: Record<string, string>; fieldCount: number };

export type CsvTableOf<File extends string> =
  { ok: true; columns: string[]; rows: CsvRow[] } | { ok: false; problem: CsvProblem<File> };

export type ColumnSpec = { required: readonly string[]; optional: readonly string[] };

type ParsedRecord = { record: string[]; info: { lines: number } };

function lineBreaks(value: string): number {
  return value.match(/\r\n|\r|\n/g)?.length ?? 0;
}

export function describeColumns(spec: ColumnSpec): string {
  const optional = spec.optional.length > 0 ? ` (and optionally ${spec.optional.join(', ')})` : '';
  return `${spec.required.join(', ')}${optional}`;
}

function headerProblem(columns: string[], spec: ColumnSpec): string | null {
  const known = new Set([...spec.required, ...spec.optional]);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column))
      return `The header row names an unknown column "${column.slice(0, 60)}". Expected ${describeColumns(spec)}.`;
    if (seen.has(column)) return `The header row names the column "${column}" twice.`;
    seen.add(column);
  }
  const missing = spec.required.filter((column) => !seen.has(column));
  if (missing.length > 0)
    return `The header row has no ${missing.join(', ')} column. Expected ${describeColumns(spec)}.`;
  return null;
}

/**
 * Reads an uploaded CSV file with a header row into rows keyed by column name (lower-cased,
 * trimmed), each with the line it starts on. Size, syntax and header problems refuse the whole
 * file; a row with the wrong number of fields is kept with its `fieldCount` so the caller reports
 * it against its line.
 */
export function readCsvTable<File extends string>(
  text: string,
  file: File,
  spec: ColumnSpec,
  limits: CsvFileLimits,
): CsvTableOf<File> {
  const fail = (line: number, message: string): CsvTableOf<File> => ({ ok: false, problem: { file, line, message } });
  if (new TextEncoder().encode(text).length > limits.maxBytes) {
    return fail(
      0,
      `${file} is larger than ${limits.maxBytes / 1024 / 1024} MB. Export at most ${limits.maxRows.toLocaleString('en-US')} rows.`,
    );
  }
  let records: ParsedRecord[];
  try {
    // With `info`, csv-parse yields { record, info } objects; its types only know plain arrays.
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 0;
    return fail(
      line,
      `${file} is not valid CSV near line ${line}: ${error.message.split(':')[0]}. Check the quotes on that line.`,
    );
  }
  const [header, ...body] = records;
  if (!header) return fail(1, `${file} is empty. It needs a header row: ${describeColumns(spec)}.`);
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const problem = headerProblem(columns, spec);
  if (problem) return fail(1, problem);
  if (body.length > limits.maxRows) {
    return fail(
      0,
      `${file} has ${body.length.toLocaleString('en-US')} rows; at most ${limits.maxRows.toLocaleString('en-US')} can be imported at once.`,
    );
  }
  const rows = body.map(({ record, info }) => ({
    line: info.lines - record.reduce((sum, value) => sum + lineBreaks(value), 0),
    fieldCount: record.length,
    values: Object.fromEntries(columns.map((column, index) => [column, (record[index] ?? '').trim()])),
  }));
  return { ok: true, columns, rows };
}

/** "true"/"yes"/"1" and their opposites, as spreadsheets and ERPs write them; undefined otherwise. */
export function parseCsvBoolean(text: string): boolean | undefined {
  return CSV_BOOLEANS[text.trim().toLowerCase()];
}

const CSV_BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
};

/** A cell value quoted for a message, cut short when long. */
export function quotedCell(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}
